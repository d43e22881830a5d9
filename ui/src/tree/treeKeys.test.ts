import { describe, expect, it } from "vitest";
import { treeKeyIntent } from "./treeKeys";
import { buildTree, visibleRows } from "./treeModel";
import { shopTree } from "./testTrees";

const key = (k: string, extra: { altKey?: boolean; shiftKey?: boolean; ctrlKey?: boolean } = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe("treeKeyIntent", () => {
  // c:c1, f:users (expanded), f:users/admin, k:u1, k:u2, f:empty, f:orders, k:root1, k:root2
  const rows = visibleRows(buildTree([shopTree()]), new Set(["c:c1", "f:c1:users"]));
  const at = (k: string) => rows.findIndex((row) => row.key === k);

  it("moves the focus up and down, clamped, and jumps with Home/End", () => {
    expect(treeKeyIntent(key("ArrowDown"), rows, at("k:u1"))).toEqual({ type: "focus", key: "k:u2" });
    expect(treeKeyIntent(key("ArrowUp"), rows, at("k:u1"))).toEqual({ type: "focus", key: "f:c1:users/admin" });
    expect(treeKeyIntent(key("ArrowUp"), rows, 0)).toEqual({ type: "focus", key: "c:c1" });
    expect(treeKeyIntent(key("ArrowDown"), rows, rows.length - 1)).toEqual({ type: "focus", key: "k:root2" });
    expect(treeKeyIntent(key("ArrowDown"), rows, -1)).toEqual({ type: "focus", key: "c:c1" });
    expect(treeKeyIntent(key("End"), rows, 0)).toEqual({ type: "focus", key: "k:root2" });
    expect(treeKeyIntent(key("Home"), rows, 4)).toEqual({ type: "focus", key: "c:c1" });
  });

  it("expands, enters, collapses and goes to the parent with Right and Left", () => {
    expect(treeKeyIntent(key("ArrowRight"), rows, at("f:c1:orders"))).toEqual({ type: "expand", key: "f:c1:orders", open: true });
    expect(treeKeyIntent(key("ArrowRight"), rows, at("f:c1:users"))).toEqual({ type: "focus", key: "f:c1:users/admin" });
    expect(treeKeyIntent(key("ArrowRight"), rows, at("k:u1"))).toBeNull();
    expect(treeKeyIntent(key("ArrowLeft"), rows, at("f:c1:users"))).toEqual({ type: "expand", key: "f:c1:users", open: false });
    expect(treeKeyIntent(key("ArrowLeft"), rows, at("k:u1"))).toEqual({ type: "focus", key: "f:c1:users" });
    expect(treeKeyIntent(key("ArrowLeft"), rows, 0)).toEqual({ type: "expand", key: "c:c1", open: false });
  });

  it("opens, renames, deletes and shows the menu of the focused row", () => {
    const u1 = rows[at("k:u1")];
    expect(treeKeyIntent(key("Enter"), rows, at("k:u1"))).toEqual({ type: "open", row: u1 });
    expect(treeKeyIntent(key("F2"), rows, at("k:u1"))).toEqual({ type: "rename", row: u1 });
    expect(treeKeyIntent(key("Delete"), rows, at("k:u1"))).toEqual({ type: "delete", row: u1 });
    expect(treeKeyIntent(key("F10", { shiftKey: true }), rows, at("k:u1"))).toEqual({ type: "menu", row: u1 });
    expect(treeKeyIntent(key("ContextMenu"), rows, at("k:u1"))).toEqual({ type: "menu", row: u1 });
    expect(treeKeyIntent(key("Enter"), rows, -1)).toBeNull();
  });

  it("moves cases with Alt+Up/Down and ignores it on folders", () => {
    expect(treeKeyIntent(key("ArrowDown", { altKey: true }), rows, at("k:u1"))).toEqual({ type: "move", caseId: "u1", direction: 1 });
    expect(treeKeyIntent(key("ArrowUp", { altKey: true }), rows, at("k:u2"))).toEqual({ type: "move", caseId: "u2", direction: -1 });
    expect(treeKeyIntent(key("ArrowDown", { altKey: true }), rows, at("f:c1:users"))).toBeNull();
  });

  it("leaves other keys and modified keys alone", () => {
    expect(treeKeyIntent(key("a"), rows, 0)).toBeNull();
    expect(treeKeyIntent(key("ArrowDown", { ctrlKey: true }), rows, 0)).toBeNull();
    expect(treeKeyIntent(key("ArrowDown"), [], -1)).toBeNull();
  });
});
