import type { JsonValue } from "../bindings/serde_json/JsonValue";
import { useI18n } from "../hooks/useI18n";
import { formatJsonText } from "../json/format";

type Props = {
  captures: { [name in string]: JsonValue };
  /** The same values as JSON text, exact (a send stored by an older version has none). */
  texts: { [name in string]: string };
};

/** Values captured by this send, as JSON so a string "1" and a number 1 look different. */
export function CapturesPanel({ captures, texts }: Props) {
  const { t } = useI18n();
  const entries = Object.entries(captures);
  if (entries.length === 0) return <p className="muted">{t("viewer.captures.none")}</p>;
  return (
    <dl className="rv-captures">
      {entries.map(([name, value]) => {
        const text = texts[name] ?? JSON.stringify(value);
        return (
          <div key={name} className="rv-capture" data-testid="viewer-capture">
            <dt>{name}</dt>
            <dd>
              <pre>{formatJsonText(text) ?? text}</pre>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
