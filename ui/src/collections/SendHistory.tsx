import type { SendRecord } from "../bindings/SendRecord";
import { useI18n } from "../hooks/useI18n";

type Props = { history: SendRecord[]; shownId: number | null; onReopen: (id: number) => void };

/** The open case's recent sends, newest first; one click shows that send again. */
export function SendHistory({ history, shownId, onReopen }: Props) {
  const { t } = useI18n();
  if (history.length === 0) return null;
  return (
    <section className="send-history" aria-label={t("collections.history")}>
      <h3>{t("collections.history")}</h3>
      <ul>
        {history.map((send) => (
          <li key={send.id}>
            <button
              data-testid="collections-history-item"
              className={send.id === shownId ? "selected" : ""}
              onClick={() => onReopen(send.id)}
            >
              <span className={`verdict verdict-${send.verdict}`}>{t(`verdict.${send.verdict}`)}</span>
              <span className="send-summary">{send.summary}</span>
              <time dateTime={send.sent_at}>{new Date(send.sent_at).toLocaleTimeString()}</time>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
