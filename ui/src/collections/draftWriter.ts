/**
 * Unsaved edits written to the store (`save_draft`) a moment after typing stops, so a
 * reload or a crash loses nothing typed. One pending write per key: a newer edit of the
 * same thing replaces the older one. Everything pending is written when the page goes
 * away.
 *
 * Keys name what the draft is of: `case:<id>`, `environment:<id>` (`environment:` alone
 * for a new one not saved yet), `collection:<id>` (its settings).
 */
import { errorText } from "../ipc";
import { notify } from "../notices";
import { discardDraft, listDrafts, saveDraft } from "../workspaceIpc";

/** How long typing may pause before the draft is written. */
export const DRAFT_DELAY_MS = 250;

type Pending = { timer: ReturnType<typeof setTimeout>; content: string | null };

const pending = new Map<string, Pending>();

/** Writes `content` as the draft of `key` shortly (null: discards it). */
export function writeDraftSoon(key: string, content: string | null): void {
  const previous = pending.get(key);
  if (previous) clearTimeout(previous.timer);
  pending.set(key, { timer: setTimeout(() => writeNow(key), DRAFT_DELAY_MS), content });
}

/** Writes every pending draft now. */
export function flushDrafts(): void {
  for (const key of [...pending.keys()]) writeNow(key);
}

function writeNow(key: string): void {
  const waiting = pending.get(key);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  pending.delete(key);
  const write = waiting.content === null ? discardDraft(key) : saveDraft(key, waiting.content);
  write.catch((e: unknown) => notify(errorText(e), "error"));
}

/** The stored drafts whose key starts with `prefix`, by the rest of their key. */
export async function draftsUnder(prefix: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const draft of await listDrafts()) {
    if (draft.key.startsWith(prefix)) found.set(draft.key.slice(prefix.length), draft.content);
  }
  return found;
}

if (typeof window !== "undefined") window.addEventListener("pagehide", flushDrafts);
