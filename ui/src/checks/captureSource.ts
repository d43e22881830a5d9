/**
 * The source of a capture as one line of text, both ways, mirroring the engine's reader
 * (crates/engine/src/model/assertion/parse.rs, `Capture::parse`): a query of the assertion
 * form without a predicate (`jsonpath EXPR`, `header NAME`, `status`, `body`) or
 * `regex "PATTERN"` (a JSON string: the first capture group, else the whole match, over the
 * body). `duration` cannot be captured: the engine refuses it.
 *
 * Invariant: `parseCaptureSource(captureSourceText(source))` gives back `source` (argument
 * trimmed) for every source `captureSourceProblem` accepts.
 */
import { checkRow } from "../authoring/assertionLine";
import { jsonPathWords } from "../authoring/jsonPathWords";
import { jsonPathProblem } from "./jsonPathSyntax";
import type { Problem } from "./problem";
import { rustRegexProblem } from "./rustRegex";

export const CAPTURE_QUERIES = ["jsonpath", "header", "status", "body", "regex"] as const;
export type CaptureQuery = (typeof CAPTURE_QUERIES)[number];

/** `argument`: the JSONPath, the header name or the regex pattern (unquoted); else empty. */
export type CaptureSource = { query: CaptureQuery; argument: string };

export function captureTakesArgument(query: CaptureQuery): boolean {
  return query === "jsonpath" || query === "header" || query === "regex";
}

/** Reads the text form; a failure explains itself. */
export function parseCaptureSource(text: string): { source: CaptureSource } | { error: Problem } {
  const [word, rest] = firstWord(text);
  switch (word) {
    case "":
      return { error: { key: "checks.capture.sourceEmpty" } };
    case "regex": {
      const pattern = jsonString(rest.trim());
      if (pattern === null) return { error: { key: "checks.capture.regexQuotes" } };
      return { source: { query: "regex", argument: pattern } };
    }
    case "duration":
      return { error: { key: "checks.capture.duration" } };
    case "status":
    case "body":
      return rest === ""
        ? { source: { query: word, argument: "" } }
        : { error: { key: "checks.capture.trailing", params: { text: rest, query: word } } };
    case "header": {
      const [name, after] = firstWord(rest);
      if (name === "") return { error: { key: "checks.capture.headerRequired" } };
      if (after !== "") return { error: { key: "checks.capture.trailing", params: { text: after, query: word } } };
      return { source: { query: "header", argument: name } };
    }
    case "jsonpath": {
      const expression = rest.trim();
      if (expression === "") return { error: { key: "checks.capture.jsonPathRequired" } };
      const starts = jsonPathWords(expression).starts;
      if (starts.length > 1) {
        const after = expression.slice(starts[1]);
        return { error: { key: "checks.capture.trailing", params: { text: after, query: word } } };
      }
      return { source: { query: "jsonpath", argument: expression } };
    }
    default:
      return { error: { key: "checks.capture.unknownQuery", params: { word } } };
  }
}

/** The canonical text of `source`, as the engine writes it back. */
export function captureSourceText(source: CaptureSource): string {
  switch (source.query) {
    case "regex":
      return `regex ${JSON.stringify(source.argument)}`;
    case "jsonpath":
    case "header":
      return `${source.query} ${source.argument.trim()}`.trimEnd();
    default:
      return source.query;
  }
}

/** What the engine would refuse in `source`, or null. */
export function captureSourceProblem(source: CaptureSource): Problem | null {
  if (source.query === "regex") {
    if (source.argument === "") return { key: "checks.capture.patternRequired" };
    return rustRegexProblem(source.argument);
  }
  if (source.query === "jsonpath" || source.query === "header") {
    // The argument rules are those of an assertion's query; `exists` takes no value.
    const shape = checkRow({ query: source.query, argument: source.argument, predicate: "exists", value: "" });
    if (shape !== null) return { text: shape };
    if (source.query === "jsonpath") return jsonPathProblem(source.argument.trim());
  }
  return null;
}

function firstWord(text: string): [string, string] {
  const trimmed = text.trim();
  const blank = trimmed.search(/\s/);
  return blank < 0 ? [trimmed, ""] : [trimmed.slice(0, blank), trimmed.slice(blank).trim()];
}

function jsonString(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
