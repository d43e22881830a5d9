import { useState } from "react";
import type { AssertionOutcome } from "../bindings/AssertionOutcome";
import { useI18n } from "../hooks/useI18n";

/** Every assertion with expected vs actual; failures stand out and can be shown alone. */
export function AssertionsPanel({ assertions }: { assertions: readonly AssertionOutcome[] }) {
  const { t } = useI18n();
  const [onlyFailures, setOnlyFailures] = useState(false);
  if (assertions.length === 0) return <p className="muted">{t("viewer.assertions.none")}</p>;
  const failed = assertions.filter((a) => !a.passed).length;
  const passed = assertions.length - failed;
  const shown = onlyFailures && failed > 0 ? assertions.filter((a) => !a.passed) : assertions;
  return (
    <div className="rv-assertions-panel">
      <div className="rv-toolbar">
        <span>{t("viewer.assertions.summary", { passed, total: assertions.length })}</span>
        {failed > 0 && <span className="rv-failed-count">{t("viewer.assertions.failed", { n: failed })}</span>}
        <span className="panel-spacer" />
        {failed > 0 && passed > 0 && (
          <label className="rv-check">
            <input type="checkbox" checked={onlyFailures} onChange={(e) => setOnlyFailures(e.target.checked)} />
            {t("viewer.assertions.onlyFailures")}
          </label>
        )}
      </div>
      <ul className="rv-assertions">
        {shown.map((a, i) => (
          <AssertionItem key={i} outcome={a} />
        ))}
      </ul>
    </div>
  );
}

function AssertionItem({ outcome }: { outcome: AssertionOutcome }) {
  const { t } = useI18n();
  const verdict = outcome.passed ? "passed" : "failed";
  return (
    <li className={`rv-assertion rv-assertion-${verdict}`} data-testid={`assertion-${verdict}`}>
      <span className="rv-assertion-mark" role="img" aria-label={t(`verdict.${verdict}`)}>
        {outcome.passed ? "✔" : "✘"}
      </span>
      <div className="rv-assertion-body">
        <code className="rv-assertion-text">{outcome.assertion}</code>
        {/* A script's pm.test has neither when it passes: nothing to compare. */}
        {(outcome.expected !== "" || outcome.actual !== "") && (
          <dl className="rv-assertion-values">
            <dt>{t("detail.expected")}</dt>
            <dd>
              <code>{outcome.expected}</code>
            </dd>
            <dt>{t("detail.actual")}</dt>
            <dd>
              <code>{outcome.actual}</code>
            </dd>
          </dl>
        )}
        {outcome.message && <p className="rv-assertion-message">{outcome.message}</p>}
      </div>
    </li>
  );
}
