/**
 * What a case without its own auth sends with, for the Auth tab's "Inherit" line: the
 * nearest folder's auth (walking up the folder path), else the collection's. Mirrors
 * `Collection::effective_auth` in the engine, which decides what is really sent.
 */
import type { Auth } from "../bindings/Auth";
import type { CollectionSettings } from "../bindings/CollectionSettings";

export type InheritedAuth = { auth: Auth | null; from: string };

export function inheritedAuth(
  settings: CollectionSettings,
  collectionName: string,
  folder: string | null | undefined,
): InheritedAuth {
  let path = folder ?? null;
  while (path) {
    const here = settings.folders.find((f) => f.path === path)?.auth;
    if (here) return { auth: here, from: path };
    const slash = path.lastIndexOf("/");
    path = slash > 0 ? path.slice(0, slash) : null;
  }
  return { auth: settings.auth, from: collectionName };
}
