import { useEffect, useState } from "react";
import type { Environment } from "../bindings/Environment";
import { environmentFromDraft, hasChanges } from "../checks/environmentDraft";
import { EnvironmentsPanel } from "../checks/EnvironmentsPanel";
import { draftsUnder, writeDraftSoon } from "../collections/draftWriter";
import type { EnvironmentsState } from "../collections/useEnvironments";

type Props = { environments: EnvironmentsState };

const DRAFT_PREFIX = "environment:";

/**
 * Environments of variables; the active one is chosen here or in the top bar. Unsaved
 * edits are kept in the store, so a reload or a crash loses none: the panel starts once
 * they are read back.
 */
export function EnvironmentsPage({ environments }: Props) {
  const [drafts, setDrafts] = useState<Record<string, Environment> | null>(null);

  useEffect(() => {
    let live = true;
    draftsUnder(DRAFT_PREFIX)
      .then((found) => {
        const decoded: Record<string, Environment> = {};
        for (const [id, content] of found) {
          const environment = environmentFromDraft(content);
          if (environment) decoded[id] = environment;
        }
        if (live) setDrafts(decoded);
      })
      // Drafts are a safety net: without them the page still works.
      .catch(() => live && setDrafts({}));
    return () => {
      live = false;
    };
  }, []);

  const keepDraft = (id: string, environment: Environment | null) => {
    const saved = environments.environments.find((e) => e.id === id) ?? null;
    const unchanged = environment === null || (id !== "" && !hasChanges(environment, saved));
    writeDraftSoon(DRAFT_PREFIX + id, unchanged ? null : JSON.stringify(environment));
  };

  return (
    <div className="environments-page">
      {drafts !== null && (
        <EnvironmentsPanel
          environments={environments.environments}
          activeId={environments.activeId}
          onSave={environments.save}
          onDelete={environments.remove}
          onActivate={environments.activate}
          initialDrafts={drafts}
          onDraft={keepDraft}
        />
      )}
    </div>
  );
}
