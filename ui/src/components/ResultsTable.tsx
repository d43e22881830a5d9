import { formatMs } from "../format";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { ResultSummary } from "../bindings/ResultSummary";
import { useI18n } from "../hooks/useI18n";

const ROW_HEIGHT = 26;

type Props = {
  rows: readonly ResultSummary[];
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
};

/** The results, virtualized: only the visible rows are in the DOM (100k rows stay smooth). */
export function ResultsTable({ rows, selectedSeq, onSelect }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index].seq,
  });

  const problem = (r: ResultSummary) =>
    r.error ? `${r.error.kind}: ${r.error.message}` : r.failed_assertions > 0 ? t("results.failedAssertions", { n: r.failed_assertions }) : "";

  return (
    <div className="table" role="table">
      <div className="table-row table-head" role="row">
        <span role="columnheader">{t("results.col.seq")}</span>
        <span role="columnheader">{t("results.col.case")}</span>
        <span role="columnheader">{t("results.col.verdict")}</span>
        <span role="columnheader">{t("results.col.status")}</span>
        <span role="columnheader" className="num">{t("results.col.duration")}</span>
        <span role="columnheader">{t("results.col.problem")}</span>
      </div>
      <div className="table-scroll" ref={scrollRef}>
        {rows.length === 0 && <div className="empty">{t("results.empty")}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index];
            return (
              <div
                key={item.key}
                role="row"
                data-testid="result-row"
                data-seq={r.seq}
                className={r.seq === selectedSeq ? "table-row row-selected" : "table-row"}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(r.seq)}
              >
                <span className="num">{r.seq}</span>
                <span className="ellipsis" title={r.case_name}>{r.case_name}</span>
                <span className={`verdict verdict-${r.verdict}`}>{t(`verdict.${r.verdict}`)}</span>
                <span>{r.status ?? ""}</span>
                <span className="num">{formatMs(r.duration_ms)}</span>
                <span className="ellipsis" title={problem(r)}>{problem(r)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
