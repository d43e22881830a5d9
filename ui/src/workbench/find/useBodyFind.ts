import { useDeferredValue, useMemo, useState } from "react";
import type { JsonNode } from "../../json/parse";
import { queryPattern, textMatches, treeMatches, type FindMatch } from "./bodyFind";
import type { FindState } from "./findContext";

/** What the shown view lets the user search: its text, its tree, or nothing (hex, image). */
export type Findable = { kind: "text"; text: string } | { kind: "tree"; root: JsonNode } | null;

export type BodyFind = {
  query: string;
  setQuery: (query: string) => void;
  matches: readonly FindMatch[];
  /** The current match's index, within `matches` (0 when there are none). */
  index: number;
  step: (delta: 1 | -1) => void;
  /** For the views, through FindContext; null while the query is empty. */
  state: FindState | null;
};

/**
 * Find state for one body panel. The query outlives new responses (a re-send is searched
 * for the same thing); `findable` must be memoised, matches are recomputed when it changes.
 */
export function useBodyFind(findable: Findable): BodyFind {
  const [query, setQueryState] = useState("");
  const [wanted, setWanted] = useState(0);
  // Counts the user's moves: Enter on the only match still brings it back into view.
  const [visit, setVisit] = useState(0);
  // Typing stays responsive on a big body: the search follows a keystroke behind if need be.
  const searched = useDeferredValue(query);
  const pattern = useMemo(() => queryPattern(searched), [searched]);
  const matches = useMemo(() => {
    if (pattern === null || findable === null) return [];
    return findable.kind === "text" ? textMatches(findable.text, pattern) : treeMatches(findable.root, pattern);
  }, [pattern, findable]);
  // Fewer matches after a new response: the last one stays current.
  const index = Math.min(wanted, Math.max(matches.length - 1, 0));
  const current = matches[index] ?? null;
  const state = useMemo(() => (pattern === null ? null : { pattern, current, visit }), [pattern, current, visit]);

  return {
    query,
    setQuery: (next) => {
      setQueryState(next);
      setWanted(0);
    },
    matches,
    index,
    step: (delta) => {
      if (matches.length === 0) return;
      setWanted((index + delta + matches.length) % matches.length);
      setVisit((v) => v + 1);
    },
    state,
  };
}
