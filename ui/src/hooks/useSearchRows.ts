import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { ResultView } from "../live/batchResults";
import type { BatchSession } from "../live/batchSession";
import type { SearchCursor } from "../live/searchCursor";
import type { RowSource } from "./rowSource";

/** Rows from the end of the list within which the next search page is pulled. */
const LOAD_AHEAD = 50;

const noSubscription = () => () => undefined;

export type SearchRows = { source: RowSource; cursor: SearchCursor } | null;

/**
 * The results whose case name contains `search` (already debounced), within a view, or null
 * when `search` is blank. Pages are pulled as the table nears the end of what it has.
 */
export function useSearchRows(session: BatchSession, view: ResultView, search: string): SearchRows {
  const needle = search.trim();
  const cursor = useMemo(() => (needle ? session.search(view, needle) : null), [session, view, needle]);
  const version = useSyncExternalStore(
    cursor?.subscribe ?? noSubscription,
    () => cursor?.getVersion() ?? 0,
  );

  useEffect(() => {
    if (!cursor) return;
    void cursor.loadMore();
    return () => cursor.close();
  }, [cursor]);

  return useMemo(() => {
    void version; // the cursor is mutable: its version says when rows arrived
    if (!cursor) return null;
    const rows = cursor.rows;
    const source: RowSource = {
      count: rows.length,
      seqAt: (index) => rows[index]?.seq ?? 0,
      rowAt: (index) => rows[index],
      showing: (_first, last) => {
        if (last >= rows.length - LOAD_AHEAD) void cursor.loadMore();
      },
    };
    return { source, cursor };
  }, [cursor, version]);
}
