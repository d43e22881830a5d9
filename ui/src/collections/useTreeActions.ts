/**
 * What the sidebar's menus do: each action calls the shell, then re-reads the tree.
 * Deleting offers Undo (the store keeps deleted items in its trash). Errors are thrown
 * back to the sidebar, which shows them next to the row.
 */
import { useMemo } from "react";
import type { CasePlace } from "../bindings/CasePlace";
import type { CollectionTree } from "../bindings/CollectionTree";
import type { Environment } from "../bindings/Environment";
import { toCurl } from "../authoring/curl";
import { copyText } from "../clipboard";
import { useI18n } from "../hooks/useI18n";
import { pickCollectionFile, pickCollectionSavePath, startBatch } from "../ipc";
import { registry } from "../live";
import { notify } from "../notices";
import { DEFAULT_OPTIONS } from "../runner/options";
import type { SidebarActions } from "../tree/Sidebar";
import * as ws from "../workspaceIpc";
import { showImportReport } from "../imports/importReport";
import { curlRequest } from "./curlRequest";
import { inheritedAuth } from "./inheritedAuth";

type Deps = {
  trees: CollectionTree[];
  environment: Environment | null;
  reloadTrees: () => Promise<void>;
  reloadEnvironments: () => Promise<void>;
  openCollectionSettings: (id: string) => void;
  onCaseCreated: (id: string) => void;
  onCaseDeleted: (id: string) => void;
  showRunner: () => void;
};

export function useTreeActions(deps: Deps): SidebarActions {
  const { t } = useI18n();
  return useMemo(() => {
    const { reloadTrees } = deps;
    const after = async <T,>(work: Promise<T>): Promise<T> => {
      const result = await work;
      await reloadTrees();
      return result;
    };
    const undoable = (text: string, undo: () => Promise<void>) =>
      notify(text, "info", {
        label: t("collections.undo"),
        run: () => void after(undo()).catch((e: unknown) => notify(String(e), "error")),
      });
    const collectionName = (id: string) =>
      deps.trees.find((tree) => tree.collection.id === id)?.collection.name ?? id;

    return {
      createCollection: async (name) => {
        await after(ws.createCollection(name));
      },
      importCollection: async (dropped?: string) => {
        const path = dropped ?? (await pickCollectionFile(t("collections.openTitle")));
        if (!path) return;
        const outcome = await after(ws.importCollection(path));
        if (outcome.environment) {
          await deps.reloadEnvironments();
          notify(t("collections.importedEnvironment", { name: outcome.environment.name }));
        }
        if (outcome.collection) notify(t("collections.imported", { name: outcome.collection.name }));
        const name = outcome.collection?.name ?? outcome.environment?.name ?? path;
        // Another tool's file: say what came over and what did not.
        showImportReport(outcome.source === "native" ? null : { name, source: outcome.source, unmapped: outcome.unmapped });
      },
      renameCollection: async (id, name) => {
        await after(ws.renameCollection(id, name));
      },
      deleteCollection: async (id) => {
        const name = collectionName(id);
        await after(ws.deleteCollection(id));
        undoable(t("collections.deleted", { name }), () => ws.restoreCollection(id));
      },
      saveCollectionFile: async (id) => {
        const tree = deps.trees.find((candidate) => candidate.collection.id === id);
        let path: string | null = tree?.collection.file_path ?? null;
        if (!path) {
          path = await pickCollectionSavePath(collectionName(id));
          if (!path) return;
        }
        const written = await after(ws.saveCollection(id, path));
        notify(t("collections.savedFile", { path: written }));
      },
      runCollection: async (id) => {
        const summary = await startBatch({ collectionId: id }, DEFAULT_OPTIONS, {});
        registry.follow(summary);
        deps.showRunner();
        notify(t("run.started", { name: summary.name }));
      },
      createFolder: async (collectionId, path) => {
        await after(ws.createFolder(collectionId, path));
      },
      renameFolder: async (collectionId, from, to) => {
        await after(ws.renameFolder(collectionId, from, to));
      },
      deleteFolder: async (collectionId, path) => {
        await after(ws.deleteFolder(collectionId, path));
        notify(t("collections.folderDeleted", { name: path }));
      },
      createCase: async (collectionId, folder, name) => {
        const created = await after(ws.createCase(collectionId, folder, name));
        deps.onCaseCreated(created.id);
      },
      renameCase: async (id, name) => {
        const stored = await ws.getCase(id);
        // The stored JSON body text replaces the (possibly rounded) value on the way back.
        await after(ws.saveCase(id, { ...stored.case, name }, stored.json_body));
      },
      duplicateCase: async (id) => {
        const copy = await after(ws.duplicateCase(id));
        deps.onCaseCreated(copy.id);
      },
      deleteCase: async (id) => {
        const stored = await ws.getCase(id);
        await after(ws.deleteCase(id));
        deps.onCaseDeleted(id);
        undoable(t("collections.deleted", { name: stored.case.name }), () => ws.restoreCase(id));
      },
      copyCaseAsCurl: async (id) => {
        const stored = await ws.getCase(id);
        const tree = deps.trees.find((candidate) => candidate.collection.id === stored.collection_id);
        const settings = tree?.collection.settings;
        const values = variableValues(deps.environment, settings?.variables ?? {});
        const inherited = settings ? inheritedAuth(settings, collectionName(stored.collection_id), stored.case.folder).auth : null;
        await copyText(toCurl(curlRequest(stored.case, inherited, stored.json_body), values));
        notify(t("collections.copiedCurl"));
      },
      moveCase: async (id: string, place: CasePlace) => {
        await after(ws.moveCase(id, place));
      },
      openCollectionSettings: (id) => deps.openCollectionSettings(id),
    };
  }, [deps, t]);
}

/** The values templates render with for "Copy as cURL": environment < collection. */
function variableValues(environment: Environment | null, collection: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of environment?.variables ?? []) {
    if (variable.enabled) values[variable.name] = variable.value;
  }
  return { ...values, ...collection };
}
