import { useState } from "react";
import type { EnvironmentVariable } from "../bindings/EnvironmentVariable";
import { EyeIcon } from "../components/EyeIcon";
import { useI18n } from "../hooks/useI18n";
import { DeleteRowButton } from "../components/DeleteRowButton";
import { blankVariable } from "./environmentDraft";
import { problemText, type Problem } from "./problem";
import { removeAt, replaceAt } from "./rowList";

type Props = {
  variables: readonly EnvironmentVariable[];
  problems: readonly (Problem | null)[];
  /** Names in a reference cycle, marked invalid. */
  inCycle: ReadonlySet<string>;
  onChange: (variables: EnvironmentVariable[]) => void;
};

/**
 * The variables of an environment: enabled, name, value, secret. A secret value sits in a
 * password input (shown as dots) until its row's eye button reveals it; revealing is local
 * to this view and never saved.
 */
export function EnvironmentVariablesTable({ variables, problems, inCycle, onChange }: Props) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  const patch = (index: number, change: Partial<EnvironmentVariable>) =>
    onChange(replaceAt(variables, index, { ...variables[index], ...change }));
  const setReveal = (index: number, on: boolean) => {
    const next = new Set(revealed);
    if (on) next.add(index);
    else next.delete(index);
    setRevealed(next);
  };
  const remove = (index: number) => {
    // Rows below move up one place, and so does their revealed state.
    setRevealed(new Set([...revealed].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    onChange(removeAt(variables, index));
  };

  return (
    <div className="ck-table ck-env-vars" data-testid="checks-env-variables">
      {variables.length > 0 && (
        <div className="ck-env-var ck-env-head muted" aria-hidden="true">
          <span>{t("checks.env.on")}</span>
          <span>{t("checks.variableName")}</span>
          <span>{t("checks.value")}</span>
          <span>{t("checks.env.secret")}</span>
          <span />
        </div>
      )}
      {variables.map((variable, index) => {
        const testId = `checks-env-var-${index}`;
        const problem = problems[index] ?? null;
        const cyclic = inCycle.has(variable.name) && variable.enabled;
        const masked = variable.secret && !revealed.has(index);
        return (
          <div
            key={index}
            className={`ck-env-var ${variable.enabled ? "" : "ck-disabled"}`}
            data-testid={testId}
          >
            <input
              type="checkbox"
              data-testid={`${testId}-enabled`}
              aria-label={t("checks.env.enabled")}
              checked={variable.enabled}
              onChange={(e) => patch(index, { enabled: e.target.checked })}
            />
            <input
              className="ck-mono"
              data-testid={`${testId}-name`}
              aria-label={t("checks.variableName")}
              aria-invalid={problem !== null || cyclic || undefined}
              placeholder={t("checks.variableName")}
              spellCheck={false}
              autoComplete="off"
              value={variable.name}
              onChange={(e) => patch(index, { name: e.target.value })}
            />
            <span className="ck-secret-value">
              <input
                type={masked ? "password" : "text"}
                className="ck-mono"
                data-testid={`${testId}-value`}
                aria-label={t("checks.value")}
                aria-invalid={cyclic || undefined}
                placeholder={t("checks.variableValue")}
                spellCheck={false}
                autoComplete="off"
                value={variable.value}
                onChange={(e) => patch(index, { value: e.target.value })}
              />
              {variable.secret && (
                <button
                  type="button"
                  className="small ck-eye"
                  data-testid={`${testId}-reveal`}
                  aria-pressed={!masked}
                  aria-label={masked ? t("checks.env.reveal") : t("checks.env.hide")}
                  title={masked ? t("checks.env.reveal") : t("checks.env.hide")}
                  onClick={() => setReveal(index, masked)}
                >
                  <EyeIcon open={masked} />
                </button>
              )}
            </span>
            <input
              type="checkbox"
              data-testid={`${testId}-secret`}
              aria-label={t("checks.env.secret")}
              title={t("checks.env.secretHint")}
              checked={variable.secret}
              onChange={(e) => {
                // Turning a value secret hides it again, whatever was revealed before.
                setReveal(index, false);
                patch(index, { secret: e.target.checked });
              }}
            />
            <DeleteRowButton
              testId={`${testId}-delete`}
              label={t("checks.deleteRow")}
              onClick={() => remove(index)}
              danger
            />
            {problem !== null && (
              <div className="ck-messages ck-error" role="alert" data-testid={`${testId}-error`}>
                {problemText(problem, t)}
              </div>
            )}
          </div>
        );
      })}
      <div className="ck-add">
        <button
          type="button"
          className="small"
          data-testid="checks-env-add-variable"
          onClick={() => onChange([...variables, blankVariable()])}
        >
          + {t("checks.env.addVariable")}
        </button>
      </div>
    </div>
  );
}
