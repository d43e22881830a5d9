import type { ResultSummary } from "../bindings/ResultSummary";

/**
 * What the results table shows, by row index. A row may have no summary yet (a placeholder
 * is drawn); `showing` tells the source which rows are on screen so it can pull them.
 */
export type RowSource = {
  count: number;
  /** The seq of row `index` (always known, even before its summary arrives). */
  seqAt: (index: number) => number;
  /** The summary of row `index`, when the page has it. */
  rowAt: (index: number) => ResultSummary | undefined;
  /** Rows `first .. last` are on screen (last < first when none are). */
  showing: (first: number, last: number) => void;
};
