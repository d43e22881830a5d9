import { useState } from "react";
import type { Environment } from "../bindings/Environment";
import { useI18n } from "../hooks/useI18n";
import { blankEnvironment, environmentForSave, hasChanges } from "./environmentDraft";
import { EnvironmentEditor } from "./EnvironmentEditor";
import "./checks.css";

type Props = {
  environments: Environment[];
  activeId: string | null;
  onSave: (environment: Environment) => Promise<Environment>;
  onDelete: (id: string) => Promise<void>;
  onActivate: (id: string | null) => Promise<void>;
  /** Unsaved edits from before (a reload, a crash), by environment id ("" for a new one). */
  initialDrafts?: Readonly<Record<string, Environment>>;
  /** Told of every unsaved edit (null: none left), to keep it through a reload. */
  onDraft?: (id: string, environment: Environment | null) => void;
};

/** The id of a new environment that has not been saved yet. */
const NEW_ID = "";

/**
 * Environments: a list (the active one marked, "New environment" on top) and the editor of
 * the selected one. Unsaved edits are kept per environment while another one is selected,
 * so switching back and forth loses nothing; they are marked "•" in the list.
 */
export function EnvironmentsPanel({ environments, activeId, onSave, onDelete, onActivate, initialDrafts, onDraft }: Props) {
  const { t } = useI18n();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Readonly<Record<string, Environment>>>(() => initialDrafts ?? {});

  const stored = (id: string) => environments.find((environment) => environment.id === id) ?? null;
  // What was chosen, while it exists; else the active environment, else the first one.
  const selectedId =
    chosenId !== null && (chosenId === NEW_ID ? Object.hasOwn(drafts, NEW_ID) : stored(chosenId) !== null)
      ? chosenId
      : (stored(activeId ?? "")?.id ?? environments[0]?.id ?? null);
  const saved = selectedId === null ? null : stored(selectedId);
  const draft = selectedId === null ? null : (drafts[selectedId] ?? saved);

  // Functional updates: Save and Delete call this after awaiting, when `drafts` may be stale.
  const setDraft = (id: string, environment: Environment | null) => {
    onDraft?.(id, environment);
    setDrafts((previous) => {
      const next = { ...previous };
      if (environment === null) delete next[id];
      else next[id] = environment;
      return next;
    });
  };
  const unsaved = (environment: Environment) => {
    const edited = drafts[environment.id];
    return edited !== undefined && hasChanges(edited, environment);
  };

  const startNew = () => {
    if (!Object.hasOwn(drafts, NEW_ID)) setDraft(NEW_ID, blankEnvironment());
    setChosenId(NEW_ID);
  };
  const save = async () => {
    if (selectedId === null || draft === null) return;
    const result = await onSave(environmentForSave(draft));
    setDraft(selectedId, null);
    setChosenId(result.id);
  };
  const remove = async () => {
    if (selectedId === null) return;
    if (selectedId !== NEW_ID) await onDelete(selectedId);
    setDraft(selectedId, null);
    setChosenId(null);
  };

  const newDraft = drafts[NEW_ID];
  return (
    <div className="ck-envs">
      <nav className="ck-env-list" aria-label={t("checks.env.list")} data-testid="checks-env-list">
        <button type="button" className="small" data-testid="checks-env-new" onClick={startNew}>
          + {t("checks.env.new")}
        </button>
        <ul>
          {newDraft !== undefined && (
            <li>
              <button
                type="button"
                className={`ck-env-item ${selectedId === NEW_ID ? "ck-selected" : ""}`}
                data-testid="checks-env-item-new"
                aria-current={selectedId === NEW_ID || undefined}
                onClick={() => setChosenId(NEW_ID)}
              >
                <span className="ck-env-item-name">{newDraft.name || t("checks.env.newName")}</span>
                <span className="ck-unsaved">•</span>
              </button>
            </li>
          )}
          {environments.map((environment, index) => (
            <li key={environment.id}>
              <button
                type="button"
                className={`ck-env-item ${selectedId === environment.id ? "ck-selected" : ""}`}
                data-testid={`checks-env-item-${index}`}
                data-env-id={environment.id}
                data-active={environment.id === activeId || undefined}
                aria-current={selectedId === environment.id || undefined}
                onClick={() => setChosenId(environment.id)}
              >
                <span className={`ck-env-dot ${environment.id === activeId ? "ck-env-dot-active" : ""}`} aria-hidden="true" />
                <span className="ck-env-item-name">
                  {(drafts[environment.id] ?? environment).name || t("checks.env.unnamed")}
                </span>
                {unsaved(environment) && (
                  <span className="ck-unsaved" title={t("checks.env.unsaved")}>
                    •
                  </span>
                )}
                {environment.id === activeId && <span className="ck-badge">{t("checks.env.activeBadge")}</span>}
              </button>
            </li>
          ))}
        </ul>
        {environments.length === 0 && newDraft === undefined && (
          <p className="ck-empty muted">{t("checks.env.noneYet")}</p>
        )}
      </nav>
      {selectedId !== null && draft !== null ? (
        <EnvironmentEditor
          // A fresh editor per environment: revealed secrets and a pending delete do not carry over.
          key={selectedId === NEW_ID ? "new" : `id-${selectedId}`}
          draft={draft}
          saved={saved}
          active={selectedId === activeId && selectedId !== NEW_ID}
          onDraft={(environment) => setDraft(selectedId, environment)}
          onSave={save}
          onDelete={remove}
          onActivate={onActivate}
        />
      ) : (
        <p className="ck-empty muted">{t("checks.env.pick")}</p>
      )}
    </div>
  );
}
