import { useState } from "react";
import { AssertionsTable } from "../checks/AssertionsTable";
import { CapturesTable } from "../checks/CapturesTable";
import type { CaseDraft } from "../editor/caseDraft";
import { RequestTabs, withCount } from "../editor/RequestTabs";
import { UrlBar } from "../editor/UrlBar";
import { useI18n } from "../hooks/useI18n";
import { ScriptEditor } from "../scripts/ScriptEditor";
import { withScript } from "../scripts/withScript";
import type { CaseSession } from "./useCaseSession";
import type { InheritedAuth } from "./inheritedAuth";

type Props = {
  session: CaseSession;
  known: ReadonlySet<string>;
  inherited: InheritedAuth | null;
  sending: boolean;
  onSend: () => void;
  onCancel: () => void;
  onCopyCurl: () => void;
  onPickFile: () => Promise<string | null>;
  /** Controlled so that "add an assertion from the response" can show the Assertions tab. */
  tab: string | undefined;
  onTab: (tab: string) => void;
};

/** The open case: name, Save / Revert, the URL bar with Send, and the request's tabs. */
export function CaseEditorPane({ session, known, inherited, sending, onSend, onCancel, onCopyCurl, onPickFile, tab, onTab }: Props) {
  const { t } = useI18n();
  const [confirmRevert, setConfirmRevert] = useState(false);
  const { draft, dirty } = session;
  if (!draft) {
    return (
      <div className="case-editor empty">
        {session.problems.length > 0 ? <p className="inline-error">{session.problems.join(" ")}</p> : t("common.loading")}
      </div>
    );
  }
  const change = (next: CaseDraft) => session.change(next);
  const definition = draft.case;
  const assertionCount = definition.assert?.length ?? 0;
  const captureCount = Object.keys(definition.capture ?? {}).length;

  return (
    <div className="case-editor" data-testid="collections-editor">
      <div className="case-header">
        <input
          className="case-name"
          data-testid="collections-case-name"
          aria-label={t("collections.caseName")}
          value={definition.name}
          onChange={(e) => change({ ...draft, case: { ...definition, name: e.target.value } })}
        />
        {dirty && (
          <span className="unsaved" data-testid="collections-unsaved" title={t("collections.unsaved")}>
            ●
          </span>
        )}
        <span className="panel-spacer" />
        <button onClick={onCopyCurl} data-testid="collections-copy-curl">
          {t("collections.copyCurl")}
        </button>
        {dirty &&
          (confirmRevert ? (
            <button
              data-testid="collections-confirm-revert"
              onClick={() => {
                setConfirmRevert(false);
                void session.revert();
              }}
              onBlur={() => setConfirmRevert(false)}
            >
              {t("collections.confirmRevert")}
            </button>
          ) : (
            <button data-testid="collections-revert" onClick={() => setConfirmRevert(true)}>
              {t("collections.revert")}
            </button>
          ))}
        <button
          className="primary"
          data-testid="collections-save"
          disabled={!dirty || session.saving}
          title={t("collections.saveHint")}
          onClick={() => void session.save()}
        >
          {t("collections.save")}
        </button>
      </div>
      {session.problems.length > 0 && (
        <ul className="inline-error" data-testid="collections-problems">
          {session.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <UrlBar draft={draft} onChange={change} known={known} sending={sending} onSend={onSend} onCancel={onCancel} />
      <RequestTabs
        draft={draft}
        onChange={change}
        known={known}
        inheritedAuth={inherited}
        onPickFile={onPickFile}
        activeTab={tab}
        onTab={onTab}
        extraTabs={[
          {
            id: "assertions",
            label: withCount(t("collections.tabAssertions"), assertionCount),
            content: (
              <AssertionsTable
                assertions={definition.assert}
                onChange={(assert) => change({ ...draft, case: { ...definition, assert } })}
                known={known}
              />
            ),
          },
          {
            id: "captures",
            label: withCount(t("collections.tabCaptures"), captureCount),
            content: (
              <CapturesTable
                capture={definition.capture}
                onChange={(capture) => change({ ...draft, case: { ...definition, capture } })}
              />
            ),
          },
          ...(["pre", "test"] as const).map((phase) => ({
            id: `script-${phase}`,
            label: definition.scripts?.[phase]?.trim() ? `${t(`scripts.${phase}`)} •` : t(`scripts.${phase}`),
            content: (
              <ScriptEditor
                phase={phase}
                value={definition.scripts?.[phase] ?? ""}
                onChange={(code) => change({ ...draft, case: { ...definition, scripts: withScript(definition.scripts, phase, code) } })}
              />
            ),
          })),
        ]}
      />
    </div>
  );
}
