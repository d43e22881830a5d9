import type { BatchSummary } from "../bindings/BatchSummary";
import { useI18n } from "../hooks/useI18n";

/** RUNNING / PAUSED / waiting for network / PASSED / FAILED / CANCELLED / INTERRUPTED. */
export function StateBadge({ batch }: { batch: Pick<BatchSummary, "state" | "pause_reason"> }) {
  const { t } = useI18n();
  const waiting = batch.state === "PAUSED" && batch.pause_reason === "waiting_for_network";
  const label = waiting ? t("state.WAITING") : t(`state.${batch.state}`);
  const tone = waiting ? "waiting" : batch.state.toLowerCase();
  return (
    <span className={`badge badge-${tone}`} data-testid="state-badge">
      {label}
    </span>
  );
}
