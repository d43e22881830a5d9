import { useI18n } from "../../hooks/useI18n";
import { MAX_MATCHES } from "./bodyFind";
import { FIND_FIELD_CLASS } from "./focusBodyFind";

type Props = {
  query: string;
  onQuery: (query: string) => void;
  /** Matches found (MAX_MATCHES means "at least"). */
  count: number;
  /** The current match, 0-based. */
  index: number;
  /** +1 for the next match, -1 for the previous one; both wrap around. */
  onStep: (delta: 1 | -1) => void;
};

/** The body's find field: Enter and Shift+Enter step through matches, Escape clears. */
export function FindBar({ query, onQuery, count, index, onStep }: Props) {
  const { t } = useI18n();
  const total = count >= MAX_MATCHES ? `${MAX_MATCHES}+` : String(count);
  return (
    <div className="rv-find" role="search">
      <input
        type="search"
        className={FIND_FIELD_CLASS}
        data-testid="viewer-find"
        placeholder={t("viewer.find.placeholder")}
        aria-label={t("viewer.find.label")}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === "Escape") {
            e.preventDefault();
            if (query === "") e.currentTarget.blur();
            else onQuery("");
          }
        }}
      />
      {query !== "" && (
        <>
          <span className="muted small rv-find-count" data-testid="viewer-find-count" aria-live="polite">
            {count === 0 ? t("viewer.find.none") : t("viewer.find.position", { n: index + 1, total })}
          </span>
          <button type="button" className="small" disabled={count === 0} title={t("viewer.find.previous")} aria-label={t("viewer.find.previous")} onClick={() => onStep(-1)}>
            ↑
          </button>
          <button type="button" className="small" disabled={count === 0} title={t("viewer.find.next")} aria-label={t("viewer.find.next")} onClick={() => onStep(1)}>
            ↓
          </button>
        </>
      )}
    </div>
  );
}
