import type { ConsoleLine } from "../bindings/ConsoleLine";
import { useI18n } from "../hooks/useI18n";

/** What a case's scripts printed (console.log, warn, error), in order. */
export function ConsoleLines({ lines }: { lines: readonly ConsoleLine[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return null;
  return (
    <section className="script-console" data-testid="script-console">
      <h4>{t("scripts.console")}</h4>
      <ol>
        {lines.map((line, i) => (
          <li key={i} className={`console-${line.level}`}>
            <code>{line.text}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
