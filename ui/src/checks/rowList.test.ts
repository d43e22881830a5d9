import { describe, expect, it } from "vitest";
import { moveBy, removeAt, replaceAt } from "./rowList";
import { sameJson } from "./sameJson";

describe("row list edits", () => {
  it("replaces, removes and moves without touching the input", () => {
    const list = ["a", "b", "c"];
    expect(replaceAt(list, 1, "x")).toEqual(["a", "x", "c"]);
    expect(removeAt(list, 0)).toEqual(["b", "c"]);
    expect(moveBy(list, 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveBy(list, 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveBy(list, 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveBy(list, 2, 1)).toEqual(["a", "b", "c"]);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("sameJson", () => {
  it("compares deeply, keys in any order", () => {
    expect(sameJson({ a: [1, { b: null }], c: "x" }, { c: "x", a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson("1", 1)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
