/**
 * The last import's report: what of another tool's file did not map. One at a time (a
 * new import replaces it); the page shows it until it is closed.
 */
import type { ImportNote } from "../bindings/ImportNote";

/** `export`: what a collection written in another tool's format could not hold. */
export type ImportReport = { name: string; source: string; unmapped: ImportNote[]; direction?: "import" | "export" };

let current: ImportReport | null = null;
const listeners = new Set<() => void>();

export function showImportReport(report: ImportReport | null): void {
  current = report;
  for (const listener of listeners) listener();
}

export function currentImportReport(): ImportReport | null {
  return current;
}

export function subscribeImportReport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
