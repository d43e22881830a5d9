import type { RequestTemplate } from "../bindings/RequestTemplate";
import { useI18n } from "../hooks/useI18n";
import { draftProblems, withRequestPatch, type CaseDraft } from "./caseDraft";
import { TemplateInput } from "./TemplateInput";
import { sentUrl } from "../authoring/queryParams";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

type Props = {
  draft: CaseDraft;
  onChange: (next: CaseDraft) => void;
  known: ReadonlySet<string>;
  sending: boolean;
  onSend: () => void;
  onCancel: () => void;
};

/** Method, URL with highlighted variables, and Send (Cancel while a request is out). */
export function UrlBar({ draft, onChange, known, sending, onSend, onCancel }: Props) {
  const { t } = useI18n();
  const request = draft.case.request;
  const setRequest = (patch: Partial<RequestTemplate>) => onChange(withRequestPatch(draft, patch));
  const urlProblems = draftProblems(draft).filter((problem) => problem.field === "url");
  // A file may use a method the list lacks (TRACE, a WebDAV verb): it stays selectable.
  const methods: readonly string[] = METHODS.some((m) => m === request.method)
    ? METHODS
    : [...METHODS, request.method];

  return (
    <div className="ed-urlbar-block">
      <div className="ed-urlbar">
        <select
          className={`ed-method ${methodClass(request.method)}`}
          data-testid="editor-method"
          aria-label={t("editor.method")}
          value={request.method}
          onChange={(e) => setRequest({ method: e.target.value })}
        >
          {methods.map((method) => (
            <option key={method} value={method} className={methodClass(method)}>
              {method}
            </option>
          ))}
        </select>
        <TemplateInput
          className="ed-url"
          testId="editor-url"
          ariaLabel={t("editor.url")}
          placeholder={t("editor.urlPlaceholder")}
          value={request.url}
          known={known}
          invalid={urlProblems.length > 0}
          onChange={(url) => setRequest({ url })}
          onKeyDown={(e) => {
            // Enter that confirms an IME composition (Chinese input) is not a Send.
            if (e.key === "Enter" && !e.nativeEvent.isComposing && e.keyCode !== 229 && !sending) {
              e.preventDefault();
              onSend();
            }
          }}
        />
        {sending ? (
          <button type="button" className="ed-send" data-testid="editor-cancel" onClick={onCancel}>
            {t("editor.cancel")}
          </button>
        ) : (
          <button type="button" className="primary ed-send" data-testid="editor-send" onClick={onSend}>
            {t("editor.send")}
          </button>
        )}
      </div>
      {urlProblems.length > 0 && (
        <ul className="ed-messages" data-testid="editor-url-problems">
          {urlProblems.map((problem) => (
            <li key={problem.key} className="ed-error">
              {t(problem.key, problem.params)}
            </li>
          ))}
        </ul>
      )}
      {/* A switched-off parameter is not sent: its variables need not exist. */}
      <VariableWarnings text={sentUrl(request.url)} known={known} testId="editor-url-warnings" />
    </div>
  );
}

/** `ed-method-get`... for the known methods; other methods get the neutral colour. */
function methodClass(method: string): string {
  return METHODS.some((m) => m === method) ? `ed-method-${method.toLowerCase()}` : "ed-method-other";
}
