import { describe, expect, it } from "vitest";
import { parseJson, type JsonNode } from "./parse";

const num = (text: string): JsonNode => ({ type: "number", text });
const str = (value: string): JsonNode => ({ type: "string", value });

describe("parseJson", () => {
  it("parses every kind of value", () => {
    expect(parseJson(' {"a": [1, -2.5e3, "x", true, false, null], "b": {}} ')).toEqual({
      type: "object",
      entries: [
        [
          "a",
          {
            type: "array",
            items: [num("1"), num("-2.5e3"), str("x"), { type: "boolean", value: true }, { type: "boolean", value: false }, { type: "null" }],
          },
        ],
        ["b", { type: "object", entries: [] }],
      ],
    });
    expect(parseJson("[]")).toEqual({ type: "array", items: [] });
    expect(parseJson("\ufeff42")).toEqual(num("42"));
  });

  it("keeps big numbers, key order and duplicate keys as written", () => {
    expect(parseJson("9007199254740993")).toEqual(num("9007199254740993"));
    expect(parseJson("1.50")).toEqual(num("1.50"));
    const node = parseJson('{"b":1,"10":2,"2":3,"b":4}');
    expect(node?.type === "object" && node.entries.map(([key]) => key)).toEqual(["b", "10", "2", "b"]);
  });

  it("decodes escapes", () => {
    expect(parseJson('"a\\"b\\u00e9\\n"')).toEqual(str('a"bé\n'));
  });

  it("rejects what is not JSON", () => {
    for (const text of ["", "{", '{"a":1,}', "[1 2]", "01", "tru", '"\n"', '"open', "{} x", "{'a':1}", "NaN", '"\\x"']) {
      expect(parseJson(text), text).toBeNull();
    }
  });

  it("gives up on absurd nesting instead of crashing", () => {
    expect(parseJson("[".repeat(200_000) + "]".repeat(200_000))).toBeNull();
  });
});
