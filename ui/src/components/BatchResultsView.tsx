import { useState } from "react";
import { useBatchSession } from "../hooks/useBatchSession";
import { useDebounced } from "../hooks/useDebounced";
import { useResultRows } from "../hooks/useResultRows";
import { useSearchRows } from "../hooks/useSearchRows";
import type { ResultView } from "../live/batchResults";
import type { BatchSession } from "../live/batchSession";
import { ResultDetail } from "./ResultDetail";
import { ResultsTable } from "./ResultsTable";
import { ResultsToolbar } from "./ResultsToolbar";
import { SearchNote } from "./SearchNote";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * A batch's results: a view (all, failed...), a case-name search (asked of the store), the
 * virtualized table and the detail of one case.
 */
export function BatchResultsView({ session }: { session: BatchSession }) {
  const version = useBatchSession(session);
  const [view, setView] = useState<ResultView>("all");
  const [search, setSearch] = useState("");
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const settled = useDebounced(search, SEARCH_DEBOUNCE_MS);
  // Clearing the box shows the whole view at once; typing waits for the text to settle.
  const searching = useSearchRows(session, view, search.trim() === "" ? "" : settled);
  const viewRows = useResultRows(session, view, version);
  const source = searching?.source ?? viewRows;

  return (
    <div className="results">
      <div className="results-main">
        <ResultsToolbar
          view={view}
          onView={setView}
          search={search}
          onSearch={setSearch}
          shown={source.count}
          total={session.results.rowCount("all")}
        />
        {searching && <SearchNote cursor={searching.cursor} />}
        <ResultsTable source={source} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
      </div>
      {selectedSeq !== null && (
        <ResultDetail key={selectedSeq} batchId={session.id} seq={selectedSeq} onClose={() => setSelectedSeq(null)} />
      )}
    </div>
  );
}
