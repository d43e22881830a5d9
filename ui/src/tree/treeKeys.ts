/**
 * What a key pressed on the focused tree means, following the WAI-ARIA tree pattern:
 * Up/Down move the focus, Right expands then enters, Left collapses then goes to the
 * parent, Home/End jump. Plus the sidebar's own: Enter opens, F2 renames, Delete
 * deletes, Alt+Up/Down move a case, Shift+F10 or the menu key opens the row's menu.
 */
import type { TreeRow } from "./treeModel";

export type TreeIntent =
  | { type: "focus"; key: string }
  | { type: "expand"; key: string; open: boolean }
  | { type: "open"; row: TreeRow }
  | { type: "rename"; row: TreeRow }
  | { type: "delete"; row: TreeRow }
  | { type: "move"; caseId: string; direction: -1 | 1 }
  | { type: "menu"; row: TreeRow };

type KeyLike = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">;

/** `focused` is the index in `rows` of the focused row (-1: none yet). */
export function treeKeyIntent(event: KeyLike, rows: readonly TreeRow[], focused: number): TreeIntent | null {
  if (rows.length === 0) return null;
  const row = rows[focused] as TreeRow | undefined;
  const focusAt = (index: number): TreeIntent | null => {
    const target = rows[Math.min(rows.length - 1, Math.max(0, index))];
    return target ? { type: "focus", key: target.key } : null;
  };
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return null;
    if (row?.node.kind !== "case") return null;
    return { type: "move", caseId: row.node.caseId, direction: event.key === "ArrowUp" ? -1 : 1 };
  }
  if (event.key === "F10" && event.shiftKey) return row ? { type: "menu", row } : null;
  if (event.shiftKey) return null;
  switch (event.key) {
    case "ArrowDown":
      return focusAt(focused < 0 ? 0 : focused + 1);
    case "ArrowUp":
      return focusAt(focused < 0 ? 0 : focused - 1);
    case "Home":
      return focusAt(0);
    case "End":
      return focusAt(rows.length - 1);
    case "ArrowRight":
      if (!row?.expandable) return null;
      return row.expanded ? focusAt(focused + 1) : { type: "expand", key: row.key, open: true };
    case "ArrowLeft":
      if (!row) return null;
      if (row.expanded) return { type: "expand", key: row.key, open: false };
      return row.parentKey ? { type: "focus", key: row.parentKey } : null;
    case "Enter":
      return row ? { type: "open", row } : null;
    case "F2":
      return row ? { type: "rename", row } : null;
    case "Delete":
      return row ? { type: "delete", row } : null;
    case "ContextMenu":
      return row ? { type: "menu", row } : null;
    default:
      return null;
  }
}
