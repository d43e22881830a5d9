import type { VerdictFilter } from "../hooks/useFilteredResults";
import { useI18n } from "../hooks/useI18n";

type Props = {
  filter: VerdictFilter;
  onFilter: (filter: VerdictFilter) => void;
  search: string;
  onSearch: (search: string) => void;
  shown: number;
  total: number;
};

const FILTERS: readonly VerdictFilter[] = ["all", "failed", "errored"];

export function ResultsToolbar({ filter, onFilter, search, onSearch, shown, total }: Props) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <div className="segmented" role="group">
        {FILTERS.map((f) => (
          <button key={f} className={f === filter ? "active" : ""} aria-pressed={f === filter} onClick={() => onFilter(f)}>
            {t(`results.filter.${f}`)}
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
