import { useI18n } from "../hooks/useI18n";
import { NUMBER_FIELDS, type FormErrors, type OptionsForm } from "../runner/options";
import { VariablesEditor } from "./VariablesEditor";

type Props = { form: OptionsForm; errors: FormErrors; onChange: (form: OptionsForm) => void };

/** Concurrency, delay, timeout, retries, iterations, bail, variables; errors inline. */
export function OptionsPanel({ form, errors, onChange }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="box">
      <legend>{t("options.title")}</legend>
      <div className="options-grid">
        {NUMBER_FIELDS.map(({ field, label, min, max }) => {
          const error = errors.numbers[field];
          return (
            <label key={field} className="field">
              <span className="label">{t(label)}</span>
              <input
                name={field}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                value={form.numbers[field]}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange({ ...form, numbers: { ...form.numbers, [field]: e.target.value } })}
              />
              {error && <span className="field-error">{t(error.key, { n: error.n ?? 0 })}</span>}
            </label>
          );
        })}
        <label className="field checkbox">
          <input type="checkbox" checked={form.bail} onChange={(e) => onChange({ ...form, bail: e.target.checked })} />
          <span>{t("options.bail")}</span>
        </label>
      </div>
      <VariablesEditor
        rows={form.variables}
        errors={errors.variables}
        onChange={(variables) => onChange({ ...form, variables })}
      />
    </fieldset>
  );
}
