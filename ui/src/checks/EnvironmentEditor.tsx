import { useState, type KeyboardEvent } from "react";
import type { Environment } from "../bindings/Environment";
import { useI18n } from "../hooks/useI18n";
import { CycleMessages } from "./CycleMessages";
import { checkEnvironment, hasChanges } from "./environmentDraft";
import { EnvironmentVariablesTable } from "./EnvironmentVariablesTable";
import { errorMessage } from "./errorMessage";
import { problemText } from "./problem";
import { useConfirmStep } from "./useConfirmStep";
import { cyclePathText } from "./variableCycles";

type Props = {
  draft: Environment;
  /** The stored environment, or null for a new one. */
  saved: Environment | null;
  active: boolean;
  onDraft: (draft: Environment) => void;
  onSave: () => Promise<void>;
  /** Deletes the stored environment, or drops a new one's draft. */
  onDelete: () => Promise<void>;
  onActivate: (id: string | null) => Promise<void>;
};

/** The editor of one environment: name, variables, Save, Delete, Set active. */
export function EnvironmentEditor({ draft, saved, active, onDraft, onSave, onDelete, onActivate }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = useConfirmStep();
  const checks = checkEnvironment(draft);
  const changed = hasChanges(draft, saved);
  const canSave = changed && checks.valid && !busy;
  const inCycle = new Set(checks.cycles.flatMap((cycle) => cycle.names));

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    if (canSave) void run(onSave);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      // Ours alone: a page-wide Ctrl+S (the case editor's) must not save something else too.
      e.preventDefault();
      e.stopPropagation();
      save();
    }
  };
  const remove = () => {
    if (saved !== null && !confirm.armed) {
      confirm.arm();
      return;
    }
    confirm.disarm();
    void run(onDelete);
  };

  return (
    <section className="ck-env-editor" data-testid="checks-env-editor" onKeyDown={onKeyDown}>
      <div className="ck-env-title">
        <input
          className="ck-env-name"
          data-testid="checks-env-name"
          aria-label={t("checks.env.name")}
          aria-invalid={checks.name !== null || undefined}
          placeholder={t("checks.env.namePlaceholder")}
          autoFocus={saved === null}
          value={draft.name}
          onChange={(e) => onDraft({ ...draft, name: e.target.value })}
        />
        {changed && (
          <span className="ck-unsaved" data-testid="checks-env-unsaved" title={t("checks.env.unsaved")}>
            •
          </span>
        )}
        {active && <span className="ck-badge">{t("checks.env.activeBadge")}</span>}
      </div>
      {checks.name !== null && (
        <p className="ck-messages ck-error" role="alert" data-testid="checks-env-name-error">
          {problemText(checks.name, t)}
        </p>
      )}
      <EnvironmentVariablesTable
        variables={draft.variables}
        problems={checks.variables}
        inCycle={inCycle}
        onChange={(variables) => onDraft({ ...draft, variables })}
      />
      <CycleMessages paths={checks.cycles.map(cyclePathText)} testId="checks-env-cycle" />
      {failure !== null && (
        <p className="ck-messages ck-error" role="alert" data-testid="checks-env-error">
          {failure}
        </p>
      )}
      <div className="ck-env-buttons">
        <button
          type="button"
          className="primary"
          data-testid="checks-env-save"
          disabled={!canSave}
          title={t("checks.env.saveHint")}
          onClick={save}
        >
          {t("checks.env.save")}
        </button>
        {saved !== null &&
          (active ? (
            <button
              type="button"
              data-testid="checks-env-deactivate"
              disabled={busy}
              onClick={() => void run(() => onActivate(null))}
            >
              {t("checks.env.deactivate")}
            </button>
          ) : (
            <button
              type="button"
              data-testid="checks-env-activate"
              disabled={busy}
              onClick={() => void run(() => onActivate(saved.id))}
            >
              {t("checks.env.setActive")}
            </button>
          ))}
        <span className="ck-spacer" />
        <button
          type="button"
          className={`danger ${confirm.armed ? "ck-armed" : ""}`}
          data-testid="checks-env-delete"
          disabled={busy}
          onClick={remove}
        >
          {saved === null ? t("checks.env.discard") : confirm.armed ? t("checks.env.confirmDelete") : t("checks.env.delete")}
        </button>
      </div>
    </section>
  );
}
