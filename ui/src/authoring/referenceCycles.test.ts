import { describe, expect, it } from "vitest";
import { referenceCycles } from "./referenceCycles";

const graph = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe("referenceCycles", () => {
  it("finds nothing in a graph without loops", () => {
    expect(referenceCycles(graph({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
    expect(referenceCycles(new Map())).toEqual([]);
  });

  it("reports a two-name loop in walk order", () => {
    expect(referenceCycles(graph({ a: ["b"], b: ["a"] }))).toEqual([["a", "b"]]);
  });

  it("follows a longer loop in the order it is walked", () => {
    expect(referenceCycles(graph({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual([["a", "b", "c"]]);
  });

  it("reports a name that refers to itself", () => {
    expect(referenceCycles(graph({ a: ["a"], b: ["a"] }))).toEqual([["a"]]);
  });

  it("leaves out names that only lead into a loop", () => {
    expect(referenceCycles(graph({ entry: ["x"], x: ["y"], y: ["x"], tail: ["entry"] }))).toEqual([
      ["x", "y"],
    ]);
  });

  it("keeps separate loops apart, in the order they are reached", () => {
    const cycles = referenceCycles(graph({ p: ["q"], q: ["p"], a: ["b"], b: ["a"], free: [] }));
    expect(cycles).toEqual([
      ["p", "q"],
      ["a", "b"],
    ]);
  });

  it("merges loops sharing a name into one group", () => {
    const cycles = referenceCycles(graph({ a: ["b"], b: ["a", "c"], c: ["b"] }));
    expect(cycles).toEqual([["a", "b", "c"]]);
  });

  it("ignores references to names outside the graph", () => {
    expect(referenceCycles(graph({ a: ["missing", "a"] }))).toEqual([["a"]]);
    expect(referenceCycles(graph({ a: ["missing"] }))).toEqual([]);
  });
});
