/**
 * What the Collections page shows around the open case: the trees and which cases have
 * unsaved drafts. Loaded on mount; each `reload…` re-reads one part after
 * a change.
 */
import { useCallback, useEffect, useState } from "react";
import type { CollectionTree } from "../bindings/CollectionTree";
import { errorText } from "../ipc";
import { notify } from "../notices";
import { listDrafts, workspaceTrees } from "../workspaceIpc";
import { caseIdOfDraftKey } from "./draftRecord";

export type WorkspaceData = {
  trees: CollectionTree[];
  /** Cases with a draft in the store: unsaved changes, even from before a reload. */
  draftCaseIds: ReadonlySet<string>;
  drafts: ReadonlyMap<string, string>;
  loaded: boolean;
  reloadTrees: () => Promise<void>;
  markDraft: (caseId: string, content: string | null) => void;
};

export function useWorkspaceData(): WorkspaceData {
  const [trees, setTrees] = useState<CollectionTree[]>([]);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const [loaded, setLoaded] = useState(false);

  const reloadTrees = useCallback(async () => {
    try {
      setTrees(await workspaceTrees());
    } catch (e) {
      notify(errorText(e), "error");
    }
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [t, d] = await Promise.all([workspaceTrees(), listDrafts()]);
        if (!live) return;
        setTrees(t);
        const byCase = new Map<string, string>();
        for (const draft of d) {
          const caseId = caseIdOfDraftKey(draft.key);
          if (caseId) byCase.set(caseId, draft.content);
        }
        setDrafts(byCase);
      } catch (e) {
        notify(errorText(e), "error");
      } finally {
        if (live) setLoaded(true);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const markDraft = useCallback((caseId: string, content: string | null) => {
    setDrafts((current) => {
      if (content === null ? !current.has(caseId) : current.get(caseId) === content) return current;
      const next = new Map(current);
      if (content === null) next.delete(caseId);
      else next.set(caseId, content);
      return next;
    });
  }, []);

  const draftCaseIds = new Set(drafts.keys());
  return { trees, draftCaseIds, drafts, loaded, reloadTrees, markDraft };
}
