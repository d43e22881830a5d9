import { useEffect, useRef } from "react";
import type { ResultSummary } from "../bindings/ResultSummary";
import { formatMs } from "../format";
import { useI18n } from "../hooks/useI18n";
import type { RowSource } from "../hooks/rowSource";
import { useRowWindow } from "../hooks/useRowWindow";

const ROW_HEIGHT = 26;

type Props = {
  source: RowSource;
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
};

/**
 * The results, virtualized: only the visible rows are in the DOM, and only their summaries
 * are asked for (a row not received yet is drawn as a placeholder until its page arrives).
 */
export function ResultsTable({ source, selectedSeq, onSelect }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, last, totalHeight, top } = useRowWindow(scrollRef, source.count, ROW_HEIGHT, 12);
  const indexes: number[] = [];
  for (let index = first; index <= last; index += 1) indexes.push(index);

  useEffect(() => source.showing(first, last), [source, first, last]);

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
        {source.count === 0 && <div className="empty">{t("results.empty")}</div>}
        <div style={{ height: totalHeight, position: "relative" }}>
          {indexes.map((index) => {
            const seq = source.seqAt(index);
            const r = source.rowAt(index);
            const selected = seq === selectedSeq ? " row-selected" : "";
            return (
              <div
                key={seq}
                role="row"
                data-testid="result-row"
                data-seq={seq}
                className={r ? `table-row${selected}` : `table-row row-placeholder${selected}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${top(index)}px)` }}
                onClick={() => onSelect(seq)}
              >
                <span className="num">{seq}</span>
                {r ? (
                  <>
                    <span className="ellipsis" title={r.case_name}>{r.case_name}</span>
                    <span className={`verdict verdict-${r.verdict}`}>{t(`verdict.${r.verdict}`)}</span>
                    <span>{r.status ?? ""}</span>
                    <span className="num">{formatMs(r.duration_ms)}</span>
                    <span className="ellipsis" title={problem(r)}>{problem(r)}</span>
                  </>
                ) : (
                  <span className="placeholder-text">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
