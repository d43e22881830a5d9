import { useSyncExternalStore } from "react";
import { getNotices, subscribeNotices, type Notice } from "../notices";

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribeNotices, getNotices, getNotices);
}
