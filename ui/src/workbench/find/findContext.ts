import { createContext, useContext } from "react";
import type { FindMatch } from "./bodyFind";

/**
 * What the body views highlight: every occurrence of `pattern`, and the current match.
 * A new state object each time the user moves (even onto the same match): the views
 * open the way to the current match and scroll to it once per state, so a node the user
 * folds stays folded until they move again.
 */
export type FindState = { pattern: RegExp; current: FindMatch | null; visit: number };

export const FindContext = createContext<FindState | null>(null);

/** The active find, or null when nothing is being looked for. */
export function useFind(): FindState | null {
  return useContext(FindContext);
}
