/**
 * What a row's menu item or Delete key does to its node. Kept apart from the Sidebar,
 * which only wires it: every change still goes through `SidebarActions`, and `attempt`
 * puts a refusal under the row it was about.
 */
import type { MenuAction } from "./menuActions";
import type { NamedKind } from "./names";
import type { SidebarActions } from "./sidebarActions";
import type { ContainerNode, TreeNode } from "./treeModel";

export type NodeCommandContext = {
  actions: SidebarActions;
  attempt: (key: string, work: () => Promise<void>) => Promise<void>;
  startCreate: (what: NamedKind, parent: ContainerNode) => void;
  startRename: (node: TreeNode) => void;
  /** Deletes the node, and whatever the page does around it (moving the focus). */
  remove: (node: TreeNode) => void;
};

/** Deletes the node (a case can be brought back from the notice's Undo). */
export function removeNode(node: TreeNode, { actions, attempt }: Pick<NodeCommandContext, "actions" | "attempt">): void {
  switch (node.kind) {
    case "collection":
      return void attempt(node.key, () => actions.deleteCollection(node.collectionId));
    case "folder":
      return void attempt(node.key, () => actions.deleteFolder(node.collectionId, node.path));
    case "case":
      return void attempt(node.key, () => actions.deleteCase(node.caseId));
  }
}

/** Carries out a menu item on `node`; items a kind of node does not offer do nothing. */
export function runMenuAction(node: TreeNode, action: MenuAction, context: NodeCommandContext): void {
  const { actions, attempt, startCreate, startRename, remove } = context;
  const container = node.kind === "case" ? null : node;
  switch (action) {
    case "new-case":
      if (container) startCreate("case", container);
      return;
    case "new-folder":
    case "new-subfolder":
      if (container) startCreate("folder", container);
      return;
    case "rename":
      return startRename(node);
    case "settings":
      return actions.openCollectionSettings(node.collectionId);
    case "save-file":
      return void attempt(node.key, () => actions.saveCollectionFile(node.collectionId));
    case "run":
      return void attempt(node.key, () => actions.runCollection(node.collectionId));
    case "duplicate":
      if (node.kind === "case") void attempt(node.key, () => actions.duplicateCase(node.caseId));
      return;
    case "copy-curl":
      if (node.kind === "case") void attempt(node.key, () => actions.copyCaseAsCurl(node.caseId));
      return;
    case "delete":
      return remove(node);
  }
}
