import type { Auth } from "../bindings/Auth";
import type { Folder } from "../bindings/Folder";
import type { Scripts } from "../bindings/Scripts";

/**
 * The folders with `path`'s own auth set (or removed, for none). The folder keeps its
 * other settings (its scripts, from an import); a folder not listed yet is added.
 */
export function withFolderAuth(folders: readonly Folder[], path: string, auth: Auth | null): Folder[] {
  const existing = folders.find((f) => f.path === path);
  const entry: Folder = { ...existing, path };
  if (auth) entry.auth = auth;
  else delete entry.auth;
  return existing ? folders.map((f) => (f.path === path ? entry : f)) : [...folders, entry];
}

/**
 * The folders with `path`'s own scripts set (undefined: none). The folder keeps its auth
 * (and its entry: an empty folder exists only through it); one not listed yet is added.
 */
export function withFolderScripts(folders: readonly Folder[], path: string, scripts: Scripts | undefined): Folder[] {
  const existing = folders.find((f) => f.path === path);
  const entry: Folder = { ...existing, path };
  if (scripts) entry.scripts = scripts;
  else delete entry.scripts;
  return existing ? folders.map((f) => (f.path === path ? entry : f)) : [...folders, entry];
}
