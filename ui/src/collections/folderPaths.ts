/**
 * Every folder of a collection, parents before children, in tree order: those its
 * settings list, then those only its cases name (and their parents).
 */
import type { CaseSummary } from "../bindings/CaseSummary";
import type { CollectionSettings } from "../bindings/CollectionSettings";

export function folderPaths(settings: CollectionSettings, cases: readonly CaseSummary[]): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  const add = (path: string) => {
    const parts = path.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      if (!seen.has(prefix)) {
        seen.add(prefix);
        ordered.push(prefix);
      }
    }
  };
  for (const folder of settings.folders) add(folder.path);
  for (const summary of cases) if (summary.folder) add(summary.folder);
  return ordered;
}
