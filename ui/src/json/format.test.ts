import { describe, expect, it } from "vitest";
import { formatJsonText } from "./format";

describe("formatJsonText", () => {
  it("indents objects and arrays, and keeps empty ones on their line", () => {
    expect(formatJsonText('{"a":[1,2],"b":{},"c":[],"d":{"e":null}}')).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": [],\n  "d": {\n    "e": null\n  }\n}',
    );
    expect(formatJsonText("  42 ")).toBe("42");
    expect(formatJsonText('[ ]', 4)).toBe("[]");
    expect(formatJsonText('{"a":[1]}', 4)).toBe('{\n    "a": [\n        1\n    ]\n}');
  });

  it("changes no value: big integers, number spelling, escapes, key order, duplicate keys", () => {
    const text = '{"id":9007199254740993,"price":1.50,"2":"b","1":"a","s":"caf\\u00e9 \\"x\\"","id":-0}';
    expect(formatJsonText(text)).toBe(
      '{\n  "id": 9007199254740993,\n  "price": 1.50,\n  "2": "b",\n  "1": "a",\n  "s": "caf\\u00e9 \\"x\\"",\n  "id": -0\n}',
    );
  });

  it("is idempotent", () => {
    const once = formatJsonText('{"a":[{"b":[true,false]},"x, y: z"]}');
    expect(once).not.toBeNull();
    expect(formatJsonText(once ?? "")).toBe(once);
  });

  it("gives null for what is not one JSON value", () => {
    for (const text of ["", "{", '{"a":1,}', "[1] [2]", "{'a': 1}", '{"a": {{id}}}']) {
      expect(formatJsonText(text)).toBeNull();
    }
  });
});
