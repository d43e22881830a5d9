import { useMemo, useState, type ReactNode } from "react";
import { copyText } from "../clipboard";
import { useI18n } from "../hooks/useI18n";
import { errorText } from "../ipc";
import { notify } from "../notices";
import { analyseBody, type BodyAnalysis } from "./bodyAnalysis";
import { bodyBytes, bodyText, isEmptyBody, type Body } from "./bodyContent";
import { effectiveMode, type BodyMode } from "./bodyModes";
import { headerValue } from "./contentKind";
import { RAW_PATH } from "./find/bodyFind";
import { FindBar } from "./find/FindBar";
import { FindContext } from "./find/findContext";
import { Highlighted } from "./find/Highlighted";
import { FIND_SCROLL_BOX } from "./find/revealMatch";
import { useBodyFind, type Findable } from "./find/useBodyFind";
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
 * The pretty and raw views can be searched (the tree opens to show each match). A text
 * body can be copied as received (not as the tree shows it: every digit and the server's
 * own spacing kept).
 */
export function BodyPanel({ body, headers, truncatedFrom = null }: Props) {
  const { t } = useI18n();
  // The user's pick survives new responses (like Postman) whenever it still applies.
  const [chosen, setChosen] = useState<BodyMode | null>(null);
  const contentType = headerValue(headers, "content-type");
  const analysis = useMemo(() => (isEmptyBody(body) ? null : analyseBody(body, contentType)), [body, contentType]);
  const mode = analysis === null ? null : effectiveMode(analysis.modes, chosen);
  const findable = useMemo(() => findableView(body, mode, analysis), [body, mode, analysis]);
  const find = useBodyFind(findable);

  if (body === null || analysis === null || mode === null) return <p className="muted">{t("detail.noBody")}</p>;
  const findBar = findable && (
    <FindBar query={find.query} onQuery={find.setQuery} count={find.matches.length} index={find.index} onStep={find.step} />
  );

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
        {typeof body === "string" && <CopyBodyButton text={body} />}
      </div>
      {truncatedFrom !== null && (
        <p className="rv-note">
          {t("viewer.truncatedNote", { kept: formatBytes(analysis.byteLength), total: formatBytes(truncatedFrom) })}
        </p>
      )}
      <FindContext value={find.state}>
        <BodyContent body={body} mode={mode} analysis={analysis} findable={findable} findBar={findBar} />
      </FindContext>
    </div>
  );
}

/** What find searches in the view shown: the tree's keys and values, or the raw text. */
function findableView(body: Body | null, mode: BodyMode | null, analysis: BodyAnalysis | null): Findable {
  if (body === null) return null;
  if (mode === "pretty" && analysis?.json) return { kind: "tree", root: analysis.json };
  if (mode === "raw") return { kind: "text", text: bodyText(body) };
  return null;
}

function CopyBodyButton({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="small rv-toolbar-end"
      data-testid="viewer-copy-body"
      title={t("viewer.copyBodyHint")}
      onClick={() =>
        copyText(text)
          .then(() => notify(t("viewer.copiedBody")))
          .catch((e: unknown) => notify(errorText(e), "error"))
      }
    >
      {t("viewer.copyBody")}
    </button>
  );
}

type ContentProps = {
  body: Body;
  mode: BodyMode;
  analysis: BodyAnalysis;
  findable: Findable;
  /** Shown in the view's own toolbar row (the tree's has Expand all and Collapse all). */
  findBar: ReactNode;
};

function BodyContent({ body, mode, analysis, findable, findBar }: ContentProps) {
  switch (mode) {
    case "pretty":
      return analysis.json ? <JsonTree root={analysis.json} toolbarStart={findBar} /> : null;
    case "raw":
      return (
        <>
          <div className="rv-toolbar">{findBar}</div>
          <RawBody text={findable?.kind === "text" ? findable.text : bodyText(body)} />
        </>
      );
    case "hex":
      return <HexBody body={body} />;
    case "image":
      return <ImageView body={body} mime={analysis.mime} />;
  }
}

/** Text as-is; binary bodies decode with U+FFFD where bytes are not UTF-8. */
function RawBody({ text }: { text: string }) {
  return (
    <pre className="rv-raw" data-testid="raw-body" {...FIND_SCROLL_BOX}>
      <Highlighted text={text} path={RAW_PATH} part="text" />
    </pre>
  );
}

function HexBody({ body }: { body: Body }) {
  const bytes = useMemo(() => bodyBytes(body), [body]);
  return <HexView bytes={bytes} />;
}
