/**
 * The tree's expanded rows, persisted in localStorage (see expandedStore). Collections
 * the sidebar has not seen before start expanded.
 */
import { useCallback, useEffect, useState } from "react";
import {
  loadExpanded,
  storeExpanded,
  withKey,
  withNewCollections,
  withRenamedFolder,
  type ExpandedState,
} from "./expandedStore";

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export type Expanded = {
  expanded: ReadonlySet<string>;
  setOpen: (key: string, open: boolean) => void;
  /** Opens every key (the ancestors of a case to reveal). */
  openAll: (keys: readonly string[]) => void;
  /** Keeps a renamed folder (and its subfolders) as expanded as they were. */
  renameFolder: (collectionId: string, from: string, to: string) => void;
};

export function useExpanded(collectionIds: readonly string[]): Expanded {
  const [stored, setStored] = useState<ExpandedState>(() => loadExpanded(browserStorage()));
  // Newly seen collections are opened while rendering (not in an effect) so that they
  // never flash collapsed; withNewCollections returns `stored` itself once all are seen.
  const state = withNewCollections(stored, collectionIds);
  if (state !== stored) setStored(state);

  useEffect(() => storeExpanded(browserStorage(), stored), [stored]);

  const update = useCallback((change: (keys: ReadonlySet<string>) => ReadonlySet<string>) => {
    setStored((current) => {
      const expanded = change(current.expanded);
      return expanded === current.expanded ? current : { ...current, expanded };
    });
  }, []);
  const setOpen = useCallback((key: string, open: boolean) => update((keys) => withKey(keys, key, open)), [update]);
  const openAll = useCallback(
    (keys: readonly string[]) => update((current) => keys.reduce((acc, key) => withKey(acc, key, true), current)),
    [update],
  );
  const renameFolder = useCallback(
    (collectionId: string, from: string, to: string) =>
      update((keys) => withRenamedFolder(keys, collectionId, from, to)),
    [update],
  );
  return { expanded: state.expanded, setOpen, openAll, renameFolder };
}
