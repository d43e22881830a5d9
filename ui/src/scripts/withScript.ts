import type { Scripts } from "../bindings/Scripts";

/**
 * The scripts with one phase's code replaced. An emptied script is left out, and so is
 * an empty `scripts`, so a case without scripts saves without the key.
 */
export function withScript(scripts: Scripts | undefined, phase: "pre" | "test", code: string): Scripts | undefined {
  const next: Scripts = { ...scripts };
  if (code.trim() === "") delete next[phase];
  else next[phase] = code;
  return next.pre === undefined && next.test === undefined ? undefined : next;
}
