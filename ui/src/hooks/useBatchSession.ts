import { useSyncExternalStore } from "react";
import type { BatchSession } from "../live/batchSession";

/** Re-renders when the session changes; returns its version (a change counter). */
export function useBatchSession(session: BatchSession): number {
  return useSyncExternalStore(session.subscribe, session.getVersion, session.getVersion);
}
