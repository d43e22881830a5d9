/**
 * Checking the names typed in the tree's inline input, and the folder paths they make.
 * The store checks again; these give the clear message before the round trip.
 */
import type { MessageKey } from "../i18n/en";

export type NamedKind = "collection" | "folder" | "case";

export type NameProblem = { key: MessageKey; params?: Record<string, string> };

/** `name` under `parent` (null: the collection root). */
export function childFolderPath(parent: string | null, name: string): string {
  return parent ? `${parent}/${name}` : name;
}

/**
 * What is wrong with `name` (already trimmed) for a new or renamed item, or null.
 * Folders: no "/" (it separates the levels) and no sibling with the same path;
 * `existingFolders` holds the collection's folder paths, `currentPath` the folder being
 * renamed (keeping its own name is fine).
 */
export function nameProblem(
  kind: NamedKind,
  name: string,
  folder?: { parent: string | null; existingFolders: ReadonlySet<string>; currentPath?: string },
): NameProblem | null {
  if (!name) return { key: "tree.error.empty" };
  if (kind !== "folder") return null;
  if (name.includes("/")) return { key: "tree.error.slash" };
  if (!folder) return null;
  const path = childFolderPath(folder.parent, name);
  if (path !== folder.currentPath && folder.existingFolders.has(path)) {
    return { key: "tree.error.folderExists", params: { name } };
  }
  return null;
}
