/** Which views make sense for a body, best first: the first one is what the viewer opens with. */
import type { ContentKind } from "./contentKind";

export type BodyMode = "pretty" | "raw" | "hex" | "image";

export type BodyFacts = {
  kind: ContentKind;
  /** The JSON parsed; a JSON type with a broken or truncated body has no pretty view. */
  jsonParsed: boolean;
  /** The engine sent it as text (e.g. SVG), so the raw view shows real characters. */
  isText: boolean;
};

export function bodyModes({ kind, jsonParsed, isText }: BodyFacts): BodyMode[] {
  switch (kind) {
    case "json":
      return jsonParsed ? ["pretty", "raw", "hex"] : ["raw", "hex"];
    case "image":
      return isText ? ["image", "raw", "hex"] : ["image", "hex"];
    case "text":
      return ["raw", "hex"];
    case "binary":
      // Raw stays available: servers do mislabel text as binary.
      return ["hex", "raw"];
  }
}

/** The user's choice while it still applies to the body shown, else the default. */
export function effectiveMode(modes: readonly BodyMode[], chosen: BodyMode | null): BodyMode {
  return chosen !== null && modes.includes(chosen) ? chosen : modes[0];
}
