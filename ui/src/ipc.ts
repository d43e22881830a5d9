/**
 * The only module that talks to Tauri. Every command of the Rust shell has one typed
 * function here; a rejection always arrives as a `CommandError` ({kind, message}).
 */
import { Channel, invoke, isTauri } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AttachMessage } from "./bindings/AttachMessage";
import type { BatchOptions } from "./bindings/BatchOptions";
import type { BatchSummary } from "./bindings/BatchSummary";
import type { CollectionInfo } from "./bindings/CollectionInfo";
import type { CommandError } from "./bindings/CommandError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FollowCursor } from "./bindings/FollowCursor";
import type { FollowReply } from "./bindings/FollowReply";
import type { ReportFormat } from "./bindings/ReportFormat";
import type { ResultDetail } from "./bindings/ResultDetail";
import type { ResultFilter } from "./bindings/ResultFilter";
import type { ResultSummary } from "./bindings/ResultSummary";
import type { Retention } from "./bindings/Retention";
import type { StartupInfo } from "./bindings/StartupInfo";
import type { Transport } from "./bindings/Transport";

export type { UnlistenFn };

const ERROR_CODES: readonly ErrorCode[] = [
  "not_found",
  "invalid_input",
  "invalid_collection",
  "wrong_state",
  "storage",
  "internal",
];

export function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === "string" && typeof v.message === "string";
}

/** Whatever a command rejected with, as a CommandError. */
export function toCommandError(value: unknown): CommandError {
  if (isCommandError(value)) {
    const kind = ERROR_CODES.includes(value.kind) ? value.kind : "internal";
    return { kind, message: value.message };
  }
  if (typeof value === "string") return { kind: "internal", message: value };
  if (value instanceof Error) return { kind: "internal", message: value.message };
  return { kind: "internal", message: String(value) };
}

/** A readable line for any error (CommandError or not). */
export function errorText(value: unknown): string {
  return toCommandError(value).message;
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toCommandError(e);
  }
}

export const startupInfo = () => call<StartupInfo>("startup_info");

export const openCollection = (path: string) =>
  call<CollectionInfo>("open_collection", { path });

/** What a batch runs: a collection file, or a collection of the workspace. */
export type BatchSource = { collectionPath: string } | { collectionId: string };

export const startBatch = (
  source: BatchSource,
  options: BatchOptions,
  variables: Record<string, string>,
) => call<BatchSummary>("start_batch", { ...source, options, variables });

export const activeBatches = () => call<BatchSummary[]>("active_batches");

export const listBatches = (limit: number) => call<BatchSummary[]>("list_batches", { limit });

/**
 * One page of a batch's results: seq > afterSeq in seq order, at most `limit` (the shell
 * allows 1..5000), narrowed by `filter` and, when `search` is non-empty, to the cases whose
 * name contains it (case-insensitive).
 */
export const batchResults = (
  batchId: string,
  afterSeq: number,
  limit: number,
  filter: ResultFilter = "all",
  search?: string,
) =>
  call<ResultSummary[]>(
    "batch_results",
    search ? { batchId, afterSeq, limit, filter, search } : { batchId, afterSeq, limit, filter },
  );

export const resultDetail = (batchId: string, seq: number) =>
  call<ResultDetail>("result_detail", { batchId, seq });

/**
 * One long poll: what follows `afterSeq` in the batch, now or once it moves (up to ~10 s).
 * The page follows batches this way (live/follow.ts).
 */
export const followBatch = (batchId: string, afterSeq: number, cursor: FollowCursor | null) =>
  call<FollowReply>("follow_batch", { batchId, afterSeq, cursor });

/**
 * Attaches to a batch over a channel: stored results after `afterSeq` are replayed, then
 * live ones. Resolves once the attach is set up; keep the returned channel referenced. (The
 * page pulls with `followBatch` instead: on WebKitGTK each pushed message costs memory.)
 */
export async function attachBatch(
  batchId: string,
  afterSeq: number,
  onMessage: (message: AttachMessage) => void,
): Promise<Channel<AttachMessage>> {
  const onEvent = new Channel<AttachMessage>(onMessage);
  await call<void>("attach_batch", { batchId, afterSeq, onEvent });
  return onEvent;
}

export const pauseBatch = (batchId: string) => call<BatchSummary>("pause_batch", { batchId });
/**
 * Resumes a paused or interrupted batch. `resendUnknown`: cases that may already have been
 * sent go again whatever their method (by default only idempotent ones do).
 */
export const resumeBatch = (batchId: string, resendUnknown = false) =>
  call<BatchSummary>("resume_batch", { batchId, resendUnknown });
export const cancelBatch = (batchId: string) => call<BatchSummary>("cancel_batch", { batchId });
export const rerunFailed = (batchId: string) => call<BatchSummary>("rerun_failed", { batchId });
export const deleteBatch = (batchId: string) => call<void>("delete_batch", { batchId });

export const exportReport = (batchId: string, format: ReportFormat, path: string) =>
  call<void>("export_report", { batchId, format, path });

export const getNetwork = () => call<Transport>("get_network");
/** Refused (nothing saved) when a file cannot be read or the proxy URL is invalid. */
export const setNetwork = (network: Transport) => call<null>("set_network", { network });

export const getRetention = () => call<Retention>("get_retention");
export const setRetention = (retention: Retention) =>
  call<number>("set_retention", { retention });

/** `batches-changed`: a batch was created, started or ended somewhere. */
export const onBatchesChanged = (handler: () => void): Promise<UnlistenFn> =>
  listen<null>("batches-changed", () => handler());

/** `collection-opened`: a file came from the command line or a second launch. */
export const onCollectionOpened = (handler: (info: CollectionInfo) => void): Promise<UnlistenFn> =>
  listen<CollectionInfo>("collection-opened", (event) => handler(event.payload));

/** Files dropped on the window. Does nothing outside Tauri (plain browser dev). */
export async function onFileDrop(handler: (paths: string[]) => void): Promise<UnlistenFn> {
  if (!isTauri()) return () => {};
  return getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === "drop") handler(event.payload.paths);
  });
}

export const COLLECTION_EXTENSIONS = ["yaml", "yml", "json"];

/** The file dialog for a collection; null when cancelled. */
export async function pickCollectionFile(title: string): Promise<string | null> {
  try {
    return await open({
      title,
      multiple: false,
      directory: false,
      filters: [{ name: "Collections", extensions: COLLECTION_EXTENSIONS }],
    });
  } catch (e) {
    throw toCommandError(e);
  }
}

/** The save dialog for a collection file; null when cancelled. */
export async function pickCollectionSavePath(baseName: string): Promise<string | null> {
  try {
    return await save({
      defaultPath: `${baseName}.yaml`,
      filters: [{ name: "Collections", extensions: ["yaml", "yml"] }],
    });
  } catch (e) {
    throw toCommandError(e);
  }
}

/** A save dialog for a file of `extensions` (an export); null when cancelled. */
export async function pickSavePath(defaultPath: string, kind: string, extensions: string[]): Promise<string | null> {
  try {
    return await save({ defaultPath, filters: [{ name: kind, extensions }] });
  } catch (e) {
    throw toCommandError(e);
  }
}

/** The file dialog for a multipart file; null when cancelled. */
export async function pickAnyFile(title: string): Promise<string | null> {
  try {
    return await open({ title, multiple: false, directory: false });
  } catch (e) {
    throw toCommandError(e);
  }
}

const REPORT_EXTENSION: Record<ReportFormat, string> = { junit: "xml", json: "json", html: "html" };

/** The save dialog for a report; null when cancelled. */
export async function pickReportPath(format: ReportFormat, baseName: string): Promise<string | null> {
  const extension = REPORT_EXTENSION[format];
  try {
    return await save({
      defaultPath: `${baseName}.${extension}`,
      filters: [{ name: format.toUpperCase(), extensions: [extension] }],
    });
  } catch (e) {
    throw toCommandError(e);
  }
}
