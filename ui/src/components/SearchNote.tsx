import { useI18n } from "../hooks/useI18n";
import { SEARCH_CAP, type SearchCursor } from "../live/searchCursor";

/** How a search stands: still loading, capped at SEARCH_CAP matches, or failed. */
export function SearchNote({ cursor }: { cursor: SearchCursor }) {
  const { t } = useI18n();
  if (cursor.error) return <p className="error-text">{cursor.error}</p>;
  if (cursor.capped) return <p className="warn" data-testid="search-capped">{t("results.searchCapped", { n: SEARCH_CAP })}</p>;
  if (cursor.loading) return <p className="muted">{t("common.loading")}</p>;
  return null;
}
