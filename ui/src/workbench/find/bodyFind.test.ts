import { describe, expect, it } from "vitest";
import { parseJson, type JsonNode } from "../../json/parse";
import { MAX_MATCHES, occurrences, queryPattern, RAW_PATH, textMatches, treeMatches } from "./bodyFind";

function tree(source: string): JsonNode {
  const root = parseJson(source);
  if (root === null) throw new Error(`not JSON: ${source}`);
  return root;
}

function pattern(query: string): RegExp {
  const p = queryPattern(query);
  if (p === null) throw new Error("empty query");
  return p;
}

describe("queryPattern", () => {
  it("finds the query literally, ignoring case", () => {
    expect(queryPattern("")).toBeNull();
    expect(occurrences("a.b axb A.B", pattern("a.b"))).toEqual([
      { start: 0, end: 3 },
      { start: 8, end: 11 },
    ]);
    expect(occurrences("(1+1) [x] $^|\\", pattern("(1+1) [x] $^|\\"))).toEqual([{ start: 0, end: 14 }]);
    expect(occurrences("ÉCOLE école", pattern("école")).length).toBe(2);
  });

  it("stops counting at the limit", () => {
    expect(occurrences("e".repeat(20), pattern("e"), 5).length).toBe(5);
    expect(textMatches("e".repeat(MAX_MATCHES + 10), pattern("e")).length).toBe(MAX_MATCHES);
  });
});

describe("textMatches", () => {
  it("marks each occurrence of the raw text in order", () => {
    expect(textMatches("abc abc", pattern("BC"))).toEqual([
      { path: RAW_PATH, part: "text", start: 1, trail: [] },
      { path: RAW_PATH, part: "text", start: 5, trail: [] },
    ]);
  });
});

describe("treeMatches", () => {
  it("reads keys and values as the tree shows them, in reading order", () => {
    const root = tree('{"name":"widget","list":[1,"name",{"name":9007199254740993}]}');
    const found = treeMatches(root, pattern("name"));
    expect(found.map((m) => [m.path, m.part, m.start])).toEqual([
      ["$/name", "key", 1], // "name" is shown quoted
      ["$/list/1", "value", 1],
      ["$/list/2/name", "key", 1],
    ]);
    // Numbers are searched as sent, every digit.
    expect(treeMatches(root, pattern("740993")).map((m) => m.path)).toEqual(["$/list/2/name"]);
  });

  it("says which containers to open and which child leads to the match", () => {
    const root = tree('{"a":{"b":[0,0,{"needle":true}]}}');
    const [match] = treeMatches(root, pattern("needle"));
    expect(match.trail).toEqual([
      { path: "$", index: 0 },
      { path: "$/a", index: 0 },
      { path: "$/a/b", index: 2 },
      { path: "$/a/b/2", index: 0 },
    ]);
  });

  it("does not search array indexes, which are not part of the body", () => {
    expect(treeMatches(tree("[10, 20]"), pattern("1"))).toEqual([{ path: "$/0", part: "value", start: 0, trail: [{ path: "$", index: 0 }] }]);
  });

  it("stops at the limit in a huge body", () => {
    const big = tree(JSON.stringify(Array.from({ length: MAX_MATCHES + 500 }, () => "x")));
    expect(treeMatches(big, pattern("x")).length).toBe(MAX_MATCHES);
  });
});
