import { useI18n } from "../hooks/useI18n";

/** "Cycle: a → b → a", one line per loop. */
export function CycleMessages({ paths, testId }: { paths: readonly string[]; testId: string }) {
  const { t } = useI18n();
  if (paths.length === 0) return null;
  return (
    <ul className="ck-messages ck-cycles">
      {paths.map((path) => (
        <li key={path} className="ck-error" role="alert" data-testid={testId}>
          {t("checks.cycle", { path })}
        </li>
      ))}
    </ul>
  );
}
