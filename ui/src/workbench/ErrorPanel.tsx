import type { RunError } from "../bindings/RunError";
import { useI18n } from "../hooks/useI18n";

/**
 * Why the send has an error: no answer came back (transport, preparation), which is not a
 * failed assertion; or a script threw, which the response shown beside it did not cause.
 */
export function ErrorPanel({ error }: { error: RunError }) {
  const { t } = useI18n();
  return (
    <div className="rv-error" role="alert" data-testid="send-error">
      <div className="rv-error-title">
        <strong>{t(`viewer.errorKind.${error.kind}`)}</strong>
        <code className="rv-error-kind">{error.kind}</code>
      </div>
      <pre className="rv-error-message">{error.message}</pre>
      {error.kind !== "script" && <p className="rv-error-hint">{t("viewer.error.notAFailure")}</p>}
    </div>
  );
}
