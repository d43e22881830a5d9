/**
 * What committing the tree's inline input does: check the typed name, then say which
 * action to call with which arguments (the sidebar makes the call). Kept apart from the
 * component so each rule can be tested on its own.
 */
import type { Editing } from "./displayRows";
import { childFolderPath, nameProblem, type NameProblem } from "./names";
import { parentFolderPath, type TreeNode } from "./treeModel";

export type EditCommand =
  | { type: "createCollection"; name: string }
  | { type: "createFolder"; collectionId: string; path: string }
  | { type: "createCase"; collectionId: string; folder: string | null; name: string }
  | { type: "renameCollection"; id: string; name: string }
  | { type: "renameFolder"; collectionId: string; from: string; to: string }
  | { type: "renameCase"; id: string; name: string };

/** A problem to show, or the command to run (null: nothing to do, just close). */
export type EditPlan = { problem: NameProblem } | { command: EditCommand | null };

/** The name the input starts with: the current name when renaming, empty for new items. */
export function initialName(editing: Editing, nodes: ReadonlyMap<string, TreeNode>): string {
  if (editing.mode === "create") return "";
  return nodes.get(editing.key)?.name ?? "";
}

export function planEdit(editing: Editing, typed: string, nodes: ReadonlyMap<string, TreeNode>): EditPlan {
  const name = typed.trim();
  if (editing.mode === "create") {
    if (editing.what === "collection" || editing.parentKey === null) {
      const problem = nameProblem("collection", name);
      return problem ? { problem } : { command: { type: "createCollection", name } };
    }
    const parent = nodes.get(editing.parentKey);
    if (!parent || parent.kind === "case") return { command: null };
    const parentPath = parent.kind === "folder" ? parent.path : null;
    if (editing.what === "folder") {
      const existingFolders = folderPathsOf(nodes, parent.collectionId);
      const problem = nameProblem("folder", name, { parent: parentPath, existingFolders });
      if (problem) return { problem };
      return { command: { type: "createFolder", collectionId: parent.collectionId, path: childFolderPath(parentPath, name) } };
    }
    const problem = nameProblem("case", name);
    if (problem) return { problem };
    return { command: { type: "createCase", collectionId: parent.collectionId, folder: parentPath, name } };
  }

  const node = nodes.get(editing.key);
  if (!node) return { command: null };
  const problem =
    node.kind === "folder"
      ? nameProblem("folder", name, {
          parent: parentFolderPath(node.path),
          existingFolders: folderPathsOf(nodes, node.collectionId),
          currentPath: node.path,
        })
      : nameProblem(node.kind, name);
  if (problem) return { problem };
  if (name === node.name) return { command: null };
  switch (node.kind) {
    case "collection":
      return { command: { type: "renameCollection", id: node.collectionId, name } };
    case "case":
      return { command: { type: "renameCase", id: node.caseId, name } };
    case "folder":
      return {
        command: {
          type: "renameFolder",
          collectionId: node.collectionId,
          from: node.path,
          to: childFolderPath(parentFolderPath(node.path), name),
        },
      };
  }
}

function folderPathsOf(nodes: ReadonlyMap<string, TreeNode>, collectionId: string): Set<string> {
  const paths = new Set<string>();
  for (const node of nodes.values()) {
    if (node.kind === "folder" && node.collectionId === collectionId) paths.add(node.path);
  }
  return paths;
}

/** Every node of the tree by key, to look rows up from menus, inputs and keys. */
export function indexNodes(nodes: readonly TreeNode[]): Map<string, TreeNode> {
  const index = new Map<string, TreeNode>();
  const visit = (node: TreeNode) => {
    index.set(node.key, node);
    if (node.kind !== "case") node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return index;
}
