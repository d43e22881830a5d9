import { describe, expect, it } from "vitest";
import {
  captureMapOf,
  captureRowProblem,
  captureRowsMatch,
  newCaptureRow,
  parsedRawCapture,
  reconcileCaptureRows,
  rowFromCapture,
  withSource,
} from "./captureRows";

describe("capture rows", () => {
  it("read sources into fields, and bad ones as raw text", () => {
    expect(rowFromCapture("id", "jsonpath $.id")).toMatchObject({
      kind: "source",
      name: "id",
      source: { query: "jsonpath", argument: "$.id" },
    });
    const raw = rowFromCapture("took", "duration");
    expect(raw).toMatchObject({ kind: "raw", text: "duration" });
    expect(captureRowProblem(raw)).toEqual({ key: "checks.capture.duration" });
  });

  it("make a map in row order, the first row of a name winning", () => {
    const rows = [
      rowFromCapture("b", "status"),
      rowFromCapture("a", "body"),
      rowFromCapture("b", "header X"),
      { ...newCaptureRow(), name: "" },
    ];
    const map = captureMapOf(rows);
    expect(map).toEqual({ b: "status", a: "body" });
    expect(Object.keys(map ?? {})).toEqual(["b", "a"]);
    expect(captureRowsMatch(rows, { a: "body", b: "status" })).toBe(true);
  });

  it("give undefined when no row has a name", () => {
    expect(captureMapOf([])).toBeUndefined();
    expect(captureMapOf([newCaptureRow()])).toBeUndefined();
    expect(captureRowsMatch([newCaptureRow()], undefined)).toBe(true);
  });

  it("rewrite the text when the source fields change", () => {
    const row = withSource(rowFromCapture("t", "body"), { query: "regex", argument: "t=(\\w+)" });
    expect(captureMapOf([row])).toEqual({ t: 'regex "t=(\\\\w+)"' });
  });

  it("reuse unchanged rows when the map changes from outside", () => {
    const kept = rowFromCapture("id", "jsonpath $.id");
    const rows = reconcileCaptureRows({ id: "jsonpath $.id", loc: "header Location" }, [kept]);
    expect(rows[0]).toBe(kept);
    expect(rows[1]).toMatchObject({ name: "loc", source: { query: "header" } });
  });

  it("turn raw text into fields once it parses", () => {
    const raw = { ...rowFromCapture("x", "statu"), text: "status" };
    expect(parsedRawCapture(raw)).toMatchObject({ kind: "source", source: { query: "status" }, text: "status" });
    expect(parsedRawCapture(rowFromCapture("x", "statu"))).toBeNull();
  });
});
