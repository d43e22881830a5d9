import { describe, expect, it } from "vitest";
import { indexNodes, initialName, planEdit } from "./editPlan";
import { buildTree } from "./treeModel";
import { shopTree } from "./testTrees";

describe("planEdit", () => {
  const nodes = indexNodes(buildTree([shopTree()]));

  it("indexes every node by key", () => {
    expect([...nodes.keys()]).toContain("f:c1:users/admin");
    expect(nodes.get("k:a1")?.name).toBe("Grant admin");
    expect(nodes.size).toBe(11);
  });

  it("starts renames from the current name and new items from nothing", () => {
    expect(initialName({ mode: "rename", key: "f:c1:users/admin" }, nodes)).toBe("admin");
    expect(initialName({ mode: "rename", key: "k:u1" }, nodes)).toBe("List users");
    expect(initialName({ mode: "create", what: "case", parentKey: "c:c1" }, nodes)).toBe("");
  });

  it("creates collections, folders and cases under the right parent, trimmed", () => {
    expect(planEdit({ mode: "create", what: "collection", parentKey: null }, "  Billing ", nodes)).toEqual({
      command: { type: "createCollection", name: "Billing" },
    });
    expect(planEdit({ mode: "create", what: "folder", parentKey: "f:c1:users" }, "guests", nodes)).toEqual({
      command: { type: "createFolder", collectionId: "c1", path: "users/guests" },
    });
    expect(planEdit({ mode: "create", what: "folder", parentKey: "c:c1" }, "guests", nodes)).toEqual({
      command: { type: "createFolder", collectionId: "c1", path: "guests" },
    });
    expect(planEdit({ mode: "create", what: "case", parentKey: "f:c1:users/admin" }, "Revoke", nodes)).toEqual({
      command: { type: "createCase", collectionId: "c1", folder: "users/admin", name: "Revoke" },
    });
    expect(planEdit({ mode: "create", what: "case", parentKey: "c:c1" }, "Ping", nodes)).toEqual({
      command: { type: "createCase", collectionId: "c1", folder: null, name: "Ping" },
    });
  });

  it("reports empty names, slashes and folder clashes", () => {
    expect(planEdit({ mode: "create", what: "case", parentKey: "c:c1" }, "   ", nodes)).toEqual({ problem: { key: "tree.error.empty" } });
    expect(planEdit({ mode: "create", what: "folder", parentKey: "c:c1" }, "a/b", nodes)).toEqual({ problem: { key: "tree.error.slash" } });
    expect(planEdit({ mode: "create", what: "folder", parentKey: "c:c1" }, "orders", nodes)).toEqual({
      problem: { key: "tree.error.folderExists", params: { name: "orders" } },
    });
    expect(planEdit({ mode: "rename", key: "f:c1:users/admin" }, "x/y", nodes)).toEqual({ problem: { key: "tree.error.slash" } });
    expect(planEdit({ mode: "rename", key: "f:c1:orders" }, "users", nodes)).toEqual({
      problem: { key: "tree.error.folderExists", params: { name: "users" } },
    });
    expect(planEdit({ mode: "rename", key: "c:c1" }, "", nodes)).toEqual({ problem: { key: "tree.error.empty" } });
  });

  it("renames each kind, a folder keeping its parent path", () => {
    expect(planEdit({ mode: "rename", key: "c:c1" }, "Store", nodes)).toEqual({
      command: { type: "renameCollection", id: "c1", name: "Store" },
    });
    expect(planEdit({ mode: "rename", key: "k:u1" }, "All users", nodes)).toEqual({
      command: { type: "renameCase", id: "u1", name: "All users" },
    });
    expect(planEdit({ mode: "rename", key: "f:c1:users/admin" }, "root", nodes)).toEqual({
      command: { type: "renameFolder", collectionId: "c1", from: "users/admin", to: "users/root" },
    });
  });

  it("does nothing for an unchanged name or a row that is gone", () => {
    expect(planEdit({ mode: "rename", key: "k:u1" }, " List users ", nodes)).toEqual({ command: null });
    expect(planEdit({ mode: "rename", key: "f:c1:users/admin" }, "admin", nodes)).toEqual({ command: null });
    expect(planEdit({ mode: "rename", key: "k:gone" }, "x", nodes)).toEqual({ command: null });
    expect(planEdit({ mode: "create", what: "case", parentKey: "f:c1:gone" }, "x", nodes)).toEqual({ command: null });
  });
});
