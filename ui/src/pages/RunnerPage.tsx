import { useState } from "react";
import { BatchList } from "../components/BatchList";
import { BatchResultsView } from "../components/BatchResultsView";
import { CollectionChooser } from "../components/CollectionChooser";
import { NetworkForm } from "../components/NetworkForm";
import { OptionsPanel } from "../components/OptionsPanel";
import { StartupNotices } from "../components/StartupNotices";
import type { Collections } from "../hooks/useCollections";
import { useI18n } from "../hooks/useI18n";
import { useRunnerIds } from "../hooks/useRunnerIds";
import type { Startup } from "../hooks/useStartup";
import { errorText, startBatch } from "../ipc";
import { registry } from "../live";
import { notify } from "../notices";
import { hasErrors, initialForm, toRequest, validateForm } from "../runner/options";

type Props = { startup: Startup; collections: Collections };

/** Choose a collection, set options, run; follow every live batch and its results. */
export function RunnerPage({ startup, collections }: Props) {
  const { t } = useI18n();
  const ids = useRunnerIds();
  const [form, setForm] = useState(initialForm);
  const [starting, setStarting] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const errors = validateForm(form);
  const invalid = hasErrors(errors);
  const current = selectedId !== null && ids.includes(selectedId) ? selectedId : (ids[0] ?? null);
  const session = current ? registry.get(current) : undefined;

  const run = () => {
    const path = collections.selected;
    if (!path || invalid) return;
    const { options, variables } = toRequest(form);
    setStarting(true);
    startBatch({ collectionPath: path }, options, variables)
      .then((summary) => {
        registry.follow(summary);
        setSelectedId(summary.id);
        notify(t("run.started", { name: summary.name }));
      })
      .catch((e: unknown) => notify(errorText(e), "error"))
      .finally(() => setStarting(false));
  };

  return (
    <div className="runner">
      <aside className="sidebar">
        <CollectionChooser collections={collections} />
        <OptionsPanel form={form} errors={errors} onChange={setForm} />
        <button
          className="primary run"
          data-testid="run-button"
          disabled={starting || invalid || !collections.selected}
          title={collections.selected ? undefined : t("run.noCollection")}
          onClick={run}
        >
          ▶ {t("run.button")}
        </button>
        <NetworkForm />
      </aside>
      <main className="workspace">
        <StartupNotices restored={startup.restored} interrupted={startup.info?.interrupted ?? []} />
        <h3 className="section-title">{t("batches.title")}</h3>
        <BatchList ids={ids} selectedId={current} onSelect={setSelectedId} />
        {session && <BatchResultsView key={session.id} session={session} />}
      </main>
    </div>
  );
}
