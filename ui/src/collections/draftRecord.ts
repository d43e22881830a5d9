/**
 * A case's unsaved editor state as the store keeps it (`save_draft`), so a reload or a
 * crash loses nothing typed. `baseUpdatedAt` is the stored case's version the draft
 * started from: the page can tell a draft of an older version of the case.
 */
import type { CaseDraft } from "../editor/caseDraft";

export const caseDraftKey = (caseId: string): string => `case:${caseId}`;

/** The case id of a draft key, or null for drafts of other things. */
export function caseIdOfDraftKey(key: string): string | null {
  return key.startsWith("case:") ? key.slice("case:".length) : null;
}

export type DraftRecord = { version: 1; draft: CaseDraft; baseUpdatedAt: string };

export function encodeDraft(draft: CaseDraft, baseUpdatedAt: string): string {
  const record: DraftRecord = { version: 1, draft, baseUpdatedAt };
  return JSON.stringify(record);
}

/** The record, or null when the text is not one this version wrote (it is then ignored). */
export function decodeDraft(content: string): DraftRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (!isObject(value) || value.version !== 1 || typeof value.baseUpdatedAt !== "string") return null;
  const draft = value.draft;
  if (!isObject(draft) || (draft.jsonText !== null && typeof draft.jsonText !== "string")) return null;
  const definition = draft.case;
  if (!isObject(definition) || typeof definition.name !== "string") return null;
  const request = definition.request;
  if (!isObject(request) || typeof request.url !== "string" || typeof request.method !== "string") return null;
  return value as DraftRecord;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
