import { useSyncExternalStore } from "react";
import { registry } from "../live";

/** The ids of the batches shown in the Runner, newest first. */
export function useRunnerIds(): readonly string[] {
  return useSyncExternalStore(registry.subscribe, registry.getRunnerIds, registry.getRunnerIds);
}
