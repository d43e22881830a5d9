import type { RunError } from "../bindings/RunError";
import { useI18n } from "../hooks/useI18n";

/** A transport or preparation error: no answer came back, which is not a failed assertion. */
export function ErrorPanel({ error }: { error: RunError }) {
  const { t } = useI18n();
  return (
    <div className="rv-error" role="alert" data-testid="send-error">
      <div className="rv-error-title">
        <strong>{t(`viewer.errorKind.${error.kind}`)}</strong>
        <code className="rv-error-kind">{error.kind}</code>
      </div>
      <pre className="rv-error-message">{error.message}</pre>
      <p className="rv-error-hint">{t("viewer.error.notAFailure")}</p>
    </div>
  );
}
