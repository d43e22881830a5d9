/**
 * Inline checks of variable names in a list of rows (captures, collection variables,
 * environment variables). Rows become a map when saved, so the first row of a name wins
 * and every later row with the same name is reported as the duplicate.
 */

export type NameFault = "empty" | "characters" | "duplicate";

/** Characters a `{{name}}` is meant to hold (see authoring/templates.ts). */
const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * The fault of each name, index by index, or null. `characters`: also report names with
 * characters other than letters, digits, `_`, `-` and `.`. `skip`: rows left out of the
 * check (disabled variables), which neither get a fault nor clash with others.
 */
export function nameFaults(
  names: readonly string[],
  options: { characters?: boolean; skip?: readonly boolean[] } = {},
): (NameFault | null)[] {
  const seen = new Set<string>();
  return names.map((name, index) => {
    if (options.skip?.[index]) return null;
    if (name.trim() === "") return "empty";
    if (options.characters && !NAME_PATTERN.test(name)) return "characters";
    if (seen.has(name)) return "duplicate";
    seen.add(name);
    return null;
  });
}

/** Name -> value of the rows with a name, the first row of a name winning, in row order. */
export function firstWins(rows: readonly { name: string; value: string }[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { name, value } of rows) {
    if (name.trim() !== "" && !Object.hasOwn(map, name)) map[name] = value;
  }
  return map;
}

/** Whether two maps hold the same names with the same values, in any order. */
export function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
  );
}
