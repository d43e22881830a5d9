import { describe, expect, it } from "vitest";
import { CREATE_KEY, displayRows, type DisplayRow } from "./displayRows";
import { buildTree, visibleRows } from "./treeModel";
import { shopTree } from "./testTrees";

const describeLine = (line: DisplayRow) =>
  line.type === "node" ? line.key : line.type === "create" ? `create:${line.what}@${line.depth}` : `${line.key}@${line.depth}`;

describe("displayRows", () => {
  const rows = visibleRows(buildTree([shopTree()]), new Set(["c:c1", "f:c1:orders"]));

  it("is the tree rows when nothing is edited and nothing failed", () => {
    expect(displayRows(rows, null, new Map()).map(describeLine)).toEqual(rows.map((row) => row.key));
  });

  it("puts a new item's input right under its parent, one level deeper", () => {
    const lines = displayRows(rows, { mode: "create", what: "case", parentKey: "f:c1:orders" }, new Map());
    expect(lines.map(describeLine).slice(3, 6)).toEqual(["f:c1:orders", "create:case@2", "k:o1"]);
  });

  it("puts a new collection's input, or one whose parent is hidden, on top", () => {
    const collection = displayRows(rows, { mode: "create", what: "collection", parentKey: null }, new Map());
    expect(describeLine(collection[0])).toBe("create:collection@0");
    const hidden = displayRows(rows, { mode: "create", what: "folder", parentKey: "f:c1:users/admin" }, new Map());
    expect(describeLine(hidden[0])).toBe("create:folder@0");
    expect(hidden).toHaveLength(rows.length + 1);
  });

  it("shows errors under their row and under the input", () => {
    const errors = new Map([
      ["k:o1", "Could not duplicate"],
      [CREATE_KEY, "Enter a name."],
      ["k:gone", "not shown"],
    ]);
    const lines = displayRows(rows, { mode: "create", what: "folder", parentKey: "c:c1" }, errors);
    expect(lines.map(describeLine).slice(0, 3)).toEqual(["c:c1", "create:folder@1", "error:create@1"]);
    const index = lines.findIndex((line) => line.key === "k:o1");
    expect(lines[index + 1]).toMatchObject({ type: "error", forKey: "k:o1", message: "Could not duplicate", depth: 2 });
    expect(lines.some((line) => line.type === "error" && line.forKey === "k:gone")).toBe(false);
  });
});
