import { useI18n } from "../hooks/useI18n";
import type { ResultView } from "../live/batchResults";

type Props = {
  view: ResultView;
  onView: (view: ResultView) => void;
  search: string;
  onSearch: (search: string) => void;
  shown: number;
  total: number;
};

const VIEWS: readonly ResultView[] = ["all", "failed", "errored", "not_passed"];

export function ResultsToolbar({ view, onView, search, onSearch, shown, total }: Props) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <div className="segmented" role="group">
        {VIEWS.map((v) => (
          <button key={v} className={v === view ? "active" : ""} aria-pressed={v === view} onClick={() => onView(v)}>
            {t(`results.filter.${v}`)}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="search"
        placeholder={t("results.search")}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <span className="muted">{t("results.count", { shown, total })}</span>
    </div>
  );
}
