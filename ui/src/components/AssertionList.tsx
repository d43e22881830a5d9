import type { AssertionOutcome } from "../bindings/AssertionOutcome";
import { useI18n } from "../hooks/useI18n";

/** Each assertion with expected vs actual, and why it failed. */
export function AssertionList({ assertions }: { assertions: readonly AssertionOutcome[] }) {
  const { t } = useI18n();
  return (
    <ul className="assertions">
      {assertions.map((a, i) => (
        <li key={i} className={a.passed ? "assertion ok" : "assertion bad"}>
          <span className="assertion-mark">{a.passed ? "✔" : "✘"}</span>
          <div>
            <code>{a.assertion}</code>
            {/* A script's pm.test has neither when it passes: nothing to compare. */}
            {(a.expected !== "" || a.actual !== "") && (
              <div className="assertion-values">
                <span>
                  {t("detail.expected")}: <code>{a.expected}</code>
                </span>
                <span>
                  {t("detail.actual")}: <code>{a.actual}</code>
                </span>
              </div>
            )}
            {a.message && <div className="error-text">{a.message}</div>}
          </div>
        </li>
      ))}
    </ul>
  );
}
