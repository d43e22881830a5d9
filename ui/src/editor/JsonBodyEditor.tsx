import { useI18n } from "../hooks/useI18n";
import { currentJsonText, jsonProblem, withJsonText, type CaseDraft } from "./caseDraft";
import { parseJsonText } from "./jsonSyntax";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

type Props = { draft: CaseDraft; onChange: (next: CaseDraft) => void; known: ReadonlySet<string> };

/** The JSON body as typed, checked on every keystroke, with a Format button. */
export function JsonBodyEditor({ draft, onChange, known }: Props) {
  const { t } = useI18n();
  const text = currentJsonText(draft);
  const problem = jsonProblem(text);
  const parsed = parseJsonText(text);
  // Shown next to the translated line/column: the parser's own words say what it expected.
  const detail = parsed.ok ? undefined : parsed.error.message;
  return (
    <div className="ed-body-json">
      <div className="ed-body-toolbar">
        <button
          type="button"
          className="small"
          data-testid="editor-body-json-format"
          disabled={!parsed.ok}
          title={t("editor.formatHint")}
          onClick={() => {
            if (parsed.ok) onChange(withJsonText(draft, JSON.stringify(parsed.value, null, 2)));
          }}
        >
          {t("editor.format")}
        </button>
      </div>
      <textarea
        className="ed-code"
        data-testid="editor-body-json"
        aria-label={t("editor.bodyJson")}
        aria-invalid={problem ? true : undefined}
        spellCheck={false}
        placeholder='{ "name": "{{name}}" }'
        value={text}
        onChange={(e) => onChange(withJsonText(draft, e.target.value))}
      />
      {problem && (
        <div className="ed-messages ed-error" data-testid="editor-body-json-error" title={detail}>
          {t(problem.key, problem.params)}
        </div>
      )}
      <VariableWarnings text={text} known={known} />
    </div>
  );
}
