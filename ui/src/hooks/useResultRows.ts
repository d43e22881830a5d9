import { useMemo } from "react";
import type { ResultView } from "../live/batchResults";
import type { BatchSession } from "../live/batchSession";
import type { RowSource } from "./rowSource";

/**
 * A view of a batch's results as table rows: row i maps to a seq through the compact
 * columns; summaries come from the session's row cache, and rows on screen that are not
 * cached are pulled by its row fetcher (which re-renders through the session's version).
 */
export function useResultRows(session: BatchSession, view: ResultView, version: number): RowSource {
  return useMemo(() => {
    void version; // the session is mutable: its version says when the rows changed
    const { results } = session;
    const seqAt = (index: number) => results.seqAt(view, index);
    return {
      count: results.rowCount(view),
      seqAt,
      rowAt: (index) => session.row(seqAt(index)),
      showing: (first, last) => {
        const seqs: number[] = [];
        for (let i = first; i <= last; i += 1) seqs.push(seqAt(i));
        if (seqs.length > 0) session.rowFetcher.want(view, seqs);
      },
    };
  }, [session, view, version]);
}
