import { useState } from "react";
import { useBatchSession } from "../hooks/useBatchSession";
import { useFilteredResults, type VerdictFilter } from "../hooks/useFilteredResults";
import type { BatchSession } from "../live/batchSession";
import { ResultDetail } from "./ResultDetail";
import { ResultsTable } from "./ResultsTable";
import { ResultsToolbar } from "./ResultsToolbar";

/** A batch's results: filter, search, the virtualized table and the detail of one case. */
export function BatchResultsView({ session }: { session: BatchSession }) {
  const version = useBatchSession(session);
  const [filter, setFilter] = useState<VerdictFilter>("all");
  const [search, setSearch] = useState("");
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const rows = useFilteredResults(session.results, version, filter, search);

  return (
    <div className="results">
      <div className="results-main">
        <ResultsToolbar
          filter={filter}
          onFilter={setFilter}
          search={search}
          onSearch={setSearch}
          shown={rows.length}
          total={session.results.size}
        />
        <ResultsTable rows={rows} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
      </div>
      {selectedSeq !== null && (
        <ResultDetail key={selectedSeq} batchId={session.id} seq={selectedSeq} onClose={() => setSelectedSeq(null)} />
      )}
    </div>
  );
}
