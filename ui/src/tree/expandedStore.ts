/**
 * Which collections and folders are expanded, kept in localStorage across restarts.
 *
 * The stored value also lists the collections already seen, so a collection that appears
 * later (created, imported) starts expanded while one the user collapsed stays collapsed.
 */
export const EXPANDED_STORAGE_KEY = "apiautotest.tree.expanded";

export type ExpandedState = {
  expanded: ReadonlySet<string>;
  seenCollections: ReadonlySet<string>;
};

export const EMPTY_EXPANDED: ExpandedState = { expanded: new Set(), seenCollections: new Set() };

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** The stored state; anything unreadable counts as nothing stored. */
export function parseExpanded(text: string | null): ExpandedState {
  if (!text) return EMPTY_EXPANDED;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return EMPTY_EXPANDED;
    const record = value as Record<string, unknown>;
    return { expanded: new Set(strings(record.expanded)), seenCollections: new Set(strings(record.seen)) };
  } catch {
    return EMPTY_EXPANDED;
  }
}

export function serializeExpanded(state: ExpandedState): string {
  return JSON.stringify({ expanded: [...state.expanded], seen: [...state.seenCollections] });
}

/** Expands the collections not seen before; the same object when there is none. */
export function withNewCollections(state: ExpandedState, collectionIds: readonly string[]): ExpandedState {
  const fresh = collectionIds.filter((id) => !state.seenCollections.has(id));
  if (fresh.length === 0) return state;
  return {
    expanded: new Set([...state.expanded, ...fresh.map((id) => `c:${id}`)]),
    seenCollections: new Set([...state.seenCollections, ...fresh]),
  };
}

/** `keys` with `key` added (open) or removed; the same set when nothing changes. */
export function withKey(keys: ReadonlySet<string>, key: string, open: boolean): ReadonlySet<string> {
  if (keys.has(key) === open) return keys;
  const next = new Set(keys);
  if (open) next.add(key);
  else next.delete(key);
  return next;
}

/** After a folder rename: the folder and its subfolders stay expanded under the new path. */
export function withRenamedFolder(
  keys: ReadonlySet<string>,
  collectionId: string,
  from: string,
  to: string,
): ReadonlySet<string> {
  const old = `f:${collectionId}:${from}`;
  const renamed = new Set<string>();
  let changed = false;
  for (const key of keys) {
    if (key === old || key.startsWith(`${old}/`)) {
      renamed.add(`f:${collectionId}:${to}${key.slice(old.length)}`);
      changed = true;
    } else {
      renamed.add(key);
    }
  }
  return changed ? renamed : keys;
}

export function loadExpanded(storage: Pick<Storage, "getItem"> | null): ExpandedState {
  try {
    return parseExpanded(storage?.getItem(EXPANDED_STORAGE_KEY) ?? null);
  } catch {
    // Storage may be unavailable (private mode, tests): start from nothing.
    return EMPTY_EXPANDED;
  }
}

export function storeExpanded(storage: Pick<Storage, "setItem"> | null, state: ExpandedState): void {
  try {
    storage?.setItem(EXPANDED_STORAGE_KEY, serializeExpanded(state));
  } catch {
    // Not persisted; the tree still works for this session.
  }
}
