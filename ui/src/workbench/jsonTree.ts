/**
 * The model behind the collapsible JSON view: which nodes open by default, and children
 * materialised a page at a time so a 50 000-item array costs nothing until it is opened.
 */
import type { JsonNode } from "../json/parse";

export type JsonContainer = Extract<JsonNode, { type: "object" | "array" }>;
export type JsonPrimitive = Exclude<JsonNode, JsonContainer>;

/** An object member (label = key) or an array element (label = index). */
export type JsonChild = { label: string | number; node: JsonNode };

/** How many levels start open: the root and its children by default. */
export const OPEN_DEPTH = { default: 2, collapsed: 1, all: Number.POSITIVE_INFINITY } as const;
export type OpenPolicy = keyof typeof OPEN_DEPTH;

/** Children rendered per "show more" step; keeps expand-all bounded per node. */
export const CHILD_PAGE_SIZE = 100;

export function isContainer(node: JsonNode): node is JsonContainer {
  return node.type === "object" || node.type === "array";
}

export function childCount(node: JsonContainer): number {
  return node.type === "object" ? node.entries.length : node.items.length;
}

/** Children [start, end), created only for the rows about to be rendered. */
export function childSlice(node: JsonContainer, start: number, end: number): JsonChild[] {
  if (node.type === "object") {
    return node.entries.slice(start, end).map(([label, child]) => ({ label, node: child }));
  }
  return node.items.slice(start, end).map((child, i) => ({ label: start + i, node: child }));
}

/** `depth` is 0 for the root. */
export function startsOpen(depth: number, policy: OpenPolicy): boolean {
  return depth < OPEN_DEPTH[policy];
}

/** How a leaf reads in the tree: strings quoted and escaped, numbers exactly as sent. */
export function primitiveText(node: JsonPrimitive): string {
  switch (node.type) {
    case "string":
      return JSON.stringify(node.value);
    case "number":
      return node.text;
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
  }
}

export function brackets(node: JsonContainer): readonly [string, string] {
  return node.type === "object" ? ["{", "}"] : ["[", "]"];
}
