import { useState } from "react";
import type { BatchSummary } from "../bindings/BatchSummary";
import { useI18n } from "../hooks/useI18n";
import { errorText, resumeBatch } from "../ipc";
import { registry } from "../live";
import { notify } from "../notices";

type Props = { restored: number | null; interrupted: readonly BatchSummary[] };

/**
 * "Restored N running batch(es)" and the offer to resume interrupted ones. A batch whose
 * process died with requests in flight says so, and offers to send those again whatever
 * their method: only the user knows whether a second POST is harmless (DESIGN.md, resume).
 */
export function StartupNotices({ restored, interrupted }: Props) {
  const { t } = useI18n();
  const [restoreDismissed, setRestoreDismissed] = useState(false);
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set());
  const pending = interrupted.filter((b) => !handled.has(b.id));
  const handle = (id: string) => setHandled((set) => new Set(set).add(id));

  const resume = (batch: BatchSummary, resendUnknown: boolean) => {
    handle(batch.id);
    resumeBatch(batch.id, resendUnknown)
      .then((summary) => registry.follow(summary))
      .catch((e: unknown) => notify(errorText(e), "error"));
  };

  return (
    <>
      {restored !== null && restored > 0 && !restoreDismissed && (
        <div className="banner" data-testid="restore-notice">
          <span>{t("restore.notice", { n: restored })}</span>
          <button onClick={() => setRestoreDismissed(true)}>{t("common.dismiss")}</button>
        </div>
      )}
      {pending.length > 0 && (
        <div className="banner banner-warn" data-testid="interrupted-offer">
          <span>{t("interrupted.offer", { n: pending.length })}</span>
          <ul>
            {pending.map((batch) => (
              <li key={batch.id}>
                <b>{batch.name}</b>{" "}
                <span className="muted">
                  {batch.counters.done}/{batch.counters.total}
                </span>{" "}
                <button
                  data-testid="resume-interrupted"
                  data-batch-id={batch.id}
                  onClick={() => resume(batch, false)}
                >
                  {t("interrupted.resume")}
                </button>{" "}
                {batch.unknown_outcomes > 0 && (
                  <>
                    <button
                      data-testid="resume-interrupted-resend"
                      data-batch-id={batch.id}
                      onClick={() => resume(batch, true)}
                    >
                      {t("interrupted.resumeResend")}
                    </button>{" "}
                  </>
                )}
                <button onClick={() => handle(batch.id)}>{t("common.dismiss")}</button>
                {batch.unknown_outcomes > 0 && (
                  <p className="banner-detail" data-testid="interrupted-unknown" data-batch-id={batch.id}>
                    {t("interrupted.unknown", { n: batch.unknown_outcomes })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
