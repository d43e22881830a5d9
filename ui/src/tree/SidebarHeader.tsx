import { useState, type KeyboardEvent, type Ref } from "react";
import { useI18n } from "../hooks/useI18n";
import { errorMessage } from "./errorMessage";

type Props = {
  search: string;
  onSearch: (text: string) => void;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The page focuses it on Ctrl+K. */
  searchInputRef?: Ref<HTMLInputElement>;
  onNewCollection: () => void;
  /** Opens a file dialog; a rejection's message shows under the header until dismissed. */
  onImport: () => Promise<void>;
};

/** Above the tree: the search field, New collection and Import (native or Postman files). */
export function SidebarHeader({ search, onSearch, onSearchKeyDown, searchInputRef, onNewCollection, onImport }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="tree-header">
      <input
        ref={searchInputRef}
        type="search"
        className="tree-search"
        data-testid="tree-search"
        aria-label={t("tree.search")}
        placeholder={t("tree.searchPlaceholder")}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        onKeyDown={onSearchKeyDown}
      />
      <div className="tree-header-actions">
        <button type="button" className="small" data-testid="tree-new-collection" onClick={onNewCollection}>
          {t("tree.newCollection")}
        </button>
        <button
          type="button"
          className="small"
          data-testid="tree-import"
          title={t("tree.importHint")}
          onClick={() => {
            setError(null);
            onImport().catch((e: unknown) => setError(errorMessage(e)));
          }}
        >
          {t("tree.import")}
        </button>
      </div>
      {error && (
        <p className="tree-header-error" role="alert" data-testid="tree-header-error">
          <span>{error}</span>
          <button type="button" className="tree-line-error-dismiss" aria-label={t("tree.dismiss")} onClick={() => setError(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
