import { useEffect, useState } from "react";
import type { CollectionSettings } from "../bindings/CollectionSettings";
import type { CollectionTree } from "../bindings/CollectionTree";
import { VariablesTable } from "../checks/VariablesTable";
import { AuthEditor } from "../editor/AuthEditor";
import { useI18n } from "../hooks/useI18n";
import { errorText } from "../ipc";
import { ScriptEditor } from "../scripts/ScriptEditor";
import { withScript } from "../scripts/withScript";
import { updateCollectionSettings } from "../workspaceIpc";
import { draftsUnder, writeDraftSoon } from "./draftWriter";
import { withFolderAuth, withFolderScripts } from "./folderAuth";
import { folderPaths } from "./folderPaths";
import { SessionCaptures } from "./SessionCaptures";
import { SessionCookies } from "./SessionCookies";

const DRAFT_PREFIX = "collection:";

/** Settings read back from a draft, or null when the text is not such a draft. */
function settingsFromDraft(content: string): CollectionSettings | null {
  try {
    const value: unknown = JSON.parse(content);
    if (typeof value !== "object" || value === null) return null;
    const { variables, folders } = value as Record<string, unknown>;
    const ok = typeof variables === "object" && variables !== null && Array.isArray(folders);
    return ok ? (value as CollectionSettings) : null;
  } catch {
    return null;
  }
}

type Props = {
  tree: CollectionTree;
  known: ReadonlySet<string>;
  onSaved: () => Promise<void>;
  onSaveFile: () => Promise<void>;
  onExportPostman: () => Promise<void>;
};

/**
 * A collection's own settings: its variables, the auth its cases inherit, its scripts,
 * and each folder's auth and scripts (inherited by the cases and folders inside it).
 */
export function CollectionSettingsPane({ tree, known, onSaved, onSaveFile, onExportPostman }: Props) {
  const { t } = useI18n();
  const { collection } = tree;
  const [settings, setSettingsState] = useState<CollectionSettings>(collection.settings);
  const [error, setError] = useState<string | null>(null);
  const draftKey = `${DRAFT_PREFIX}${collection.id}`;

  // Unsaved settings from before a reload or a crash come back (read once per pane: the
  // pane is keyed by collection).
  useEffect(() => {
    let live = true;
    draftsUnder(draftKey)
      .then((found) => {
        const draft = settingsFromDraft(found.get("") ?? "");
        if (live && draft) setSettingsState(draft);
      })
      .catch(() => {
        // Drafts are a safety net: without them the pane still works.
      });
    return () => {
      live = false;
    };
  }, [draftKey]);

  const setSettings = (next: CollectionSettings) => {
    setSettingsState(next);
    const unchanged = JSON.stringify(next) === JSON.stringify(collection.settings);
    writeDraftSoon(draftKey, unchanged ? null : JSON.stringify(next));
  };
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(settings) !== JSON.stringify(collection.settings);
  const folders = folderPaths(settings, tree.cases);

  const folderAuth = (path: string) => settings.folders.find((f) => f.path === path)?.auth ?? undefined;
  const setFolderAuth = (path: string, auth: CollectionSettings["auth"] | undefined) =>
    setSettings({ ...settings, folders: withFolderAuth(settings.folders, path, auth ?? null) });
  const folderScripts = (path: string) => settings.folders.find((f) => f.path === path)?.scripts;
  const setFolderScript = (path: string, phase: "pre" | "test", code: string) =>
    setSettings({
      ...settings,
      folders: withFolderScripts(settings.folders, path, withScript(folderScripts(path), phase, code)),
    });

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await updateCollectionSettings(collection.id, settings);
      writeDraftSoon(draftKey, null);
      await onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="collection-settings" data-testid="collections-settings">
      <div className="case-header">
        <h2>{collection.name}</h2>
        {dirty && <span className="unsaved">●</span>}
        <span className="panel-spacer" />
        <button onClick={() => void onSaveFile()} data-testid="collections-save-file">
          {t("collections.saveFile")}
        </button>
        <button onClick={() => void onExportPostman()} data-testid="collections-export-postman">
          {t("collections.exportPostman")}
        </button>
        <button className="primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="collections-settings-save">
          {t("collections.save")}
        </button>
      </div>
      <p className="muted">{collection.file_path ?? t("collections.noFile")}</p>
      {error && <p className="inline-error">{error}</p>}
      <h3>{t("collections.variables")}</h3>
      <VariablesTable variables={settings.variables} onChange={(variables) => setSettings({ ...settings, variables })} known={known} />
      <h3>{t("collections.auth")}</h3>
      <AuthEditor
        auth={settings.auth ?? undefined}
        onChange={(auth) => setSettings({ ...settings, auth: auth ?? null })}
        inherited={null}
        known={known}
      />
      {(["pre", "test"] as const).map((phase) => (
        <section key={phase} className="collection-script">
          <h3>{t(phase === "pre" ? "scripts.collectionPre" : "scripts.collectionTest")}</h3>
          <ScriptEditor
            phase={phase}
            value={settings.scripts?.[phase] ?? ""}
            onChange={(code) => setSettings({ ...settings, scripts: withScript(settings.scripts, phase, code) })}
          />
        </section>
      ))}
      <SessionCaptures collectionId={collection.id} />
      <SessionCookies collectionId={collection.id} />
      {folders.map((path) => (
        <section key={path} className="folder-auth">
          <h3>{t("collections.folderAuth", { name: path })}</h3>
          <AuthEditor
            auth={folderAuth(path)}
            onChange={(auth) => setFolderAuth(path, auth ?? null)}
            inherited={{ auth: null, from: collection.name }}
            known={known}
          />
          <details className="folder-scripts" data-testid="folder-scripts" open={folderScripts(path) !== undefined}>
            <summary>{t("scripts.folderScripts", { name: path })}</summary>
            {(["pre", "test"] as const).map((phase) => (
              <section key={phase} className="collection-script">
                <h4>{t(phase === "pre" ? "scripts.folderPre" : "scripts.folderTest")}</h4>
                <ScriptEditor
                  phase={phase}
                  value={folderScripts(path)?.[phase] ?? ""}
                  onChange={(code) => setFolderScript(path, phase, code)}
                />
              </section>
            ))}
          </details>
        </section>
      ))}
    </div>
  );
}
