/** The page's one registry, wired to the shell through ipc.ts, and the test hook. */
import { batchResults, errorText, followBatch as pollFollow } from "../ipc";
import type { SessionDeps, SessionMemory } from "./batchSession";
import { followBatch } from "./follow";
import { BatchRegistry } from "./registry";

/** How a session reaches the shell. */
export const shellDeps: SessionDeps = {
  fetchPage: (batchId, afterSeq, limit, filter = "all", search) =>
    batchResults(batchId, afterSeq, limit, filter, search),
  attach: (batchId, afterSeq, onMessage, onError) =>
    followBatch(pollFollow, batchId, afterSeq, onMessage, onError),
  describeError: errorText,
};

export const registry = new BatchRegistry(shellDeps);

declare global {
  interface Window {
    /**
     * Read-only hooks for end-to-end tests and benchmarks, always installed; they change nothing.
     * - `seqs(batchId)`: the seqs this page holds for that batch, in seq order: every seq from
     *   1 to the last one held without a gap, then any held past a gap (exactly what the
     *   "all" table lists); empty when the batch is not followed.
     * - `memory(batchId)`: `held`, the results in the batch's compact columns, and
     *   `cachedRows`, the full rows in its bounded cache.
     */
    __apiautotest?: { seqs(batchId: string): number[]; memory(batchId: string): SessionMemory };
  }
}

export function installTestHook(target: Window = window): void {
  target.__apiautotest = {
    seqs: (batchId: string) => registry.seqs(batchId),
    memory: (batchId: string) => registry.memory(batchId),
  };
}
