import type { FieldError, VariableRow } from "../runner/options";
import { useI18n } from "../hooks/useI18n";

type Props = {
  rows: VariableRow[];
  errors: Record<number, FieldError>;
  onChange: (rows: VariableRow[]) => void;
};

let nextRowId = 1;

/** Key/value rows that override the collection's environment variables. */
export function VariablesEditor({ rows, errors, onChange }: Props) {
  const { t } = useI18n();
  const update = (id: number, patch: Partial<VariableRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <div className="variables">
      <div className="label">{t("options.variables")}</div>
      {rows.map((row) => {
        const error = errors[row.id];
        return (
          <div key={row.id} className="variable-row">
            <input
              aria-label={t("options.key")}
              placeholder={t("options.key")}
              value={row.key}
              aria-invalid={error ? true : undefined}
              onChange={(e) => update(row.id, { key: e.target.value })}
            />
            <input
              aria-label={t("options.value")}
              placeholder={t("options.value")}
              value={row.value}
              onChange={(e) => update(row.id, { value: e.target.value })}
            />
            <button onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>{t("options.remove")}</button>
            {error && <span className="field-error">{t(error.key, { n: error.n ?? 0 })}</span>}
          </div>
        );
      })}
      <button onClick={() => onChange([...rows, { id: nextRowId++, key: "", value: "" }])}>
        + {t("options.addVariable")}
      </button>
    </div>
  );
}
