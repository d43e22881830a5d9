import { useRef } from "react";
import { useI18n } from "../hooks/useI18n";
import { formatJsonText } from "../json/format";
import { JsonCodeArea, type JsonCodeAreaHandle } from "../json/JsonCodeArea";
import type { SchemaEditorRow, SchemaMode } from "./assertionRows";

type Props = {
  row: SchemaEditorRow;
  testId: string;
  autoFocus: boolean;
  invalid: boolean;
  onChange: (row: SchemaEditorRow) => void;
};

const MODES: readonly SchemaMode[] = ["inline", "file"];

/** A JSON Schema assertion: inline JSON in a coloured text area, or a file path. */
export function SchemaFields({ row, testId, autoFocus, invalid, onChange }: Props) {
  const { t } = useI18n();
  const area = useRef<JsonCodeAreaHandle>(null);
  const lines = row.text.split("\n").length;
  // A schema typed on one line scrolls sideways (the coloured area does not wrap): Format
  // lays it out, every value kept as typed.
  const formatted = row.mode === "inline" ? formatJsonText(row.text) : null;
  return (
    <>
      <span className="ck-schema-label">{t("checks.schema")}</span>
      <span className="segmented ck-schema-mode" role="group" aria-label={t("checks.schemaSource")}>
        {MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            className={`small ${row.mode === mode ? "active" : ""}`}
            data-testid={`${testId}-schema-${mode}`}
            aria-pressed={row.mode === mode}
            autoFocus={autoFocus && mode === row.mode}
            onClick={() => onChange({ ...row, mode })}
          >
            {mode === "inline" ? t("checks.schemaInline") : t("checks.schemaFile")}
          </button>
        ))}
      </span>
      {row.mode === "inline" ? (
        <span className="ck-schema-inline">
          <JsonCodeArea
            className="ck-schema-text"
            testId={`${testId}-schema-text`}
            ariaLabel={t("checks.schemaText")}
            invalid={invalid}
            rows={Math.min(Math.max(lines, 3), 16)}
            value={row.text}
            handle={area}
            onChange={(text) => onChange({ ...row, text })}
          />
          <button
            type="button"
            className="small"
            data-testid={`${testId}-schema-format`}
            disabled={formatted === null || formatted === row.text}
            title={t("editor.formatHint")}
            onClick={() => {
              if (formatted !== null) area.current?.replaceAll(formatted);
            }}
          >
            {t("editor.format")}
          </button>
        </span>
      ) : (
        <input
          className="ck-mono ck-schema-file"
          data-testid={`${testId}-schema-file`}
          aria-label={t("checks.schemaFilePath")}
          aria-invalid={invalid || undefined}
          placeholder={t("checks.schemaFilePlaceholder")}
          spellCheck={false}
          autoComplete="off"
          value={row.file}
          onChange={(e) => onChange({ ...row, file: e.target.value })}
        />
      )}
    </>
  );
}
