/**
 * The open case: its stored version, the editor's draft, whether they differ, and Save /
 * Revert. Every change is written to the store as a draft shortly after it is typed, so
 * a reload or a crash loses nothing; Save and Revert drop the draft.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoredCase } from "../bindings/StoredCase";
import { type CaseDraft, caseForSave, draftFromCase } from "../editor/caseDraft";
import { errorText } from "../ipc";
import { discardDraft, getCase, saveCase, saveDraft } from "../workspaceIpc";
import { caseDraftKey, decodeDraft, encodeDraft } from "./draftRecord";

/** How long typing may pause before the draft is written. Short: a reload right after
 * typing loses at most this much. */
const DRAFT_DELAY_MS = 250;

export type CaseSession = {
  stored: StoredCase | null;
  draft: CaseDraft | null;
  dirty: boolean;
  /** Why the last load or save failed, or what blocks saving. */
  problems: string[];
  saving: boolean;
  change: (draft: CaseDraft) => void;
  save: () => Promise<boolean>;
  revert: () => Promise<void>;
};

type Options = {
  /** The stored draft of this case, if any (from the workspace data). */
  storedDraft: string | undefined;
  onDraft: (caseId: string, content: string | null) => void;
  onSaved: () => void;
};

/** The loaded case and its draft, tagged with the case they belong to. */
type Loaded = { caseId: string; stored: StoredCase; draft: CaseDraft; dirty: boolean };
/** Problems, tagged with the case they were found for (null: none open). */
type Problems = { caseId: string | null; list: string[] };

export function useCaseSession(caseId: string | null, options: Options): CaseSession {
  // Invariant: only state tagged with the open case is shown, so opening another case
  // never shows the previous one's draft, even before the new one is loaded.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problemsOf, setProblemsOf] = useState<Problems>({ caseId: null, list: [] });
  const [saving, setSaving] = useState(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void } | null>(null);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const current = loaded?.caseId === caseId ? loaded : null;
  const problems = problemsOf.caseId === caseId ? problemsOf.list : [];
  const setProblems = useCallback((forCase: string | null, list: string[]) => setProblemsOf({ caseId: forCase, list }), []);

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    waiting.write();
  }, []);

  // Load the case (and its draft, if one survived a reload) whenever another is opened.
  useEffect(() => {
    flush();
    if (!caseId) return;
    let live = true;
    const storedDraft = optionsRef.current.storedDraft;
    getCase(caseId)
      .then((stored) => {
        if (!live) return;
        const record = storedDraft ? decodeDraft(storedDraft) : null;
        setLoaded({ caseId, stored, draft: record ? record.draft : draftFromCase(stored.case, stored.json_body), dirty: record !== null });
        setProblems(caseId, []);
      })
      .catch((e: unknown) => {
        if (live) setProblems(caseId, [errorText(e)]);
      });
    return () => {
      live = false;
    };
  }, [caseId, flush, setProblems]);

  // Writes a pending draft before the page goes away.
  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  const change = useCallback(
    (next: CaseDraft) => {
      if (!current) return;
      const { caseId: id, stored } = current;
      setLoaded({ ...current, draft: next, dirty: true });
      setProblems(id, []);
      const content = encodeDraft(next, stored.updated_at);
      const write = () => {
        optionsRef.current.onDraft(id, content);
        saveDraft(caseDraftKey(id), content).catch((e: unknown) => setProblems(id, [errorText(e)]));
      };
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { timer: setTimeout(flush, DRAFT_DELAY_MS), write };
    },
    [current, flush, setProblems],
  );

  const save = useCallback(async () => {
    if (!current) return false;
    const { caseId: id, draft } = current;
    const checked = caseForSave(draft);
    if ("problems" in checked) {
      setProblems(id, checked.problems);
      return false;
    }
    setSaving(true);
    try {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
      await saveCase(id, checked.case, checked.jsonBody);
      await discardDraft(caseDraftKey(id));
      optionsRef.current.onDraft(id, null);
      const reloaded = await getCase(id);
      setLoaded({ caseId: id, stored: reloaded, draft: draftFromCase(reloaded.case, reloaded.json_body), dirty: false });
      setProblems(id, []);
      optionsRef.current.onSaved();
      return true;
    } catch (e) {
      setProblems(id, [errorText(e)]);
      return false;
    } finally {
      setSaving(false);
    }
  }, [current, setProblems]);

  const revert = useCallback(async () => {
    if (!current) return;
    const { caseId: id, stored } = current;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    try {
      await discardDraft(caseDraftKey(id));
      optionsRef.current.onDraft(id, null);
      setLoaded({ caseId: id, stored, draft: draftFromCase(stored.case, stored.json_body), dirty: false });
      setProblems(id, []);
    } catch (e) {
      setProblems(id, [errorText(e)]);
    }
  }, [current, setProblems]);

  return {
    stored: current?.stored ?? null,
    draft: current?.draft ?? null,
    dirty: current?.dirty ?? false,
    problems,
    saving,
    change,
    save,
    revert,
  };
}
