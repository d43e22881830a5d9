/**
 * The lines the sidebar draws: the visible tree rows, plus the inline input for a new
 * item (right under its parent) and the error lines under the rows they are about.
 * Everything is one flat list so that large trees can be windowed with fixed-height rows.
 */
import type { NamedKind } from "./names";
import type { TreeRow } from "./treeModel";

/** What the inline input is doing: renaming a row, or naming a new item. */
export type Editing =
  | { mode: "rename"; key: string }
  | { mode: "create"; what: NamedKind; parentKey: string | null };

/** The errors map key of the new item's input. */
export const CREATE_KEY = "create";

export type DisplayRow =
  | { type: "node"; key: string; row: TreeRow }
  | { type: "create"; key: string; depth: number; what: NamedKind }
  | { type: "error"; key: string; depth: number; forKey: string; message: string };

export function displayRows(
  rows: readonly TreeRow[],
  editing: Editing | null,
  errors: ReadonlyMap<string, string>,
): DisplayRow[] {
  const lines: DisplayRow[] = [];
  const errorFor = (forKey: string, depth: number) => {
    const message = errors.get(forKey);
    if (message) lines.push({ type: "error", key: `error:${forKey}`, depth, forKey, message });
  };
  const create = editing?.mode === "create" ? editing : null;
  const addCreate = (depth: number) => {
    if (!create) return;
    lines.push({ type: "create", key: CREATE_KEY, depth, what: create.what });
    errorFor(CREATE_KEY, depth);
  };
  // A new collection, or a new item whose parent is not shown (filtered out), goes on top.
  const parentShown = create !== null && create.parentKey !== null && rows.some((row) => row.key === create.parentKey);
  if (create && !parentShown) addCreate(0);
  for (const row of rows) {
    lines.push({ type: "node", key: row.key, row });
    errorFor(row.key, row.depth);
    if (parentShown && create?.parentKey === row.key) addCreate(row.depth + 1);
  }
  return lines;
}
