import { describe, expect, it } from "vitest";
import type { AssertionText } from "../bindings/AssertionText";
import {
  editedLineRow,
  inlineSchemaProblem,
  lineProblem,
  newLineRow,
  parsedRaw,
  reconcileRows,
  rowFromAssertion,
  rowProblem,
  rowsMatch,
  toAssertion,
  toAssertions,
  type EditorRow,
} from "./assertionRows";

const keyOf = (row: EditorRow) => {
  const problem = rowProblem(row);
  return problem === null ? null : "key" in problem ? problem.key : problem.text;
};

describe("rowFromAssertion", () => {
  it("reads a line into fields, keeping its text as written", () => {
    const row = rowFromAssertion("status  ==  201");
    expect(row).toMatchObject({ kind: "line", row: { query: "status", predicate: "==", value: "201" } });
    expect(toAssertion(row)).toBe("status  ==  201");
  });

  it("keeps a line that does not parse as raw text", () => {
    const row = rowFromAssertion("stauts == 200");
    expect(row).toMatchObject({ kind: "raw", text: "stauts == 200" });
    expect(toAssertion(row)).toBe("stauts == 200");
    expect(keyOf(row)).toMatch(/unknown query/);
  });

  it("reads schemas inline and from a file", () => {
    expect(rowFromAssertion({ schema: { type: "object" } })).toMatchObject({
      kind: "schema",
      mode: "inline",
      text: '{\n  "type": "object"\n}',
    });
    expect(rowFromAssertion({ schema_file: "s.json" })).toMatchObject({ kind: "schema", mode: "file", file: "s.json" });
  });
});

describe("toAssertion", () => {
  it("writes an edited line canonically", () => {
    const row = editedLineRow(newLineRow(), { query: "header", argument: " X-Id ", predicate: "exists", value: "" });
    expect(toAssertion(row)).toBe("header X-Id exists");
  });

  it("hands an inline schema over as its text, every digit and key order kept", () => {
    const base = { id: 1, kind: "schema", file: "" } as const;
    const exact = '{"properties": {"b": {}, "10": {"const": 9007199254740993}}}';
    expect(toAssertion({ ...base, mode: "inline", text: exact })).toEqual({ schema: exact });
    expect(toAssertion({ ...base, mode: "inline", text: "{ bad" })).toEqual({ schema: "{ bad" });
    expect(toAssertion({ ...base, mode: "file", text: "{}", file: "a.json" })).toEqual({ schema_file: "a.json" });
    // The app's text (and half-typed text) comes back as the same text.
    expect(rowFromAssertion({ schema: exact })).toMatchObject({ mode: "inline", text: exact });
    expect(rowFromAssertion({ schema: "{ bad" })).toMatchObject({ mode: "inline", text: "{ bad" });
  });

  it("gives undefined for no rows", () => {
    expect(toAssertions([])).toBeUndefined();
    expect(toAssertions([rowFromAssertion("status == 200")])).toEqual(["status == 200"]);
  });
});

describe("reconcileRows", () => {
  it("keeps the rows whose items are unchanged, with their local state", () => {
    // A half-typed value: the line no longer parses, but the row stays a row of fields.
    const typing = editedLineRow(newLineRow(), { query: "jsonpath", argument: "$.a", predicate: "==", value: '"ab' });
    const other = rowFromAssertion("status == 200");
    const items: AssertionText[] = ["status == 200", toAssertion(typing), "body exists"];
    const rows = reconcileRows(items, [typing, other]);
    expect(rows[0]).toBe(other);
    expect(rows[1]).toBe(typing);
    expect(rows[2]).toMatchObject({ kind: "line", row: { query: "body" } });
    expect(rowsMatch(rows, items)).toBe(true);
  });

  it("treats undefined as no items", () => {
    expect(reconcileRows(undefined, [newLineRow()])).toEqual([]);
    expect(rowsMatch([], undefined)).toBe(true);
    expect(rowsMatch([newLineRow()], undefined)).toBe(false);
  });
});

describe("parsedRaw", () => {
  it("turns raw text into fields once it parses", () => {
    expect(parsedRaw({ id: 7, kind: "raw", text: "status == 2" })).toMatchObject({ id: 7, kind: "line" });
    expect(parsedRaw({ id: 7, kind: "raw", text: "status = 2" })).toBeNull();
  });
});

describe("lineProblem", () => {
  it("adds the JSONPath syntax check to checkRow", () => {
    expect(lineProblem({ query: "jsonpath", argument: "$.x-token", predicate: "exists", value: "" })).toHaveProperty(
      "key",
      "checks.jsonpath.memberName",
    );
    expect(lineProblem({ query: "jsonpath", argument: "id", predicate: "exists", value: "" })).toHaveProperty("text");
  });

  it("judges a matches pattern by Rust rules", () => {
    const matches = (value: string) => lineProblem({ query: "body", argument: "", predicate: "matches", value });
    expect(matches('"(?P<id>\\\\d+)"')).toBeNull();
    expect(matches('"("')).toHaveProperty("key", "checks.regex.syntax");
    expect(matches('"a(?=b)"')).toHaveProperty("key", "checks.regex.lookAround");
    expect(matches('"{{pattern}}("')).toBeNull();
    expect(matches("3")).toHaveProperty("text");
    expect(matches('"ab')).toHaveProperty("text");
  });

  it("accepts a sound row", () => {
    expect(lineProblem({ query: "status", argument: "", predicate: "<", value: "400" })).toBeNull();
  });
});

describe("schema problems", () => {
  it("wants JSON that is an object or a boolean", () => {
    expect(inlineSchemaProblem('{"type": "object"}')).toBeNull();
    expect(inlineSchemaProblem("true")).toBeNull();
    expect(inlineSchemaProblem("[1]")).toHaveProperty("key", "checks.schema.notObject");
    expect(inlineSchemaProblem('"x"')).toHaveProperty("key", "checks.schema.notObject");
    expect(inlineSchemaProblem("{")).toHaveProperty("key", "checks.schema.invalidJson");
    expect(inlineSchemaProblem("  ")).toHaveProperty("key", "checks.schema.empty");
    expect(keyOf({ id: 1, kind: "schema", mode: "file", text: "", file: " " })).toBe("checks.schema.fileRequired");
  });
});
