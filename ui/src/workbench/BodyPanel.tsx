import { useMemo, useState } from "react";
import { copyText } from "../clipboard";
import { useI18n } from "../hooks/useI18n";
import { errorText } from "../ipc";
import { notify } from "../notices";
import { analyseBody, type BodyAnalysis } from "./bodyAnalysis";
import { bodyBytes, bodyText, isEmptyBody, type Body } from "./bodyContent";
import { effectiveMode, type BodyMode } from "./bodyModes";
import { headerValue } from "./contentKind";
import { formatBytes } from "./formatBytes";
import { HexView } from "./HexView";
import { ImageView } from "./ImageView";
import { JsonTree } from "./JsonTree";

type Props = {
  body: Body | null;
  /** The headers that travelled with this body: Content-Type picks the default view. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The full size received, when only the first bytes of it were stored. */
  truncatedFrom?: number | null;
};

/**
 * A body in the view that suits it (pretty JSON, raw, hex, image), switchable by the user.
 * A text body can be copied as received (not as the tree shows it: every digit and the
 * server's own spacing kept).
 */
export function BodyPanel({ body, headers, truncatedFrom = null }: Props) {
  const { t } = useI18n();
  // The user's pick survives new responses (like Postman) whenever it still applies.
  const [chosen, setChosen] = useState<BodyMode | null>(null);
  const contentType = headerValue(headers, "content-type");
  const analysis = useMemo(() => (isEmptyBody(body) ? null : analyseBody(body, contentType)), [body, contentType]);

  if (body === null || analysis === null) return <p className="muted">{t("detail.noBody")}</p>;
  const mode = effectiveMode(analysis.modes, chosen);

  return (
    <div className="rv-body">
      <div className="rv-toolbar">
        <div className="segmented" role="group" aria-label={t("viewer.mode.label")}>
          {analysis.modes.map((m) => (
            <button
              key={m}
              type="button"
              className={m === mode ? "small active" : "small"}
              aria-pressed={m === mode}
              onClick={() => setChosen(m)}
            >
              {t(`viewer.mode.${m}`)}
            </button>
          ))}
        </div>
        {analysis.mime && <span className="muted small mono">{analysis.mime}</span>}
        {typeof body === "string" && (
          <button
            type="button"
            className="small rv-copy"
            data-testid="viewer-copy-body"
            title={t("viewer.copyBodyHint")}
            onClick={() =>
              copyText(body)
                .then(() => notify(t("viewer.copiedBody")))
                .catch((e: unknown) => notify(errorText(e), "error"))
            }
          >
            {t("viewer.copyBody")}
          </button>
        )}
      </div>
      {truncatedFrom !== null && (
        <p className="rv-note">
          {t("viewer.truncatedNote", { kept: formatBytes(analysis.byteLength), total: formatBytes(truncatedFrom) })}
        </p>
      )}
      <BodyContent body={body} mode={mode} analysis={analysis} />
    </div>
  );
}

type ContentProps = { body: Body; mode: BodyMode; analysis: BodyAnalysis };

function BodyContent({ body, mode, analysis }: ContentProps) {
  switch (mode) {
    case "pretty":
      return analysis.json ? <JsonTree root={analysis.json} /> : null;
    case "raw":
      return <RawBody body={body} />;
    case "hex":
      return <HexBody body={body} />;
    case "image":
      return <ImageView body={body} mime={analysis.mime} />;
  }
}

/** Text as-is; binary bodies decode with U+FFFD where bytes are not UTF-8. */
function RawBody({ body }: { body: Body }) {
  const text = useMemo(() => bodyText(body), [body]);
  return (
    <pre className="rv-raw" data-testid="raw-body">
      {text}
    </pre>
  );
}

function HexBody({ body }: { body: Body }) {
  const bytes = useMemo(() => bodyBytes(body), [body]);
  return <HexView bytes={bytes} />;
}
