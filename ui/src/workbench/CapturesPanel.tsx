import type { JsonValue } from "../bindings/serde_json/JsonValue";
import { useI18n } from "../hooks/useI18n";

/** Values captured by this send, as JSON so a string "1" and a number 1 look different. */
export function CapturesPanel({ captures }: { captures: { [name in string]: JsonValue } }) {
  const { t } = useI18n();
  const entries = Object.entries(captures);
  if (entries.length === 0) return <p className="muted">{t("viewer.captures.none")}</p>;
  return (
    <dl className="rv-captures">
      {entries.map(([name, value]) => (
        <div key={name} className="rv-capture">
          <dt>{name}</dt>
          <dd>
            <pre>{JSON.stringify(value, null, 2)}</pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}
