import { unknownVariables } from "../authoring/templates";
import { useI18n } from "../hooks/useI18n";
import { problemText, type Problem } from "./problem";

type Props = {
  /** Errors: what the engine would refuse. */
  problems: readonly (Problem | null)[];
  /** Text whose `{{names}}` are checked against `known` (warnings only: a later layer may define them). */
  templateText?: string;
  known?: ReadonlySet<string>;
  testId: string;
};

/** The inline errors and unknown-variable warnings under one row; nothing when all is well. */
export function RowMessages({ problems, templateText, known, testId }: Props) {
  const { t } = useI18n();
  const errors = problems.filter((problem): problem is Problem => problem !== null);
  const unknown = known && templateText ? unknownVariables(templateText, known) : [];
  if (errors.length === 0 && unknown.length === 0) return null;
  return (
    <ul className="ck-messages">
      {errors.map((problem, index) => (
        <li key={index} className="ck-error" role="alert" data-testid={`${testId}-error`}>
          {problemText(problem, t)}
        </li>
      ))}
      {unknown.map((name) => (
        <li key={name} className="ck-warning" data-testid={`${testId}-warning`}>
          {t("checks.unknownVariable", { name })}
        </li>
      ))}
    </ul>
  );
}
