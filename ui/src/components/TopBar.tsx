import { EnvironmentSelect } from "../checks/EnvironmentSelect";
import type { EnvironmentsState } from "../collections/useEnvironments";
import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { LANGS, LANG_NAMES, type Lang } from "../i18n/translate";
import { errorText } from "../ipc";
import { notify } from "../notices";

export type Page = "collections" | "environments" | "runner" | "history";

const PAGES: readonly { page: Page; label: MessageKey }[] = [
  { page: "collections", label: "collections.nav" },
  { page: "environments", label: "collections.navEnvironments" },
  { page: "runner", label: "nav.runner" },
  { page: "history", label: "nav.history" },
];

type Props = { page: Page; onPage: (page: Page) => void; environments: EnvironmentsState };

export function TopBar({ page, onPage, environments }: Props) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="topbar">
      <span className="brand">{t("app.name")}</span>
      <nav className="segmented">
        {PAGES.map(({ page: p, label }) => (
          <button
            key={p}
            data-testid={`nav-${p}`}
            className={p === page ? "active" : ""}
            aria-pressed={p === page}
            onClick={() => onPage(p)}
          >
            {t(label)}
          </button>
        ))}
      </nav>
      <span className="panel-spacer" />
      <EnvironmentSelect
        environments={environments.environments}
        activeId={environments.activeId}
        onActivate={(id) => environments.activate(id).catch((e: unknown) => notify(errorText(e), "error"))}
      />
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
