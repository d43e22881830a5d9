import { useI18n } from "../hooks/useI18n";
import { LANGS, LANG_NAMES, type Lang } from "../i18n/translate";

export type Page = "runner" | "history";

type Props = { page: Page; onPage: (page: Page) => void };

export function TopBar({ page, onPage }: Props) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="topbar">
      <span className="brand">{t("app.name")}</span>
      <nav className="segmented">
        {(["runner", "history"] as const).map((p) => (
          <button
            key={p}
            data-testid={`nav-${p}`}
            className={p === page ? "active" : ""}
            aria-pressed={p === page}
            onClick={() => onPage(p)}
          >
            {t(`nav.${p}`)}
          </button>
        ))}
      </nav>
      <span className="panel-spacer" />
      <select aria-label={t("lang.label")} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </header>
  );
}
