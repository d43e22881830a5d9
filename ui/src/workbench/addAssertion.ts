/**
 * "Add an assertion from the response": the page passes a callback to the viewer, which
 * offers it on each JSON value, the status and each header. A context, so the JSON tree's
 * nodes reach it without threading it through every level.
 */
import { createContext, useContext } from "react";
import { jsonPathOf } from "../checks/assertFromResponse";
import type { JsonNode } from "../json/parse";
import { primitiveText } from "./jsonTree";

export type AddAssertion = (line: string) => void;

export const AddAssertionContext = createContext<AddAssertion | null>(null);

export function useAddAssertion(): AddAssertion | null {
  return useContext(AddAssertionContext);
}

/**
 * The assertion for the JSON value at `segments`: its exact value for a leaf (numbers as
 * the server wrote them, so a 64-bit id stays exact), `exists` for an object or array.
 */
export function assertionForNode(segments: readonly (string | number)[], node: JsonNode): string {
  const path = jsonPathOf([...segments]);
  if (node.type === "object" || node.type === "array") return `jsonpath ${path} exists`;
  return `jsonpath ${path} == ${primitiveText(node)}`;
}
