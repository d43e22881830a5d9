/**
 * Multipart rows as the editor shows them: a name without the `~` marker, an enabled flag,
 * and a type (text value or file path). The file holds exactly one of `value` and `file`
 * per part (the engine refuses both), so the type says which one is set.
 */
import type { MultipartPart } from "../bindings/MultipartPart";
import { DISABLED_PREFIX } from "./keyValueRows";

export type PartType = "text" | "file";

export function partType(part: MultipartPart): PartType {
  return part.file !== undefined ? "file" : "text";
}

export function partEnabled(part: MultipartPart): boolean {
  return !part.name.startsWith(DISABLED_PREFIX);
}

/** The name as the row shows it, without the disabled marker. */
export function partName(part: MultipartPart): string {
  return partEnabled(part) ? part.name : part.name.slice(DISABLED_PREFIX.length);
}

export function withPartName(part: MultipartPart, name: string): MultipartPart {
  return { ...part, name: partEnabled(part) ? name : DISABLED_PREFIX + name };
}

export function withPartEnabled(part: MultipartPart, enabled: boolean): MultipartPart {
  const name = partName(part);
  return { ...part, name: enabled ? name : DISABLED_PREFIX + name };
}

/** The part as a `type` row; the value or path of the other type is dropped. */
export function withPartType(part: MultipartPart, type: PartType): MultipartPart {
  if (partType(part) === type) return part;
  const rest = { ...part };
  delete rest.value;
  delete rest.file;
  return type === "file" ? { ...rest, file: "" } : { ...rest, value: "" };
}

/** The part with its text (for a text part) or its path (for a file part) replaced. */
export function withPartContent(part: MultipartPart, content: string): MultipartPart {
  return partType(part) === "file" ? { ...part, file: content } : { ...part, value: content };
}

/** The part with a content type, or without one when `contentType` is blank. */
export function withPartContentType(part: MultipartPart, contentType: string): MultipartPart {
  if (contentType.trim() !== "") return { ...part, content_type: contentType };
  const rest = { ...part };
  delete rest.content_type;
  return rest;
}
