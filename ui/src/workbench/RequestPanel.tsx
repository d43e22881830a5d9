import type { RequestRecord } from "../bindings/RequestRecord";
import { useI18n } from "../hooks/useI18n";
import { BodyPanel } from "./BodyPanel";
import { HeadersTable } from "./HeadersTable";

/** The request exactly as sent: templates rendered, secrets already masked by the engine. */
export function RequestPanel({ request }: { request: RequestRecord | null }) {
  const { t } = useI18n();
  if (!request) return <p className="muted">{t("detail.noRequest")}</p>;
  return (
    <div className="rv-request">
      <p className="rv-request-line">
        <span className="rv-method">{request.method}</span> <span className="rv-url">{request.url}</span>
      </p>
      <h4 className="rv-subtitle">
        {t("viewer.request.headers")} <span className="rv-count">{request.headers.length}</span>
      </h4>
      <HeadersTable headers={request.headers} emptyText={t("viewer.headers.noneRequest")} />
      <h4 className="rv-subtitle">{t("viewer.request.body")}</h4>
      <BodyPanel body={request.body} headers={request.headers} />
    </div>
  );
}
