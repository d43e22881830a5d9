import type { ResponseRecord } from "../bindings/ResponseRecord";
import { base64Bytes, prettyBody } from "../format";
import { useI18n } from "../hooks/useI18n";

export function HeaderList({ headers }: { headers: Array<[string, string]> }) {
  if (headers.length === 0) return null;
  return (
    <dl className="headers">
      {headers.map(([name, value], i) => (
        <div key={`${name}-${i}`}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A text body, pretty-printed when it is JSON; a binary one as its size. */
export function BodyView({ body }: { body: ResponseRecord["body"] | null }) {
  const { t } = useI18n();
  if (body === null || body === "") return <p className="muted">{t("detail.noBody")}</p>;
  if (typeof body !== "string") return <p className="muted">{t("detail.binary", { n: base64Bytes(body.base64) })}</p>;
  return <pre className="code">{prettyBody(body)}</pre>;
}
