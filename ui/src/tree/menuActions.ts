/** What each row's "⋯" menu (and right-click menu) offers, in order. */
import type { MessageKey } from "../i18n/en";
import type { TreeNode } from "./treeModel";

export type MenuAction =
  | "new-case"
  | "new-folder"
  | "new-subfolder"
  | "rename"
  | "settings"
  | "save-file"
  | "run"
  | "duplicate"
  | "copy-curl"
  | "delete";

export const MENU_ACTIONS: Record<TreeNode["kind"], readonly MenuAction[]> = {
  collection: ["new-case", "new-folder", "rename", "settings", "save-file", "run", "delete"],
  folder: ["new-case", "new-subfolder", "rename", "delete"],
  case: ["rename", "duplicate", "copy-curl", "delete"],
};

export const MENU_LABELS: Record<MenuAction, MessageKey> = {
  "new-case": "tree.action.newCase",
  "new-folder": "tree.action.newFolder",
  "new-subfolder": "tree.action.newSubfolder",
  rename: "tree.action.rename",
  settings: "tree.action.settings",
  "save-file": "tree.action.saveFile",
  run: "tree.action.run",
  duplicate: "tree.action.duplicate",
  "copy-curl": "tree.action.copyCurl",
  delete: "tree.action.delete",
};
