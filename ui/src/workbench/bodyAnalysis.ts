/** Everything the body view decides up front, computed once per body. */
import { bodyByteLength, bodyText, type Body } from "./bodyContent";
import { bodyModes, type BodyMode } from "./bodyModes";
import { detectContentKind, mimeType, type ContentKind } from "./contentKind";
import { parseJson, type JsonNode } from "../json/parse";

export type BodyAnalysis = {
  mime: string;
  kind: ContentKind;
  /** The parsed tree when the body is JSON and parses; null otherwise. */
  json: JsonNode | null;
  /** Views available, the default first. */
  modes: BodyMode[];
  /** Bytes held, which is less than received when the body was cut at the storage cap. */
  byteLength: number;
};

export function analyseBody(body: Body, contentType: string | null): BodyAnalysis {
  const mime = mimeType(contentType);
  const isText = typeof body === "string";
  const kind = detectContentKind(mime, isText ? body : null);
  // Parsing is the expensive part: only for bodies that claim or look like JSON.
  const json = kind === "json" ? parseJson(bodyText(body)) : null;
  const modes = bodyModes({ kind, jsonParsed: json !== null, isText });
  return { mime, kind, json, modes, byteLength: bodyByteLength(body) };
}
