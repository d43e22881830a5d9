import { useMemo } from "react";
import type { ResultSummary } from "../bindings/ResultSummary";
import type { BatchResults } from "../live/batchResults";

export type VerdictFilter = "all" | "failed" | "errored";

/** The rows to show: the held results narrowed by verdict and a case-name search. */
export function useFilteredResults(
  results: BatchResults,
  version: number,
  filter: VerdictFilter,
  search: string,
): readonly ResultSummary[] {
  return useMemo(() => {
    void version; // the store is mutable: its version says when to filter again
    const needle = search.trim().toLowerCase();
    const all = results.list();
    if (filter === "all" && needle === "") return all.slice();
    return all.filter(
      (r) =>
        (filter === "all" || r.verdict === filter) &&
        (needle === "" || r.case_name.toLowerCase().includes(needle)),
    );
  }, [results, version, filter, search]);
}
