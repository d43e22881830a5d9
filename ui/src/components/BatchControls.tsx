import { useState } from "react";
import type { BatchSummary } from "../bindings/BatchSummary";
import { useI18n } from "../hooks/useI18n";
import { cancelBatch, errorText, pauseBatch, rerunFailed, resumeBatch } from "../ipc";
import { registry } from "../live";
import { isActive } from "../live/batchSession";
import { notify } from "../notices";

type Props = { batch: BatchSummary; onRerun: (id: string) => void };

/**
 * Pause / Resume / Cancel / Rerun failed, enabled according to the state; an interrupted
 * batch with requests that may have been sent also offers to resume sending them again.
 */
export function BatchControls({ batch, onRerun }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const { state, counters } = batch;

  const run = (action: () => Promise<BatchSummary>, isNew = false) => {
    setBusy(true);
    action()
      .then((summary) => {
        const session = registry.follow(summary);
        if (isNew) onRerun(session.id);
      })
      .catch((e: unknown) => notify(errorText(e), "error"))
      .finally(() => setBusy(false));
  };

  const canPause = state === "RUNNING" || state === "QUEUED";
  const canResume = state === "PAUSED" || state === "INTERRUPTED";
  const canRerun = !isActive(state) && counters.failed + counters.errored > 0;

  return (
    <div className="controls">
      <button
        data-testid="pause-button"
        disabled={busy || !canPause}
        onClick={() => run(() => pauseBatch(batch.id))}
      >
        {t("panel.pause")}
      </button>
      <button
        data-testid="resume-button"
        disabled={busy || !canResume}
        onClick={() => run(() => resumeBatch(batch.id))}
      >
        {t("panel.resume")}
      </button>
      {state === "INTERRUPTED" && batch.unknown_outcomes > 0 && (
        <button
          data-testid="resume-resend-button"
          disabled={busy}
          title={t("interrupted.unknown", { n: batch.unknown_outcomes })}
          onClick={() => run(() => resumeBatch(batch.id, true))}
        >
          {t("interrupted.resumeResend")}
        </button>
      )}
      <button
        data-testid="cancel-button"
        disabled={busy || !isActive(state)}
        onClick={() => run(() => cancelBatch(batch.id))}
      >
        {t("panel.cancel")}
      </button>
      <button
        data-testid="rerun-button"
        disabled={busy || !canRerun}
        onClick={() => run(() => rerunFailed(batch.id), true)}
      >
        {t("panel.rerun")}
      </button>
    </div>
  );
}
