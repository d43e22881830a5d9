/**
 * The workbench's Send for the open case: one send at a time (a new one cancels the one
 * in flight), Cancel, the outcome, and the case's recent sends, each reopenable.
 *
 * Invariant: everything shown belongs to the open case. State is tagged with the case it
 * was made for; state of another case reads as empty, so opening a case never shows the
 * previous case's response, even for the render before its history arrives.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Case } from "../bindings/Case";
import type { SendOutcome } from "../bindings/SendOutcome";
import type { SendRecord } from "../bindings/SendRecord";
import { errorText } from "../ipc";
import { cancelSend, caseSends, sendCase, sendOutcome } from "../workspaceIpc";

export type Sender = {
  outcome: SendOutcome | null;
  pending: boolean;
  error: string | null;
  history: SendRecord[];
  /** The history entry shown, when an earlier send was reopened. */
  shownSendId: number | null;
  send: (definition: Case, jsonBody: string | null) => void;
  cancel: () => void;
  reopen: (id: number) => void;
};

type SenderView = Omit<Sender, "send" | "cancel" | "reopen"> & { caseId: string | null };

function emptyView(caseId: string | null): SenderView {
  return { caseId, outcome: null, pending: false, error: null, history: [], shownSendId: null };
}

let sendCounter = 0;

export function useSender(caseId: string | null, collectionId: string | null): Sender {
  const [view, setView] = useState<SenderView>(() => emptyView(caseId));
  const current = useRef<string | null>(null);
  const openCase = useRef(caseId);

  /** Applies `patch` to the view of `forCase`: starts it afresh if the view was another
   * case's, and drops the patch if `forCase` is no longer open (a late answer). */
  const update = useCallback((forCase: string | null, patch: Partial<SenderView>) => {
    setView((previous) => {
      if (previous.caseId === forCase) return { ...previous, ...patch };
      return forCase === openCase.current ? { ...emptyView(forCase), ...patch } : previous;
    });
  }, []);

  const loadHistory = useCallback(
    async (id: string) => {
      try {
        const sends = await caseSends(id);
        update(id, { history: sends });
        return sends;
      } catch (e) {
        update(id, { error: errorText(e) });
        return [];
      }
    },
    [update],
  );

  // Another case: nothing of the previous one stays in flight; its last send is shown
  // again from its history.
  useEffect(() => {
    openCase.current = caseId;
    if (current.current) void cancelSend(current.current);
    current.current = null;
    if (!caseId) return;
    let live = true;
    void loadHistory(caseId).then(async (sends) => {
      const last = sends[0];
      if (!live || !last) return;
      try {
        const reopened = await sendOutcome(last.id);
        if (live && current.current === null) update(caseId, { outcome: reopened, shownSendId: last.id });
      } catch {
        // The history list still shows it; the viewer stays empty.
      }
    });
    return () => {
      live = false;
    };
  }, [caseId, loadHistory, update]);

  const send = useCallback(
    (definition: Case, jsonBody: string | null) => {
      if (current.current) void cancelSend(current.current);
      sendCounter += 1;
      const sendId = `send-${Date.now()}-${sendCounter}`;
      current.current = sendId;
      update(caseId, { pending: true, error: null });
      sendCase(sendId, definition, jsonBody, collectionId, caseId)
        .then((result) => {
          if (current.current !== sendId) return;
          update(caseId, { outcome: result, shownSendId: null });
          if (caseId) void loadHistory(caseId);
        })
        .catch((e: unknown) => {
          if (current.current === sendId) update(caseId, { error: errorText(e) });
        })
        .finally(() => {
          // Also when another case was opened meanwhile: the view of this case (if it is
          // still shown) must not stay pending.
          if (current.current === sendId) current.current = null;
          if (current.current === null) update(caseId, { pending: false });
        });
    },
    [caseId, collectionId, loadHistory, update],
  );

  const cancel = useCallback(() => {
    if (current.current) void cancelSend(current.current);
  }, []);

  const reopen = useCallback(
    (id: number) => {
      sendOutcome(id)
        .then((result) => update(caseId, { outcome: result, shownSendId: id }))
        .catch((e: unknown) => update(caseId, { error: errorText(e) }));
    },
    [caseId, update],
  );

  const shown = view.caseId === caseId ? view : emptyView(caseId);
  const { outcome, pending, error, history, shownSendId } = shown;
  return { outcome, pending, error, history, shownSendId, send, cancel, reopen };
}
