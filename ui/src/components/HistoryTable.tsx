import { useState } from "react";
import type { BatchSummary } from "../bindings/BatchSummary";
import { formatSpan, formatTime } from "../format";
import { useI18n } from "../hooks/useI18n";
import { isActive } from "../live/batchSession";
import { ExportMenu } from "./ExportMenu";
import { StateBadge } from "./StateBadge";

type Props = {
  batches: readonly BatchSummary[];
  onOpen: (batch: BatchSummary) => void;
  onDelete: (batch: BatchSummary) => void;
};

export function HistoryTable({ batches, onOpen, onDelete }: Props) {
  const { t } = useI18n();
  /** The row whose Delete was pressed once: it asks in place (no native dialog needed). */
  const [confirming, setConfirming] = useState<string | null>(null);
  if (batches.length === 0) return <p className="muted">{t("history.empty")}</p>;
  return (
    <table className="history" data-testid="history-table">
      <thead>
        <tr>
          <th>{t("history.col.name")}</th>
          <th>{t("history.col.state")}</th>
          <th>{t("history.col.counters")}</th>
          <th>{t("history.col.duration")}</th>
          <th>{t("history.col.started")}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <tr key={b.id} data-testid="history-row" data-batch-id={b.id}>
            <td>
              <button className="link" onClick={() => onOpen(b)}>
                {b.name}
              </button>
            </td>
            <td>
              <StateBadge batch={b} />
            </td>
            <td className="mono">
              <span className="count-passed">{b.counters.passed}</span> /{" "}
              <span className="count-failed">{b.counters.failed}</span> /{" "}
              <span className="count-errored">{b.counters.errored}</span>
              <span className="muted"> ({b.counters.done}/{b.counters.total})</span>
            </td>
            <td>{formatSpan(b.started_at, b.finished_at)}</td>
            <td>{formatTime(b.started_at ?? b.created_at)}</td>
            <td className="actions">
              <button className="small" onClick={() => onOpen(b)}>
                {t("history.open")}
              </button>
              <ExportMenu batch={b} />
              {confirming === b.id ? (
                <span className="confirm" role="alertdialog">
                  {t("history.confirmDelete", { name: b.name })}{" "}
                  <button className="small danger" onClick={() => { setConfirming(null); onDelete(b); }}>
                    {t("history.delete")}
                  </button>
                  <button className="small" onClick={() => setConfirming(null)}>
                    {t("history.keep")}
                  </button>
                </span>
              ) : (
                <button className="small danger" disabled={isActive(b.state)} onClick={() => setConfirming(b.id)}>
                  {t("history.delete")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
