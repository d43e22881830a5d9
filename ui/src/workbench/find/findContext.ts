import { createContext, useContext } from "react";
import type { FindMatch } from "./bodyFind";

/** What the body views highlight: every occurrence of `pattern`, and the current match. */
export type FindState = { pattern: RegExp; current: FindMatch | null };

export const FindContext = createContext<FindState | null>(null);

/** The active find, or null when nothing is being looked for. */
export function useFind(): FindState | null {
  return useContext(FindContext);
}
