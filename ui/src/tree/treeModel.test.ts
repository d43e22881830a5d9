import { describe, expect, it } from "vitest";
import {
  ancestorKeys,
  buildTree,
  dropPositionFor,
  filterTree,
  movesNothing,
  parentFolderPath,
  placeForDrop,
  placeForKeyboardMove,
  visibleRows,
  type CaseNode,
  type TreeNode,
} from "./treeModel";
import { collectionTree, shopTree, summary } from "./testTrees";

/** The tree as indented lines of keys, to compare shapes at a glance. */
function outline(nodes: readonly TreeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${"  ".repeat(depth)}${node.key}`,
    ...(node.kind === "case" ? [] : outline(node.children, depth + 1)),
  ]);
}

function findCase(nodes: readonly TreeNode[], caseId: string): CaseNode {
  for (const node of nodes) {
    if (node.kind === "case" && node.caseId === caseId) return node;
    if (node.kind !== "case") {
      try {
        return findCase(node.children, caseId);
      } catch {
        // Not under this node.
      }
    }
  }
  throw new Error(`no case ${caseId}`);
}

const everything = (nodes: readonly TreeNode[]) => new Set(outline(nodes).map((line) => line.trim()));

describe("buildTree", () => {
  it("nests folders by path, folders before cases, in order of first appearance", () => {
    expect(outline(buildTree([shopTree()]))).toEqual([
      "c:c1",
      "  f:c1:users",
      "    f:c1:users/admin",
      "      k:a1",
      "    k:u1",
      "    k:u2",
      "  f:c1:empty",
      "  f:c1:orders",
      "    k:o1",
      "  k:root1",
      "  k:root2",
    ]);
  });

  it("creates the parents of a folder only a case names", () => {
    const tree = collectionTree("c2", "Deep", [summary("x", "a/b/c", {}, "c2")]);
    expect(outline(buildTree([tree]))).toEqual(["c:c2", "  f:c2:a", "    f:c2:a/b", "      f:c2:a/b/c", "        k:x"]);
  });

  it("puts settings folders first even when cases name other folders earlier", () => {
    const tree = collectionTree("c3", "Order", [summary("x", "zeta", {}, "c3")], ["alpha"]);
    expect(outline(buildTree([tree]))).toEqual(["c:c3", "  f:c3:alpha", "  f:c3:zeta", "    k:x"]);
  });

  it("treats an empty folder string as the root", () => {
    const tree = collectionTree("c4", "Root", [summary("x", "", {}, "c4")]);
    const [collection] = buildTree([tree]);
    expect(outline([collection])).toEqual(["c:c4", "  k:x"]);
    expect(findCase([collection], "x").folder).toBeNull();
  });

  it("keeps collections in the given order, each with its own keys", () => {
    const nodes = buildTree([
      collectionTree("b", "Second", [summary("b1", null, {}, "b")]),
      collectionTree("a", "First", []),
    ]);
    expect(outline(nodes)).toEqual(["c:b", "  k:b1", "c:a"]);
    expect(nodes[0].name).toBe("Second");
  });

  it("names folders by their last segment and counts the cases beneath them", () => {
    const [shop] = buildTree([shopTree()]);
    const users = shop.children[0];
    if (users.kind !== "folder") throw new Error("expected a folder");
    expect(users.name).toBe("users");
    expect(users.caseCount).toBe(3);
    const admin = users.children[0];
    expect(admin.kind === "folder" && admin.name).toBe("admin");
    expect(admin.kind === "folder" && admin.caseCount).toBe(1);
    const empty = shop.children[1];
    expect(empty.kind === "folder" && empty.caseCount).toBe(0);
  });

  it("links each case to the next one of the same folder", () => {
    const nodes = buildTree([shopTree()]);
    expect(findCase(nodes, "u1").nextCaseId).toBe("u2");
    expect(findCase(nodes, "u2").nextCaseId).toBeNull();
    expect(findCase(nodes, "root1").nextCaseId).toBe("root2");
    expect(findCase(nodes, "a1").nextCaseId).toBeNull();
  });
});

describe("filterTree", () => {
  const nodes = buildTree([shopTree(), collectionTree("c2", "Other", [summary("z", null, { name: "Zebra" }, "c2")])]);

  it("returns everything, inactive, for blank text", () => {
    const filtered = filterTree(nodes, "   ");
    expect(filtered.active).toBe(false);
    expect(filtered.nodes).toEqual(nodes);
    expect(filtered.expand.size).toBe(0);
  });

  it("matches case names case-insensitively and keeps their ancestors", () => {
    const filtered = filterTree(nodes, "grant ADMIN");
    expect(outline(filtered.nodes)).toEqual(["c:c1", "  f:c1:users", "    f:c1:users/admin", "      k:a1"]);
    expect([...filtered.expand].sort()).toEqual(["c:c1", "f:c1:users", "f:c1:users/admin"]);
  });

  it("matches URLs and methods", () => {
    expect(outline(filterTree(nodes, "/version").nodes)).toEqual(["c:c1", "  k:root2"]);
    expect(outline(filterTree(nodes, "delete").nodes)).toEqual(["c:c1", "  f:c1:users", "    k:u2"]);
    expect(outline(filterTree(nodes, "post").nodes)).toEqual(["c:c1", "  f:c1:orders", "    k:o1"]);
  });

  it("keeps a folder whose path matches with all it holds, empty ones too", () => {
    expect(outline(filterTree(nodes, "users/adm").nodes)).toEqual([
      "c:c1",
      "  f:c1:users",
      "    f:c1:users/admin",
      "      k:a1",
    ]);
    const empty = filterTree(nodes, "empty");
    expect(outline(empty.nodes)).toEqual(["c:c1", "  f:c1:empty"]);
    // Nothing to show under an empty folder: it stays collapsed.
    expect(empty.expand.has("f:c1:empty")).toBe(false);
    expect(empty.expand.has("c:c1")).toBe(true);
  });

  it("drops collections without a match and keeps the matches of several", () => {
    expect(outline(filterTree(nodes, "zebra").nodes)).toEqual(["c:c2", "  k:z"]);
    expect(filterTree(nodes, "no such thing").nodes).toEqual([]);
  });

  it("does not change the folder counts or next-case links", () => {
    const filtered = filterTree(nodes, "list users");
    const users = filtered.nodes[0].kind === "collection" ? filtered.nodes[0].children[0] : null;
    expect(users?.kind === "folder" && users.caseCount).toBe(3);
    expect(findCase(filtered.nodes, "u1").nextCaseId).toBe("u2");
  });
});

describe("visibleRows", () => {
  const nodes = buildTree([shopTree()]);

  it("shows only collections when nothing is expanded", () => {
    expect(visibleRows(nodes, new Set()).map((row) => row.key)).toEqual(["c:c1"]);
  });

  it("shows the children of expanded nodes with depth and parent", () => {
    const rows = visibleRows(nodes, new Set(["c:c1", "f:c1:users"]));
    expect(rows.map((row) => [row.key, row.depth, row.parentKey])).toEqual([
      ["c:c1", 0, null],
      ["f:c1:users", 1, "c:c1"],
      ["f:c1:users/admin", 2, "f:c1:users"],
      ["k:u1", 2, "f:c1:users"],
      ["k:u2", 2, "f:c1:users"],
      ["f:c1:empty", 1, "c:c1"],
      ["f:c1:orders", 1, "c:c1"],
      ["k:root1", 1, "c:c1"],
      ["k:root2", 1, "c:c1"],
    ]);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get("f:c1:users")).toMatchObject({ expandable: true, expanded: true });
    expect(byKey.get("f:c1:orders")).toMatchObject({ expandable: true, expanded: false });
    expect(byKey.get("f:c1:empty")).toMatchObject({ expandable: false, expanded: false });
    expect(byKey.get("k:u1")).toMatchObject({ expandable: false, expanded: false });
  });

  it("hides the children of a collapsed parent even when they are in the set", () => {
    const rows = visibleRows(nodes, new Set(["f:c1:users"]));
    expect(rows.map((row) => row.key)).toEqual(["c:c1"]);
  });
});

describe("ancestorKeys and parentFolderPath", () => {
  it("lists the collection and every folder above a case", () => {
    expect(ancestorKeys("c1", "users/admin")).toEqual(["c:c1", "f:c1:users", "f:c1:users/admin"]);
    expect(ancestorKeys("c1", null)).toEqual(["c:c1"]);
  });

  it("finds the folder a path sits in", () => {
    expect(parentFolderPath("users/admin")).toBe("users");
    expect(parentFolderPath("users")).toBeNull();
  });
});

describe("placeForDrop", () => {
  const nodes = buildTree([shopTree()]);
  const [shop] = nodes;
  const users = shop.children[0];

  it("drops before a case in that case's folder", () => {
    expect(placeForDrop(findCase(nodes, "u2"), "before")).toEqual({ collection_id: "c1", folder: "users", before: "u2" });
    expect(placeForDrop(findCase(nodes, "root1"), "before")).toEqual({ collection_id: "c1", folder: null, before: "root1" });
  });

  it("drops after a case: before its next case, or at the end after the last", () => {
    expect(placeForDrop(findCase(nodes, "u1"), "after")).toEqual({ collection_id: "c1", folder: "users", before: "u2" });
    expect(placeForDrop(findCase(nodes, "u2"), "after")).toEqual({ collection_id: "c1", folder: "users", before: null });
  });

  it("drops into a folder at its end, and onto a collection at its root's end", () => {
    expect(placeForDrop(users, "inside")).toEqual({ collection_id: "c1", folder: "users", before: null });
    expect(placeForDrop(shop, "inside")).toEqual({ collection_id: "c1", folder: null, before: null });
  });

  it("splits case rows in halves and gives containers the whole row", () => {
    expect(dropPositionFor(findCase(nodes, "u1"), 0.2)).toBe("before");
    expect(dropPositionFor(findCase(nodes, "u1"), 0.7)).toBe("after");
    expect(dropPositionFor(users, 0.2)).toBe("inside");
    expect(dropPositionFor(shop, 0.9)).toBe("inside");
  });

  it("knows which drops leave the case where it is", () => {
    const u1 = findCase(nodes, "u1");
    expect(movesNothing(u1, placeForDrop(u1, "before"))).toBe(true);
    expect(movesNothing(u1, placeForDrop(findCase(nodes, "u2"), "before"))).toBe(true);
    expect(movesNothing(u1, placeForDrop(findCase(nodes, "u2"), "after"))).toBe(false);
    const u2 = findCase(nodes, "u2");
    expect(movesNothing(u2, placeForDrop(users, "inside"))).toBe(true);
    expect(movesNothing(u1, placeForDrop(users, "inside"))).toBe(false);
    expect(movesNothing(u2, { collection_id: "other", folder: "users", before: null })).toBe(false);
  });
});

describe("placeForKeyboardMove", () => {
  const nodes = buildTree([shopTree()]);
  const rows = visibleRows(nodes, everything(nodes));

  it("moves up before the case above", () => {
    expect(placeForKeyboardMove(rows, "u2", -1)).toEqual({ collection_id: "c1", folder: "users", before: "u1" });
    expect(placeForKeyboardMove(rows, "root2", -1)).toEqual({ collection_id: "c1", folder: null, before: "root1" });
  });

  it("moves down after the case below", () => {
    expect(placeForKeyboardMove(rows, "u1", 1)).toEqual({ collection_id: "c1", folder: "users", before: null });
    expect(placeForKeyboardMove(rows, "root1", 1)).toEqual({ collection_id: "c1", folder: null, before: null });
  });

  it("stops at the edges of the folder instead of leaving it", () => {
    expect(placeForKeyboardMove(rows, "u1", -1)).toBeNull();
    expect(placeForKeyboardMove(rows, "u2", 1)).toBeNull();
    // The first root case sits under the folders but does not move into them.
    expect(placeForKeyboardMove(rows, "root1", -1)).toBeNull();
    expect(placeForKeyboardMove(rows, "a1", 1)).toBeNull();
    expect(placeForKeyboardMove(rows, "a1", -1)).toBeNull();
  });

  it("moves past hidden cases to the next shown one and keeps the real order after it", () => {
    const three = buildTree([
      collectionTree("c", "Three", [summary("x", null, { name: "alpha" }, "c"), summary("y", null, { name: "beta" }, "c"), summary("z", null, { name: "alphabet" }, "c")]),
    ]);
    const filtered = filterTree(three, "alpha");
    const shown = visibleRows(filtered.nodes, filtered.expand);
    expect(shown.map((row) => row.key)).toEqual(["c:c", "k:x", "k:z"]);
    expect(placeForKeyboardMove(shown, "x", 1)).toEqual({ collection_id: "c", folder: null, before: null });
    expect(placeForKeyboardMove(shown, "z", -1)).toEqual({ collection_id: "c", folder: null, before: "x" });
  });

  it("is null for a case that is not shown", () => {
    expect(placeForKeyboardMove(visibleRows(nodes, new Set()), "u1", 1)).toBeNull();
    expect(placeForKeyboardMove(rows, "nope", 1)).toBeNull();
  });
});
