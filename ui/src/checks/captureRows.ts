/**
 * The rows of the captures editor and the `name -> source` map they stand for. As in
 * assertionRows.ts, rows live in the editor's state: a map cannot hold two rows of one name
 * or a row without a name, and a source that does not parse stays a raw text row.
 *
 * The map keeps the rows' order, except that JavaScript objects list integer-like names
 * (`"2"`) first, whatever the editor shows.
 */
import { newRowId } from "./assertionRows";
import {
  captureSourceProblem,
  captureSourceText,
  parseCaptureSource,
  type CaptureSource,
} from "./captureSource";
import { firstWins, sameMap } from "./names";
import type { Problem } from "./problem";

export type CaptureMap = { [name: string]: string };

/** `text`: the source as emitted (the original text until the row is edited). */
export type CaptureEditorRow =
  | { id: number; name: string; kind: "source"; source: CaptureSource; text: string }
  | { id: number; name: string; kind: "raw"; text: string };

export function rowFromCapture(name: string, text: string): CaptureEditorRow {
  const parsed = parseCaptureSource(text);
  return "source" in parsed
    ? { id: newRowId(), name, kind: "source", source: parsed.source, text }
    : { id: newRowId(), name, kind: "raw", text };
}

/** An empty row for a new capture: a JSONPath still to be typed. */
export function newCaptureRow(): CaptureEditorRow {
  const source: CaptureSource = { query: "jsonpath", argument: "" };
  return { id: newRowId(), name: "", kind: "source", source, text: captureSourceText(source) };
}

/** The row after an edit of its source fields: its text is the canonical source. */
export function withSource(row: CaptureEditorRow, source: CaptureSource): CaptureEditorRow {
  return { id: row.id, name: row.name, kind: "source", source, text: captureSourceText(source) };
}

/** A raw row as a source row, when its text now parses; else null. */
export function parsedRawCapture(row: CaptureEditorRow): CaptureEditorRow | null {
  if (row.kind !== "raw") return null;
  const parsed = parseCaptureSource(row.text);
  return "source" in parsed ? { ...row, kind: "source", source: parsed.source } : null;
}

/** The map of the rows with a name, the first row of a name winning; undefined if none. */
export function captureMapOf(rows: readonly CaptureEditorRow[]): CaptureMap | undefined {
  const map = firstWins(rows.map((row) => ({ name: row.name, value: row.text })));
  return Object.keys(map).length === 0 ? undefined : map;
}

export function captureRowsMatch(rows: readonly CaptureEditorRow[], capture: CaptureMap | undefined): boolean {
  return sameMap(captureMapOf(rows) ?? {}, capture ?? {});
}

/** Rows for `capture` in its order, reusing each row of `previous` with the same name and text. */
export function reconcileCaptureRows(
  capture: CaptureMap | undefined,
  previous: readonly CaptureEditorRow[],
): CaptureEditorRow[] {
  const unused = [...previous];
  return Object.entries(capture ?? {}).map(([name, text]) => {
    const at = unused.findIndex((row) => row.name === name && row.text === text);
    if (at < 0) return rowFromCapture(name, text);
    const [kept] = unused.splice(at, 1);
    return kept;
  });
}

/** What the engine would refuse in the row's source, or null. */
export function captureRowProblem(row: CaptureEditorRow): Problem | null {
  if (row.kind === "source") return captureSourceProblem(row.source);
  const parsed = parseCaptureSource(row.text);
  return "error" in parsed ? parsed.error : captureSourceProblem(parsed.source);
}
