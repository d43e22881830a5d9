import { useId, type ReactNode } from "react";
import type { RequestTemplate } from "../bindings/RequestTemplate";
import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { BODY_KINDS, bodyKind, withBodyKind, withRequestPatch, type BodyKind, type CaseDraft } from "./caseDraft";
import { JsonBodyEditor } from "./JsonBodyEditor";
import { MAP_ROWS } from "./keyValueRows";
import { KeyValueTable } from "./KeyValueTable";
import { MultipartTable } from "./MultipartTable";
import { useTypedRows } from "./useTypedRows";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

type Props = {
  draft: CaseDraft;
  onChange: (next: CaseDraft) => void;
  known: ReadonlySet<string>;
  /** Asks the user for a file for a multipart row; resolves to its path, or null. */
  onPickFile?: () => Promise<string | null>;
};

export const BODY_KIND_LABELS: Record<BodyKind, MessageKey> = {
  none: "editor.bodyNone",
  json: "editor.bodyJson",
  text: "editor.bodyText",
  form: "editor.bodyForm",
  multipart: "editor.bodyMultipart",
};

/** The request body: a kind to choose, then the editor of that kind. */
export function BodyEditor({ draft, onChange, known, onPickFile }: Props) {
  const { t } = useI18n();
  const radioName = useId();
  const kind = bodyKind(draft);
  const request = draft.case.request;
  const setRequest = (patch: Partial<RequestTemplate>) => onChange(withRequestPatch(draft, patch));

  let editor: ReactNode = null;
  switch (kind) {
    case "none":
      editor = <p className="ed-hint">{t("editor.bodyNoneHint")}</p>;
      break;
    case "json":
      editor = <JsonBodyEditor draft={draft} onChange={onChange} known={known} />;
      break;
    case "text":
      editor = (
        <>
          <textarea
            className="ed-code"
            data-testid="editor-body-text"
            aria-label={t("editor.bodyText")}
            spellCheck={false}
            value={request.body ?? ""}
            onChange={(e) => setRequest({ body: e.target.value })}
          />
          <p className="ed-hint">{t("editor.bodyTextHint")}</p>
          <VariableWarnings text={request.body ?? ""} known={known} />
        </>
      );
      break;
    case "form":
      editor = (
        <>
          <FormFields form={request.form} onChange={(form) => setRequest({ form })} known={known} />
          <p className="ed-hint">{t("editor.bodyFormHint")}</p>
        </>
      );
      break;
    case "multipart":
      editor = (
        <>
          <MultipartTable
            parts={request.multipart ?? []}
            onChange={(multipart) => setRequest({ multipart })}
            known={known}
            onPickFile={onPickFile}
          />
          <p className="ed-hint">{t("editor.bodyMultipartHint")}</p>
        </>
      );
      break;
  }

  return (
    <div className="ed-body">
      <div className="ed-body-kinds" role="radiogroup" aria-label={t("editor.bodyKind")}>
        {BODY_KINDS.map((k) => (
          <label key={k} className="ed-radio">
            <input
              type="radio"
              name={radioName}
              data-testid={`editor-body-kind-${k}`}
              checked={kind === k}
              onChange={() => onChange(withBodyKind(draft, k))}
            />
            {t(BODY_KIND_LABELS[k])}
          </label>
        ))}
      </div>
      {editor}
    </div>
  );
}

type FormProps = {
  form: Readonly<Record<string, string>> | undefined;
  onChange: (form: Record<string, string>) => void;
  known: ReadonlySet<string>;
};

/** URL-encoded form fields; unticked rows are saved as `~name` and not sent. */
function FormFields({ form, onChange, known }: FormProps) {
  const { t } = useI18n();
  // With no field left the form stays `{}`: leaving it out would turn the body kind to none.
  const [rows, setRows] = useTypedRows(form, (next) => onChange(next ?? {}), MAP_ROWS);
  return (
    <KeyValueTable
      rows={rows}
      onChange={setRows}
      known={known}
      keyPlaceholder={t("editor.fieldName")}
      valuePlaceholder={t("editor.fieldValue")}
      testId="editor-form"
    />
  );
}
