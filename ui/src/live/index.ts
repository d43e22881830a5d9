/** The page's one registry, wired to the shell through ipc.ts, and the test hook. */
import { attachBatch, batchResults, errorText } from "../ipc";
import { BatchRegistry } from "./registry";

export const registry = new BatchRegistry({
  fetchPage: (batchId, afterSeq, limit) => batchResults(batchId, afterSeq, limit, "all"),
  attach: (batchId, afterSeq, onMessage) => attachBatch(batchId, afterSeq, onMessage),
  describeError: errorText,
});

declare global {
  interface Window {
    /**
     * Read-only hook for end-to-end tests, always installed:
     * `window.__apiautotest.seqs(batchId)` returns the seqs this page holds for that
     * batch, in seq order (empty when the batch is not followed). It changes nothing.
     */
    __apiautotest?: { seqs(batchId: string): number[] };
  }
}

export function installTestHook(target: Window = window): void {
  target.__apiautotest = { seqs: (batchId: string) => registry.seqs(batchId) };
}
