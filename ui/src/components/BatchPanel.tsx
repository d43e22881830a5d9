import { formatRate, formatSeconds } from "../format";
import { useBatchSession } from "../hooks/useBatchSession";
import { useI18n } from "../hooks/useI18n";
import type { BatchSession } from "../live/batchSession";
import { isActive } from "../live/batchSession";
import { BatchControls } from "./BatchControls";
import { LatencyChart } from "./LatencyChart";
import { ProgressBar } from "./ProgressBar";
import { StateBadge } from "./StateBadge";

type Props = {
  session: BatchSession;
  selected?: boolean;
  onSelect?: () => void;
  /** Controls (Pause, Resume...); History shows batches read-only. */
  onRerun?: (id: string) => void;
  /** Offered once the batch is no longer active (Runner). */
  onClose?: () => void;
};

/** A batch at a glance: state, progress, ETA, throughput, counters, latency, controls. */
export function BatchPanel({ session, selected = false, onSelect, onRerun, onClose }: Props) {
  const { t } = useI18n();
  useBatchSession(session);
  const batch = session.summary;
  const { done, total, passed, failed, errored } = batch.counters;
  const running = batch.state === "RUNNING";
  const rate = running ? session.throughput.rate() : null;
  const eta = running ? session.throughput.eta(total - done) : null;
  const recent = session.results.recent(isActive(batch.state) ? 60 : 120);

  return (
    <section
      className={selected ? "panel panel-selected" : "panel"}
      data-testid="batch-panel"
      data-batch-id={batch.id}
      onClick={onSelect}
    >
      <header className="panel-head">
        <strong className="panel-name" title={batch.id}>
          {batch.name}
        </strong>
        <StateBadge batch={batch} />
        <span className="panel-spacer" />
        {onClose && !isActive(batch.state) && (
          <button
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              onClose();
            }}
          >
            {t("panel.close")}
          </button>
        )}
      </header>
      <div className="panel-body">
        <div className="panel-main">
          <ProgressBar batch={batch} />
          <div className="panel-stats">
            <span className="count count-passed">
              {t("panel.passed")} <b data-testid="count-passed">{passed}</b>
            </span>
            <span className="count count-failed">
              {t("panel.failed")} <b data-testid="count-failed">{failed}</b>
            </span>
            <span className="count count-errored">
              {t("panel.errored")} <b data-testid="count-errored">{errored}</b>
            </span>
            {rate !== null && <span className="muted">{t("panel.throughput", { n: formatRate(rate) })}</span>}
            {eta !== null && <span className="muted">{t("panel.eta", { t: formatSeconds(eta) })}</span>}
          </div>
          {batch.unknown_outcomes > 0 && (
            <div className="warn">{t("panel.unknownOutcomes", { n: batch.unknown_outcomes })}</div>
          )}
          {batch.message && <div className="warn">{batch.message}</div>}
          {session.error && <div className="error-text">{session.error}</div>}
          {onRerun && (
            <div onClick={(e) => e.stopPropagation()}>
              <BatchControls batch={batch} onRerun={onRerun} />
            </div>
          )}
        </div>
        <LatencyChart {...recent} label={t("panel.latency")} />
      </div>
    </section>
  );
}
