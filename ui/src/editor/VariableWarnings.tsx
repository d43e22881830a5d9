import { unknownVariables } from "../authoring/templates";
import { useI18n } from "../hooks/useI18n";
import "./editor.css";

type Props = { text: string; known: ReadonlySet<string>; testId?: string };

/**
 * "Unknown variable: name" for each `{{name}}` of `text` that no environment, collection or
 * capture defines. A warning, not an error: the variable may come from a data file or an
 * override at run time.
 */
export function VariableWarnings({ text, known, testId }: Props) {
  const { t } = useI18n();
  const names = unknownVariables(text, known);
  if (names.length === 0) return null;
  return (
    <ul className="ed-messages" data-testid={testId}>
      {names.map((name) => (
        <li key={name} className="ed-warning">
          {t("editor.unknownVariable", { name })}
        </li>
      ))}
    </ul>
  );
}
