import type { Collections } from "../hooks/useCollections";
import { useI18n } from "../hooks/useI18n";

/** Demo, opened last, opened since; Open… (file dialog); the error of an invalid file. */
export function CollectionChooser({ collections }: { collections: Collections }) {
  const { t } = useI18n();
  const { known, selected, invalid, select, openDialog } = collections;
  return (
    <fieldset className="box">
      <legend>{t("collection.title")}</legend>
      {known.length === 0 && <p className="muted">{t("collection.none")}</p>}
      <div className="collections">
        {known.map((c) => (
          <label key={c.path} className={c.path === selected ? "collection collection-selected" : "collection"} title={c.path}>
            <input type="radio" name="collection" checked={c.path === selected} onChange={() => select(c.path)} />
            <span className="collection-name">{c.name}</span>
            {c.demo && <span className="tag">{t("collection.demo")}</span>}
            <span className="muted">{t("collection.cases", { n: c.case_count })}</span>
          </label>
        ))}
      </div>
      <div className="row">
        <button data-testid="open-collection" onClick={() => void openDialog(t("collection.dialogTitle"))}>{t("collection.open")}</button>
        <span className="muted small">{t("collection.dropHint")}</span>
      </div>
      {invalid && (
        <div className="error-box" data-testid="collection-error">
          <b>{t("collection.invalid")}</b>
          <pre>{invalid.message ?? t("collection.wrongType", { name: invalid.path })}</pre>
        </div>
      )}
    </fieldset>
  );
}
