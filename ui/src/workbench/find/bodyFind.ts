/**
 * Find in a response body: where a query occurs in the raw text, or in the JSON tree's keys
 * and values as the tree shows them (keys and strings quoted, numbers as sent). Matching
 * ignores case. Offsets index the shown text, so a match can be highlighted where it is.
 */
import type { JsonNode } from "../../json/parse";
import { childPath, ROOT_PATH } from "../foldMemory";
import { childCount, childSlice, isContainer, primitiveText } from "../jsonTree";

/** Matches counted (and highlighted per text) at most: "e" in a 10 MB body stays cheap. */
export const MAX_MATCHES = 10_000;

/** The raw view's one text; the tree's texts are its keys and leaf values. */
export const RAW_PATH = "raw";

export type MatchPart = "text" | "key" | "value";

/** A container the tree must open, and the child there that leads to a match. */
export type TreeStep = { path: string; index: number };

export type FindMatch = {
  /** The tree entry holding the match (its key or its value), or RAW_PATH. */
  path: string;
  part: MatchPart;
  /** Offset of the match in that text. */
  start: number;
  /** From the root down: what must be open (and paged in) for the match to be seen. */
  trail: readonly TreeStep[];
};

/** The query as a literal, case-blind pattern; null when there is nothing to find. */
export function queryPattern(query: string): RegExp | null {
  if (query === "") return null;
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
}

/** One occurrence: `text.slice(start, end)` matched. */
export type Span = { start: number; end: number };

/** Where `pattern` occurs in `text`, at most `limit` of them. */
export function occurrences(text: string, pattern: RegExp, limit = MAX_MATCHES): Span[] {
  const spans: Span[] = [];
  for (const found of text.matchAll(pattern)) {
    if (spans.length >= limit) break;
    spans.push({ start: found.index, end: found.index + found[0].length });
  }
  return spans;
}

export function textMatches(text: string, pattern: RegExp): FindMatch[] {
  return occurrences(text, pattern).map(({ start }) => ({ path: RAW_PATH, part: "text", start, trail: [] }));
}

/** How an object key reads in the tree. */
export function keyText(label: string): string {
  return JSON.stringify(label);
}

/** Matches in the tree's reading order: an entry's key, then its value, then its children. */
export function treeMatches(root: JsonNode, pattern: RegExp): FindMatch[] {
  const found: FindMatch[] = [];
  const visit = (node: JsonNode, path: string, label: string | number | null, trail: TreeStep[]) => {
    const add = (part: MatchPart, text: string) => {
      for (const { start } of occurrences(text, pattern, MAX_MATCHES - found.length)) {
        found.push({ path, part, start, trail });
      }
    };
    if (typeof label === "string") add("key", keyText(label));
    if (!isContainer(node)) {
      add("value", primitiveText(node));
      return;
    }
    const count = childCount(node);
    // Children are materialised a page at a time, as the tree does.
    for (let start = 0; start < count && found.length < MAX_MATCHES; start += 1000) {
      childSlice(node, start, Math.min(start + 1000, count)).forEach((child, i) => {
        if (found.length >= MAX_MATCHES) return;
        visit(child.node, childPath(path, child.label), child.label, [...trail, { path, index: start + i }]);
      });
    }
  };
  visit(root, ROOT_PATH, null, []);
  return found;
}

export function sameMatch(a: FindMatch | null, path: string, part: MatchPart, start: number): boolean {
  return a !== null && a.path === path && a.part === part && a.start === start;
}
