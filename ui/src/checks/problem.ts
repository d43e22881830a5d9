/**
 * An inline error or warning of the checks editors: a message key of this area, or a
 * sentence already written by a shared helper (assertionLine.ts speaks English only, as the
 * engine's own errors do).
 */
import type { MessageKey } from "../i18n/en";
import type { Params } from "../i18n/translate";

export type Problem = { key: MessageKey; params?: Params } | { text: string };

/** The problem in the reader's language. */
export function problemText(problem: Problem, t: (key: MessageKey, params?: Params) => string): string {
  return "key" in problem ? t(problem.key, problem.params) : problem.text;
}
