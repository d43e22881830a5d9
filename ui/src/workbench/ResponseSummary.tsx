import type { SendOutcome } from "../bindings/SendOutcome";
import { formatMs } from "../format";
import { useI18n } from "../hooks/useI18n";
import { useAddAssertion } from "./addAssertion";
import { bodyByteLength } from "./bodyContent";
import { formatBytes } from "./formatBytes";
import { reasonPhrase, statusClass } from "./httpStatus";

/** Verdict · status · time · size, the line a user reads before anything else. */
export function ResponseSummary({ outcome }: { outcome: SendOutcome }) {
  const { t } = useI18n();
  const add = useAddAssertion();
  const { verdict, response, request } = outcome;
  return (
    <div className="rv-summary" data-testid="response-summary">
      <span className={`rv-verdict rv-verdict-${verdict}`} data-testid="verdict">
        {t(`verdict.${verdict}`)}
      </span>
      {response && (
        <span className={`rv-status rv-status-${statusClass(response.status)}`} data-testid="status">
          {response.status} {reasonPhrase(response.status)}
        </span>
      )}
      {response && add && (
        <button
          type="button"
          className="rv-assert rv-assert-visible"
          data-testid="viewer-assert-status"
          onClick={() => add(`status == ${response.status}`)}
        >
          {t("viewer.assert")}
        </button>
      )}
      {/* Nothing was timed when the request never left (template or URL errors). */}
      {request && (
        <span className="rv-metric">
          <span className="rv-metric-label">{t("viewer.time")}</span> {formatMs(outcome.duration_ms)} ms
        </span>
      )}
      {response && (
        <span className="rv-metric" data-testid="size">
          <span className="rv-metric-label">{t("viewer.size")}</span> {formatBytes(response.body_size)}
          {response.body_truncated && (
            <span
              className="rv-truncated"
              title={t("viewer.truncatedNote", {
                kept: formatBytes(bodyByteLength(response.body)),
                total: formatBytes(response.body_size),
              })}
            >
              {t("viewer.truncated")}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
