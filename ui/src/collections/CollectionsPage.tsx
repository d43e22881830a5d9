import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CollectionTree } from "../bindings/CollectionTree";
import { toCurl } from "../authoring/curl";
import { appendAssertion } from "../checks/assertFromResponse";
import { copyText } from "../clipboard";
import { caseForSave } from "../editor/caseDraft";
import { useI18n } from "../hooks/useI18n";
import { errorText, onFileDrop, pickAnyFile, pickCollectionSavePath, pickSavePath } from "../ipc";
import { notify } from "../notices";
import { Sidebar } from "../tree/Sidebar";
import { focusBodyFind } from "../workbench/find/focusBodyFind";
import { ResponseViewer } from "../workbench/ResponseViewer";
import { createCase, exportCollection, saveCollection } from "../workspaceIpc";
import { showImportReport } from "../imports/importReport";
import { CaseEditorPane } from "./CaseEditorPane";
import { CollectionSettingsPane } from "./CollectionSettingsPane";
import { curlRequest } from "./curlRequest";
import { inheritedAuth } from "./inheritedAuth";
import { knownVariables } from "./knownVariables";
import { SendHistory } from "./SendHistory";
import { shortcutOf } from "./shortcuts";
import { useCaseSession } from "./useCaseSession";
import type { EnvironmentsState } from "./useEnvironments";
import { useSender } from "./useSender";
import { ImportReportPanel } from "../imports/ImportReportPanel";
import { useTreeActions } from "./useTreeActions";
import { useWorkspaceData } from "./useWorkspaceData";
import "./collections.css";

type Props = { visible: boolean; environments: EnvironmentsState; showRunner: () => void };

/** What the middle pane shows: a case, a collection's settings, or nothing yet. */
type Opened = { kind: "case"; id: string } | { kind: "collection"; id: string } | null;

/**
 * The Collections page: the tree of collections, folders and cases; the open case's
 * editor with Send (the workbench); the response with the case's recent sends.
 */
export function CollectionsPage({ visible, environments, showRunner }: Props) {
  const { t } = useI18n();
  const data = useWorkspaceData();
  const [opened, setOpened] = useState<Opened>(null);
  const [tab, setTab] = useState<string | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);

  const caseId = opened?.kind === "case" ? opened.id : null;
  const summary = findCase(data.trees, caseId);
  const tree = summary?.tree ?? (opened?.kind === "collection" ? data.trees.find((x) => x.collection.id === opened.id) : undefined);
  const collection = tree?.collection ?? null;

  const session = useCaseSession(caseId, {
    storedDraft: caseId ? data.drafts.get(caseId) : undefined,
    onDraft: data.markDraft,
    onSaved: () => void data.reloadTrees(),
  });
  const sender = useSender(caseId, collection?.id ?? null);
  // A send whose script set environment variables changed the active environment (the
  // shell keeps them there, as Postman does): the top bar and the warnings follow.
  const reloadEnvironments = environments.reload;
  const scriptSetEnvironment =
    sender.shownSendId === null && (sender.outcome?.script?.changes.some((c) => c.scope === "environment") ?? false);
  useEffect(() => {
    if (scriptSetEnvironment) reloadEnvironments().catch(() => undefined);
  }, [sender.outcome, scriptSetEnvironment, reloadEnvironments]);
  const known = useMemo(
    () => knownVariables(environments.active, collection, tree?.cases ?? []),
    [environments.active, collection, tree],
  );
  const inherited = collection ? inheritedAuth(collection.settings, collection.name, session.draft?.case.folder) : null;

  const actions = useTreeActions({
    trees: data.trees,
    environment: environments.active,
    reloadTrees: data.reloadTrees,
    reloadEnvironments: environments.reload,
    openCollectionSettings: (id) => setOpened({ kind: "collection", id }),
    onCaseCreated: (id) => setOpened({ kind: "case", id }),
    onCaseDeleted: (id) => setOpened((current) => (current?.kind === "case" && current.id === id ? null : current)),
    showRunner,
  });

  const send = useCallback(() => {
    if (!session.draft) return;
    const checked = caseForSave(session.draft);
    if ("problems" in checked) {
      notify(checked.problems.join(" "), "error");
      return;
    }
    sender.send(checked.case, checked.jsonBody);
  }, [session.draft, sender]);

  const copyCurl = useCallback(() => {
    if (!session.draft || !collection) return;
    // The engine's order: the environment overrides the collection's variables.
    const values: Record<string, string> = { ...collection.settings.variables };
    for (const v of environments.active?.variables ?? []) if (v.enabled) values[v.name] = v.value;
    copyText(toCurl(curlRequest(session.draft.case, inherited?.auth ?? null, session.draft.jsonText), values))
      .then(() => notify(t("collections.copiedCurl")))
      .catch((e: unknown) => notify(errorText(e), "error"));
  }, [session.draft, collection, environments.active, inherited, t]);

  const newCase = useCallback(() => {
    const target = collection ?? data.trees[0]?.collection;
    if (!target) return;
    const folder = session.draft?.case.folder ?? null;
    createCase(target.id, folder, t("collections.newCaseName"))
      .then(async (created) => {
        await data.reloadTrees();
        setOpened({ kind: "case", id: created.id });
      })
      .catch((e: unknown) => notify(errorText(e), "error"));
  }, [collection, data, session.draft, t]);

  // A file dropped on the page while it is shown is imported (on the Runner page it is
  // opened to run instead).
  useEffect(() => {
    if (!visible) return;
    const stop = onFileDrop((paths) => {
      for (const path of paths) {
        actions.importCollection(path).catch((e: unknown) => notify(errorText(e), "error"));
      }
    });
    return () => void stop.then((f) => f()).catch(() => undefined);
  }, [visible, actions]);

  // Shortcuts while the page is shown.
  useEffect(() => {
    if (!visible) return;
    const onKey = (event: KeyboardEvent) => {
      // Handled already where it was typed (Enter in the URL bar sends): once is enough.
      if (event.defaultPrevented) return;
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === "send") send();
      else if (shortcut === "save") void session.save();
      else if (shortcut === "newCase") newCase();
      // Find with no response body shown searches the tree instead.
      else if (shortcut === "search" || !focusBodyFind()) searchRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [visible, send, session, newCase]);

  const addAssertion = (line: string) => {
    if (!session.draft) return;
    const { draft } = session;
    session.change({ ...draft, case: { ...draft.case, assert: appendAssertion(draft.case.assert, line) } });
    setTab("assertions");
    notify(t("collections.assertionAdded", { line }));
  };

  const saveFile = async () => {
    if (!collection) return;
    const path = collection.file_path ?? (await pickCollectionSavePath(collection.name));
    if (!path) return;
    try {
      const written = await saveCollection(collection.id, path);
      await data.reloadTrees();
      notify(t("collections.savedFile", { path: written }));
    } catch (e) {
      notify(errorText(e), "error");
    }
  };

  const exportPostman = async () => {
    if (!collection) return;
    try {
      const path = await pickSavePath(`${collection.name}.postman_collection.json`, "Postman", ["json"]);
      if (!path) return;
      const unmapped = await exportCollection(collection.id, path);
      notify(t("collections.exportedPostman", { path }));
      showImportReport(unmapped.length > 0 ? { name: collection.name, source: "Postman", unmapped, direction: "export" } : null);
    } catch (e) {
      notify(errorText(e), "error");
    }
  };

  return (
    <div className="collections-page">
      <aside className="collections-sidebar">
        <Sidebar
          trees={data.trees}
          selectedCaseId={caseId}
          dirtyCaseIds={data.draftCaseIds}
          onSelectCase={(id) => setOpened({ kind: "case", id })}
          actions={actions}
          searchInputRef={searchRef}
        />
      </aside>
      <main className="collections-main">
        <ImportReportPanel />
        {opened?.kind === "case" && (
          <CaseEditorPane
            session={session}
            known={known}
            inherited={inherited}
            sending={sender.pending}
            onSend={send}
            onCancel={sender.cancel}
            onCopyCurl={copyCurl}
            onPickFile={() => pickAnyFile(t("collections.pickFile"))}
            tab={tab}
            onTab={setTab}
          />
        )}
        {opened?.kind === "collection" && tree && (
          <CollectionSettingsPane
            key={tree.collection.id}
            tree={tree}
            known={known}
            onSaved={data.reloadTrees}
            onSaveFile={saveFile}
            onExportPostman={exportPostman}
          />
        )}
        {opened === null && (
          <div className="collections-empty" data-testid="collections-empty">
            {data.loaded && data.trees.length === 0 ? t("collections.noCollections") : t("collections.pickCase")}
          </div>
        )}
      </main>
      {opened?.kind === "case" && (
        <section className="collections-response">
          {sender.error && <p className="inline-error">{sender.error}</p>}
          <ResponseViewer outcome={sender.outcome} pending={sender.pending} onAddAssertion={addAssertion} />
          <SendHistory history={sender.history} shownId={sender.shownSendId} onReopen={sender.reopen} />
        </section>
      )}
    </div>
  );
}

function findCase(trees: CollectionTree[], caseId: string | null) {
  for (const tree of trees) {
    const found = tree.cases.find((c) => c.id === caseId);
    if (found) return { tree, found };
  }
  return null;
}
