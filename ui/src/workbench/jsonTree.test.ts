import { describe, expect, it } from "vitest";
import { parseJson, type JsonNode } from "../json/parse";
import { brackets, childCount, childSlice, isContainer, primitiveText, startsOpen } from "./jsonTree";

function parsed(text: string): JsonNode {
  const node = parseJson(text);
  if (!node) throw new Error(`bad fixture ${text}`);
  return node;
}

describe("jsonTree", () => {
  it("counts and slices object members and array elements", () => {
    const object = parsed('{"a":1,"b":[true],"c":null}');
    const array = parsed("[10,20,30]");
    if (!isContainer(object) || !isContainer(array)) throw new Error("containers expected");
    expect(childCount(object)).toBe(3);
    expect(childSlice(object, 1, 2)).toEqual([{ label: "b", node: parsed("[true]") }]);
    expect(childSlice(array, 1, 5).map((child) => child.label)).toEqual([1, 2]);
    expect(brackets(object)).toEqual(["{", "}"]);
    expect(brackets(array)).toEqual(["[", "]"]);
  });

  it("opens the first two levels by default", () => {
    expect(startsOpen(0, "default")).toBe(true);
    expect(startsOpen(1, "default")).toBe(true);
    expect(startsOpen(2, "default")).toBe(false);
    expect(startsOpen(0, "collapsed")).toBe(true);
    expect(startsOpen(1, "collapsed")).toBe(false);
    expect(startsOpen(50, "all")).toBe(true);
  });

  it("writes leaves as JSON", () => {
    expect(primitiveText({ type: "string", value: 'say "hi"' })).toBe('"say \\"hi\\""');
    expect(primitiveText({ type: "number", text: "12345678901234567890" })).toBe("12345678901234567890");
    expect(primitiveText({ type: "boolean", value: false })).toBe("false");
    expect(primitiveText({ type: "null" })).toBe("null");
    expect(isContainer({ type: "null" })).toBe(false);
  });
});
