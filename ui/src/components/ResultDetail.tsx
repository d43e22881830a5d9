import { formatMs } from "../format";
import type { ResultDetail as Detail } from "../bindings/ResultDetail";
import { useI18n } from "../hooks/useI18n";
import { useResultDetail } from "../hooks/useResultDetail";
import { ConsoleLines } from "../scripts/ConsoleLines";
import { AssertionList } from "./AssertionList";
import { BodyPanel } from "../workbench/BodyPanel";
import { HeaderList } from "./HttpParts";

type Props = { batchId: string; seq: number; onClose: () => void };

/** One case in full: request, response, assertions, error, captures. Mount with key={seq}. */
export function ResultDetail({ batchId, seq, onClose }: Props) {
  const { t } = useI18n();
  const { detail, error } = useResultDetail(batchId, seq);
  const result = detail?.result;
  return (
    <aside className="detail" data-testid="result-detail">
      <header className="detail-head">
        <strong>{t("detail.title", { seq })}</strong>
        {result && <span className="ellipsis">{result.case_name}</span>}
        <span className="panel-spacer" />
        <button onClick={onClose}>{t("common.close")}</button>
      </header>
      {error && <p className="error-text">{error}</p>}
      {!result && !error && <p className="muted">{t("common.loading")}</p>}
      {detail && <DetailBody detail={detail} />}
    </aside>
  );
}

function DetailBody({ detail }: { detail: Detail }) {
  const { t } = useI18n();
  const { result } = detail;
  const { request, response } = result;
  const captures = Object.entries(result.captures);
  return (
    <div className="detail-body">
      <p>
        <span className={`verdict verdict-${result.verdict}`}>{t(`verdict.${result.verdict}`)}</span>{" "}
        <span className="muted">
          {formatMs(result.duration_ms)} ms{result.attempts > 1 ? ` · ${t("detail.attempts", { n: result.attempts })}` : ""}
        </span>
      </p>
      {result.error && (
        <section>
          <h4>{t("detail.error")}</h4>
          <p className="error-text">
            <b>{result.error.kind}</b>: {result.error.message}
          </p>
        </section>
      )}
      <section>
        <h4>{t("detail.request")}</h4>
        {request ? (
          <>
            <p className="mono">
              <b>{request.method}</b> {request.url}
            </p>
            <HeaderList headers={request.headers} />
            <BodyPanel body={request.body} headers={request.headers} />
          </>
        ) : (
          <p className="muted">{t("detail.noRequest")}</p>
        )}
      </section>
      <section>
        <h4>{t("detail.response")}</h4>
        {response ? (
          <>
            <p className="mono">
              <b>{response.status}</b> · {response.body_size} B
            </p>
            <HeaderList headers={response.headers} />
            <BodyPanel
              body={response.body}
              headers={response.headers}
              truncatedFrom={response.body_truncated ? response.body_size : null}
            />
          </>
        ) : (
          <p className="muted">{t("detail.noResponse")}</p>
        )}
      </section>
      {result.assertions.length > 0 && (
        <section>
          <h4>{t("detail.assertions")}</h4>
          <AssertionList assertions={result.assertions} />
        </section>
      )}
      <ConsoleLines lines={result.script?.console ?? []} />
      {captures.length > 0 && (
        <section>
          <h4>{t("detail.captures")}</h4>
          <dl className="headers">
            {captures.map(([name, value]) => (
              <div key={name} data-testid="detail-capture">
                <dt>{name}</dt>
                {/* The exact JSON text: a 64-bit id read as a JS number would be rounded. */}
                <dd className="mono">{detail.captures_json[name] ?? JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
