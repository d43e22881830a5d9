import type { Environment } from "../bindings/Environment";
import { useI18n } from "../hooks/useI18n";
import "./checks.css";

type Props = {
  environments: readonly Environment[];
  activeId: string | null;
  onActivate: (id: string | null) => void;
};

/** The active environment, for the top bar; the first option is "No environment". */
export function EnvironmentSelect({ environments, activeId, onActivate }: Props) {
  const { t } = useI18n();
  const known = environments.some((environment) => environment.id === activeId);
  return (
    <select
      className="ck-env-select"
      data-testid="checks-env-select"
      aria-label={t("checks.env.active")}
      title={t("checks.env.active")}
      value={known && activeId !== null ? activeId : ""}
      onChange={(e) => onActivate(e.target.value === "" ? null : e.target.value)}
    >
      <option value="">{t("checks.env.none")}</option>
      {environments.map((environment) => (
        <option key={environment.id} value={environment.id}>
          {environment.name || t("checks.env.unnamed")}
        </option>
      ))}
    </select>
  );
}
