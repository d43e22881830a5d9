/**
 * Naming in the tree: a new collection, folder or case, or a rename, typed in an input
 * that stands where the row will be. Enter commits (after `planEdit` checks the name: a
 * problem shows under the input, which stays open), Escape cancels, leaving the input
 * keeps a typed change and drops an untouched one.
 */
import { useState } from "react";
import { useI18n } from "../hooks/useI18n";
import { CREATE_KEY, type Editing } from "./displayRows";
import { initialName, planEdit, type EditCommand } from "./editPlan";
import { errorMessage } from "./errorMessage";
import type { NamedKind } from "./names";
import type { ContainerNode, TreeNode } from "./treeModel";

export type EditorState = { editing: Editing; value: string; busy: boolean };

type Deps = {
  nodeByKey: ReadonlyMap<string, TreeNode>;
  setError: (key: string, message: string | null) => void;
  /** Carries out a checked name (create or rename); rejects with the store's reason. */
  runCommand: (command: EditCommand) => Promise<void>;
  focusTree: () => void;
  /** An edit starts: the sidebar focuses the row, or opens the parent of a new one. */
  onStart: (editing: Editing) => void;
};

/** Where the problems of an edit show: under the renamed row, or under the new one. */
export const errorKeyOf = (editing: Editing) => (editing.mode === "rename" ? editing.key : CREATE_KEY);

export function useInlineNaming({ nodeByKey, setError, runCommand, focusTree, onStart }: Deps) {
  const { t } = useI18n();
  const [editor, setEditor] = useState<EditorState | null>(null);

  const start = (editing: Editing, value: string) => {
    setError(errorKeyOf(editing), null);
    onStart(editing);
    setEditor({ editing, value, busy: false });
  };

  const startCreate = (what: NamedKind, parent: ContainerNode | null) =>
    start({ mode: "create", what, parentKey: parent?.key ?? null }, "");

  const startRename = (node: TreeNode) => {
    const renaming: Editing = { mode: "rename", key: node.key };
    start(renaming, initialName(renaming, nodeByKey));
  };

  const cancelEdit = (refocus: boolean) => {
    if (editor) setError(errorKeyOf(editor.editing), null);
    setEditor(null);
    if (refocus) focusTree();
  };

  const commitEdit = async () => {
    if (!editor || editor.busy) return;
    const started = editor.editing;
    const errorKey = errorKeyOf(started);
    const plan = planEdit(started, editor.value, nodeByKey);
    if ("problem" in plan) {
      setError(errorKey, t(plan.problem.key, plan.problem.params));
      return;
    }
    if (!plan.command) {
      cancelEdit(true);
      return;
    }
    const command = plan.command;
    setError(errorKey, null);
    setEditor({ ...editor, busy: true });
    // Another edit may have started meanwhile (a blur commits): only close this one.
    const isThis = (current: EditorState | null) => current?.editing === started;
    try {
      await runCommand(command);
      setEditor((current) => (isThis(current) ? null : current));
      focusTree();
    } catch (error) {
      setEditor((current) => (current && isThis(current) ? { ...current, busy: false } : current));
      setError(errorKey, errorMessage(error));
    }
  };

  const blurEdit = () => {
    if (!editor) return;
    const typed = editor.value.trim();
    if (!typed || typed === initialName(editor.editing, nodeByKey)) cancelEdit(false);
    else void commitEdit();
  };

  const setValue = (value: string) => setEditor((current) => current && { ...current, value });

  return { editor, startCreate, startRename, cancelEdit, commitEdit, blurEdit, setValue };
}
