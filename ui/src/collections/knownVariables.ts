/**
 * The variable names a case of a collection can use without a warning: the active
 * environment's enabled variables, the collection's variables, and every name a case of
 * the collection captures (the workbench keeps captured values for later sends, as a
 * batch does). Dynamic names (`$uuid` ...) are the editor's business (templates.ts).
 */
import type { CaseSummary } from "../bindings/CaseSummary";
import type { Environment } from "../bindings/Environment";
import type { WorkspaceCollection } from "../bindings/WorkspaceCollection";

export function knownVariables(
  environment: Environment | null,
  collection: WorkspaceCollection | null,
  cases: readonly CaseSummary[],
): Set<string> {
  const known = new Set<string>();
  for (const variable of environment?.variables ?? []) {
    if (variable.enabled) known.add(variable.name);
  }
  for (const name of Object.keys(collection?.settings.variables ?? {})) known.add(name);
  for (const summary of cases) {
    for (const name of summary.captures) known.add(name);
  }
  return known;
}
