import { useId, useState, type ReactNode } from "react";
import type { SendOutcome } from "../bindings/SendOutcome";
import { useI18n } from "../hooks/useI18n";
import { ConsoleLines } from "../scripts/ConsoleLines";
import { AssertionsPanel } from "./AssertionsPanel";
import { BodyPanel } from "./BodyPanel";
import { CapturesPanel } from "./CapturesPanel";
import { ErrorPanel } from "./ErrorPanel";
import { HeadersTable } from "./HeadersTable";
import { RequestPanel } from "./RequestPanel";
import { ResponseSummary } from "./ResponseSummary";
import { panelId, TabBar, tabId, type Tab } from "./TabBar";
import { AddAssertionContext, type AddAssertion } from "./addAssertion";
import "./workbench.css";

export type ResponseViewerProps = {
  /** The last send's outcome; null before the first send. */
  outcome: SendOutcome | null;
  /** A send is in flight: show it, and keep the last outcome visible but dimmed. */
  pending?: boolean;
  /** Offered on the status, each header and each JSON value: adds that check to the case. */
  onAddAssertion?: AddAssertion;
};

type TabId = "body" | "headers" | "assertions" | "captures" | "request";

/** The outcome of one workbench send: summary line, then body, headers, assertions, captures, request. */
export function ResponseViewer({ outcome, pending = false, onAddAssertion }: ResponseViewerProps) {
  const { t } = useI18n();
  const idPrefix = useId();
  // The selected tab outlives each send, so re-sending keeps the user where they were.
  const [selected, setSelected] = useState<TabId>("body");

  return (
    <AddAssertionContext.Provider value={onAddAssertion ?? null}>
    <section className={pending ? "rv rv-pending" : "rv"} aria-busy={pending} data-testid="response-viewer">
      {pending && (
        <div className={outcome ? "rv-sending rv-sending-over" : "rv-sending"} role="status">
          <span className="rv-spinner" aria-hidden />
          {t("viewer.sending")}
        </div>
      )}
      {outcome === null ? (
        !pending && <p className="rv-empty">{t("viewer.empty")}</p>
      ) : (
        <div className="rv-outcome">
          <ResponseSummary outcome={outcome} />
          {outcome.error && <ErrorPanel error={outcome.error} />}
          <TabBar
            tabs={tabsFor(outcome, t)}
            selected={selected}
            onSelect={setSelected}
            idPrefix={idPrefix}
            label={t("viewer.sections")}
          />
          <TabPanels outcome={outcome} selected={selected} idPrefix={idPrefix} />
        </div>
      )}
    </section>
    </AddAssertionContext.Provider>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

function tabsFor(outcome: SendOutcome, t: Translate): Array<Tab<TabId>> {
  const failed = outcome.assertions.filter((a) => !a.passed).length;
  const total = outcome.assertions.length;
  return [
    { id: "body", label: t("viewer.tab.body") },
    {
      id: "headers",
      label: (
        <>
          {t("viewer.tab.headers")} <span className="rv-count">{outcome.response?.headers.length ?? 0}</span>
        </>
      ),
    },
    {
      id: "assertions",
      label: (
        <>
          {t("viewer.tab.assertions")}{" "}
          <span className={failed > 0 ? "rv-count rv-count-failed" : "rv-count"}>
            {total - failed}/{total}
          </span>
        </>
      ),
    },
    {
      id: "captures",
      label: (
        <>
          {t("viewer.tab.captures")} <span className="rv-count">{Object.keys(outcome.captures).length}</span>
        </>
      ),
    },
    { id: "request", label: t("viewer.tab.request") },
  ];
}

type PanelsProps = { outcome: SendOutcome; selected: TabId; idPrefix: string };

/**
 * The body panel stays mounted while hidden so its view mode and JSON folding survive a
 * look at another tab; the others are cheap and render only when shown.
 */
function TabPanels({ outcome, selected, idPrefix }: PanelsProps) {
  const { t } = useI18n();
  const { response } = outcome;
  const panel = (id: TabId, content: ReactNode) => (
    <div
      key={id}
      role="tabpanel"
      id={panelId(idPrefix, id)}
      aria-labelledby={tabId(idPrefix, id)}
      hidden={selected !== id}
      className="rv-panel"
    >
      {content}
    </div>
  );
  return (
    <>
      {panel(
        "body",
        response ? (
          <BodyPanel
            body={response.body}
            headers={response.headers}
            truncatedFrom={response.body_truncated ? response.body_size : null}
          />
        ) : (
          <p className="muted">{t("viewer.noResponse")}</p>
        ),
      )}
      {selected === "headers" &&
        panel("headers", <HeadersTable headers={response?.headers ?? []} emptyText={t("viewer.headers.noneResponse")} assertable />)}
      {selected === "assertions" &&
        panel(
          "assertions",
          <>
            <AssertionsPanel assertions={outcome.assertions} />
            <ConsoleLines lines={outcome.script?.console ?? []} />
          </>,
        )}
      {selected === "captures" && panel("captures", <CapturesPanel captures={outcome.captures} texts={outcome.captures_json} />)}
      {selected === "request" && panel("request", <RequestPanel request={outcome.request} />)}
    </>
  );
}
