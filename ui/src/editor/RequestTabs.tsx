import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { paramsFromUrl } from "../authoring/queryParams";
import { tabIndexForKey } from "../components/tabKeys";
import { useI18n } from "../hooks/useI18n";
import { AuthEditor, type InheritedAuthInfo } from "./AuthEditor";
import { BODY_KIND_LABELS, BodyEditor } from "./BodyEditor";
import { bodyKind, withRequestPatch, type CaseDraft } from "./caseDraft";
import { HeadersTable } from "./HeadersTable";
import { rowsFromMap } from "./keyValueRows";
import { ParamsTable } from "./ParamsTable";
import { RequestSettings } from "./RequestSettings";
import "./editor.css";

export type ExtraTab = { id: string; label: string; content: ReactNode };

/**
 * "Headers (2)", or just "Headers" when there are none: zero counts only lengthen the tab
 * row, which then wraps onto a second line in a narrow editor.
 */
export function withCount(label: string, count: number): string {
  return count > 0 ? `${label} (${count})` : label;
}

type Props = {
  draft: CaseDraft;
  onChange: (next: CaseDraft) => void;
  known: ReadonlySet<string>;
  inheritedAuth: InheritedAuthInfo | null;
  onPickFile?: () => Promise<string | null>;
  /** Tabs the page adds after the request's own (assertions, captures). */
  extraTabs?: readonly ExtraTab[];
  /** The shown tab, when the page controls it; otherwise the tabs remember their own. */
  activeTab?: string;
  onTab?: (id: string) => void;
};

/** Params | Headers | Body | Auth | Settings (then the page's extra tabs) of the open case. */
export function RequestTabs({ draft, onChange, known, inheritedAuth, onPickFile, extraTabs = [], activeTab, onTab }: Props) {
  const { t } = useI18n();
  const idPrefix = useId();
  const [ownTab, setOwnTab] = useState("params");
  const request = draft.case.request;
  const kind = bodyKind(draft);
  const enabledHeaders = rowsFromMap(request.headers).filter((row) => row.enabled).length;

  const tabs: ExtraTab[] = [
    {
      id: "params",
      label: withCount(t("editor.tabParams"), paramsFromUrl(request.url).length),
      content: (
        <ParamsTable url={request.url} onUrlChange={(url) => onChange(withRequestPatch(draft, { url }))} known={known} />
      ),
    },
    {
      id: "headers",
      label: withCount(t("editor.tabHeaders"), enabledHeaders),
      content: (
        <HeadersTable
          headers={request.headers}
          onChange={(headers) => onChange(withRequestPatch(draft, { headers }))}
          known={known}
        />
      ),
    },
    {
      id: "body",
      label: kind === "none" ? t("editor.tabBody") : `${t("editor.tabBody")} (${t(BODY_KIND_LABELS[kind])})`,
      content: <BodyEditor draft={draft} onChange={onChange} known={known} onPickFile={onPickFile} />,
    },
    {
      id: "auth",
      label: t("editor.tabAuth"),
      content: (
        <AuthEditor
          auth={request.auth}
          onChange={(auth) => onChange(withRequestPatch(draft, { auth }))}
          inherited={inheritedAuth}
          known={known}
        />
      ),
    },
    {
      id: "settings",
      label: t("editor.tabSettings"),
      content: (
        <RequestSettings
          timeoutMs={request.timeout_ms}
          onChange={(timeout_ms) => onChange(withRequestPatch(draft, { timeout_ms }))}
          settings={request.settings}
          onSettingsChange={(settings) => onChange(withRequestPatch(draft, { settings }))}
        />
      ),
    },
    ...extraTabs,
  ];
  const wanted = activeTab ?? ownTab;
  const selected = tabs.some((tab) => tab.id === wanted) ? wanted : "params";
  const select = (id: string) => {
    setOwnTab(id);
    onTab?.(id);
  };
  const tabElementId = (id: string) => `${idPrefix}-tab-${id}`;
  const panelElementId = (id: string) => `${idPrefix}-panel-${id}`;

  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs: one tab stop).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const target = tabIndexForKey(event.key, index, tabs.length);
    if (target === null) return;
    event.preventDefault();
    const id = tabs[target].id;
    select(id);
    document.getElementById(tabElementId(id))?.focus();
  };

  return (
    <div className="ed-tabs">
      <div className="ed-tablist" role="tablist" aria-label={t("editor.tabsLabel")} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabElementId(tab.id)}
            data-testid={`editor-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={panelElementId(tab.id)}
            tabIndex={tab.id === selected ? 0 : -1}
            className={tab.id === selected ? "ed-tab ed-tab-active" : "ed-tab"}
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted: rows being typed (a header without a name yet) survive
          a look at another tab. */}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelElementId(tab.id)}
          aria-labelledby={tabElementId(tab.id)}
          className="ed-tabpanel"
          hidden={tab.id !== selected}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
