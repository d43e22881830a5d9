/**
 * The rows of the assertions editor and the `AssertionText` items they stand for.
 *
 * Rows live in the editor's own state rather than being re-read from the items at each
 * keystroke: a half-typed value (`"abc`) or JSONPath (`$[?@.a`) makes a line that does not
 * parse, and re-reading it would turn the row into raw text under the user's fingers.
 * `reconcileRows` keeps every row whose item is unchanged when the items change from
 * outside (another case, an assertion added from the response), so local state survives.
 *
 * Kinds of row: `line` (query, argument, predicate, value), `raw` (a line that does not
 * parse, edited as text; nothing typed is lost), `schema` (inline JSON or a file path; both
 * texts are kept, so flipping the mode back and forth loses neither).
 */
import type { AssertionText } from "../bindings/AssertionText";
import type { JsonValue } from "../bindings/serde_json/JsonValue";
import {
  assertionLine,
  checkRow,
  parseAssertionLine,
  type AssertionRow,
} from "../authoring/assertionLine";
import { jsonPathProblem } from "./jsonPathSyntax";
import type { Problem } from "./problem";
import { rustRegexProblem } from "./rustRegex";
import { sameJson } from "./sameJson";

export type SchemaMode = "inline" | "file";

/** `text`: the line as emitted (the original text until the row is edited). */
export type LineEditorRow = { id: number; kind: "line"; row: AssertionRow; text: string };
export type RawEditorRow = { id: number; kind: "raw"; text: string };
export type SchemaEditorRow = { id: number; kind: "schema"; mode: SchemaMode; text: string; file: string };
export type EditorRow = LineEditorRow | RawEditorRow | SchemaEditorRow;

let lastId = 0;
/** A key for a new row; unique for the page's lifetime. */
export function newRowId(): number {
  lastId += 1;
  return lastId;
}

/** The row for one item: a parsed line, a raw line, or a schema. */
export function rowFromAssertion(item: AssertionText): EditorRow {
  const id = newRowId();
  if (typeof item === "string") {
    const parsed = parseAssertionLine(item);
    return "row" in parsed ? { id, kind: "line", row: parsed.row, text: item } : { id, kind: "raw", text: item };
  }
  if ("schema_file" in item) return { id, kind: "schema", mode: "file", text: "", file: item.schema_file };
  // The app hands inline schemas over as their text (a string is never a schema itself):
  // read as a JavaScript value, a 64-bit `const` would be rounded. A value comes only from
  // a draft kept by an older version.
  const text = typeof item.schema === "string" ? item.schema : JSON.stringify(item.schema, null, 2);
  return { id, kind: "schema", mode: "inline", text, file: "" };
}

/** A fresh line row (`status == 200`) or inline schema row. */
export function newLineRow(): LineEditorRow {
  const row: AssertionRow = { query: "status", argument: "", predicate: "==", value: "200" };
  return { id: newRowId(), kind: "line", row, text: assertionLine(row) };
}

export function newSchemaRow(): SchemaEditorRow {
  return { id: newRowId(), kind: "schema", mode: "inline", text: '{\n  "type": "object"\n}', file: "" };
}

/** A line row after an edit of its fields: its text is the canonical line. */
export function editedLineRow(previous: LineEditorRow, row: AssertionRow): LineEditorRow {
  return { ...previous, row, text: assertionLine(row) };
}

/**
 * The item a row stands for. An inline schema is its text as typed: the app parses it
 * (every digit and key order kept, where a JavaScript value would round a 64-bit integer
 * and move integer-like keys first) and refuses text that is not JSON with its own
 * message, so nothing typed is lost and no stale schema is saved silently.
 */
export function toAssertion(row: EditorRow): AssertionText {
  switch (row.kind) {
    case "line":
    case "raw":
      return row.text;
    case "schema":
      if (row.mode === "file") return { schema_file: row.file };
      return { schema: row.text };
  }
}

/** The items of `rows`; undefined when there are none, as the file omits an empty list. */
export function toAssertions(rows: readonly EditorRow[]): AssertionText[] | undefined {
  return rows.length === 0 ? undefined : rows.map(toAssertion);
}

/** Whether `rows` stand for exactly `items` (undefined and [] alike). */
export function rowsMatch(rows: readonly EditorRow[], items: readonly AssertionText[] | undefined): boolean {
  const list = items ?? [];
  return rows.length === list.length && rows.every((row, index) => sameJson(toAssertion(row), list[index]));
}

/** Rows for `items`, reusing each row of `previous` whose item is unchanged. */
export function reconcileRows(
  items: readonly AssertionText[] | undefined,
  previous: readonly EditorRow[],
): EditorRow[] {
  const unused = [...previous];
  return (items ?? []).map((item) => {
    const at = unused.findIndex((row) => sameJson(toAssertion(row), item));
    if (at < 0) return rowFromAssertion(item);
    const [kept] = unused.splice(at, 1);
    return kept;
  });
}

/** A raw row as a line row, when its text now parses; else null. */
export function parsedRaw(row: RawEditorRow): LineEditorRow | null {
  const parsed = parseAssertionLine(row.text);
  return "row" in parsed ? { id: row.id, kind: "line", row: parsed.row, text: row.text } : null;
}

/** What the engine would refuse in `row`, or null. */
export function rowProblem(row: EditorRow): Problem | null {
  switch (row.kind) {
    case "line":
      return lineProblem(row.row);
    case "raw": {
      const parsed = parseAssertionLine(row.text);
      return "error" in parsed ? { text: parsed.error } : lineProblem(parsed.row);
    }
    case "schema":
      return row.mode === "file" ? schemaFileProblem(row.file) : inlineSchemaProblem(row.text);
  }
}

/**
 * `checkRow`, plus the JSONPath and Rust-regex checks of this folder. `checkRow` judges a
 * `matches` pattern with JavaScript's own syntax (it refuses `(?P<name>...)`, which Rust
 * accepts), so the pattern is set aside for it and judged by `rustRegexProblem` instead.
 */
export function lineProblem(row: AssertionRow): Problem | null {
  const pattern = row.predicate === "matches" ? jsonStringOf(row.value) : null;
  const shape = checkRow(pattern === null ? row : { ...row, value: '""' });
  if (shape !== null) return { text: shape };
  if (row.query === "jsonpath") {
    const path = jsonPathProblem(row.argument.trim());
    if (path !== null) return path;
  }
  // A pattern holding a template is only known once rendered; the engine skips it too.
  if (pattern !== null && !pattern.includes("{{")) return rustRegexProblem(pattern);
  return null;
}

export function inlineSchemaProblem(text: string): Problem | null {
  if (text.trim() === "") return { key: "checks.schema.empty" };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "boolean" || (typeof value === "object" && value !== null && !Array.isArray(value))) {
      return null;
    }
    return { key: "checks.schema.notObject" };
  } catch (error) {
    return { key: "checks.schema.invalidJson", params: { detail: error instanceof Error ? error.message : String(error) } };
  }
}

export function schemaFileProblem(file: string): Problem | null {
  return file.trim() === "" ? { key: "checks.schema.fileRequired" } : null;
}

function parseJson(text: string): JsonValue | null {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

function jsonStringOf(text: string): string | null {
  const value = parseJson(text.trim());
  return typeof value === "string" ? value : null;
}
