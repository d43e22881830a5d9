/**
 * The workspace's commands (collections, cases, folders, environments, drafts, sends),
 * typed. Goes through `call` in ipc.ts, the only module that imports Tauri.
 */
import type { ImportNote } from "./bindings/ImportNote";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { Case } from "./bindings/Case";
import type { CasePlace } from "./bindings/CasePlace";
import type { CaseSummary } from "./bindings/CaseSummary";
import type { CollectionSettings } from "./bindings/CollectionSettings";
import type { CollectionTree } from "./bindings/CollectionTree";
import type { Draft } from "./bindings/Draft";
import type { Environment } from "./bindings/Environment";
import type { Environments } from "./bindings/Environments";
import type { SendOutcome } from "./bindings/SendOutcome";
import type { SendRecord } from "./bindings/SendRecord";
import type { StoredCase } from "./bindings/StoredCase";
import type { StoredCookie } from "./bindings/StoredCookie";
import type { WorkspaceCollection } from "./bindings/WorkspaceCollection";
import { call } from "./ipc";

export const workspaceTrees = () => call<CollectionTree[]>("workspace_trees");

export const createCollection = (name: string) =>
  call<WorkspaceCollection>("create_collection", { name });
export const renameCollection = (id: string, name: string) =>
  call<void>("rename_collection", { id, name });
export const updateCollectionSettings = (id: string, settings: CollectionSettings) =>
  call<void>("update_collection_settings", { id, settings });
export const deleteCollection = (id: string) => call<void>("delete_collection", { id });
export const restoreCollection = (id: string) => call<void>("restore_collection", { id });
/** A native collection, or a Postman collection or environment, into the workspace. */
export const importCollection = (path: string) => call<ImportOutcome>("import_collection", { path });
/** Writes the collection as a Postman v2.1 file; returns what Postman cannot hold. */
export const exportCollection = (id: string, path: string) => call<ImportNote[]>("export_collection", { id, path });
/** Writes the native file (to `path`, or the collection's own file); returns where. */
export const saveCollection = (id: string, path: string | null) =>
  call<string>("save_collection", { id, path });

export const createFolder = (collectionId: string, path: string) =>
  call<void>("create_folder", { collectionId, path });
export const renameFolder = (collectionId: string, from: string, to: string) =>
  call<void>("rename_folder", { collectionId, from, to });
export const deleteFolder = (collectionId: string, path: string) =>
  call<void>("delete_folder", { collectionId, path });

export const getCase = (id: string) => call<StoredCase>("get_case", { id });
export const createCase = (collectionId: string, folder: string | null, name: string) =>
  call<CaseSummary>("create_case", { collectionId, folder, name });
/** `jsonBody`: the JSON body as text, which the engine parses (see `caseForSave`). */
export const saveCase = (id: string, definition: Case, jsonBody: string | null) =>
  call<CaseSummary>("save_case", { id, case: definition, jsonBody });
export const duplicateCase = (id: string) => call<CaseSummary>("duplicate_case", { id });
export const deleteCase = (id: string) => call<void>("delete_case", { id });
export const restoreCase = (id: string) => call<void>("restore_case", { id });
export const moveCase = (id: string, place: CasePlace) =>
  call<CaseSummary>("move_case", { id, place });
export const searchCases = (text: string) => call<CaseSummary[]>("search_cases", { text });

/** Sends a case now (saved or not); with `caseId` it joins that case's history. */
export const sendCase = (
  sendId: string,
  definition: Case,
  jsonBody: string | null,
  collectionId: string | null,
  caseId: string | null,
  variables: Record<string, string> = {},
) => call<SendOutcome>("send_case", { sendId, case: definition, jsonBody, collectionId, caseId, variables });
export const cancelSend = (sendId: string) => call<boolean>("cancel_send", { sendId });
/** What this session's sends of a collection captured (secrets masked). */
/** Each value as JSON text (a JSON number would lose digits on the way). */
export const sessionCaptures = (collectionId: string) =>
  call<Record<string, string>>("session_captures", { collectionId });
export const clearSessionCaptures = (collectionId: string) =>
  call<void>("clear_session_captures", { collectionId });
export const sessionCookies = (collectionId: string) =>
  call<StoredCookie[]>("session_cookies", { collectionId });
export const clearSessionCookies = (collectionId: string) =>
  call<void>("clear_session_cookies", { collectionId });
export const caseSends = (caseId: string) => call<SendRecord[]>("case_sends", { caseId });
export const sendOutcome = (id: number) => call<SendOutcome>("send_outcome", { id });

export const listEnvironments = () => call<Environments>("list_environments");
export const saveEnvironment = (environment: Environment) =>
  call<Environment>("save_environment", { environment });
export const deleteEnvironment = (id: string) => call<void>("delete_environment", { id });
export const setActiveEnvironment = (id: string | null) =>
  call<void>("set_active_environment", { id });

export const listDrafts = () => call<Draft[]>("list_drafts");
export const saveDraft = (key: string, content: string) =>
  call<void>("save_draft", { key, content });
export const discardDraft = (key: string) => call<void>("discard_draft", { key });
