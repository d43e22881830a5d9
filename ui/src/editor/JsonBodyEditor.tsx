import { useRef } from "react";
import { useI18n } from "../hooks/useI18n";
import { formatJsonText } from "../json/format";
import { JsonCodeArea, type JsonCodeAreaHandle } from "../json/JsonCodeArea";
import { currentJsonText, jsonProblem, withJsonText, type CaseDraft } from "./caseDraft";
import { parseJsonText } from "./jsonSyntax";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

type Props = { draft: CaseDraft; onChange: (next: CaseDraft) => void; known: ReadonlySet<string> };

/** The JSON body as typed, coloured and checked on every keystroke, with a Format button. */
export function JsonBodyEditor({ draft, onChange, known }: Props) {
  const { t } = useI18n();
  const area = useRef<JsonCodeAreaHandle>(null);
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
            const formatted = formatJsonText(text);
            if (formatted !== null) area.current?.replaceAll(formatted);
          }}
        >
          {t("editor.format")}
        </button>
      </div>
      <JsonCodeArea
        className="ed-json-area"
        testId="editor-body-json"
        ariaLabel={t("editor.bodyJson")}
        invalid={problem !== null}
        placeholder='{ "name": "{{name}}" }'
        value={text}
        known={known}
        handle={area}
        onChange={(next) => onChange(withJsonText(draft, next))}
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
