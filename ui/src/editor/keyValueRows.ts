/**
 * Headers and form fields as the editor's table rows. The file holds them as a map whose
 * names may start with `~` to mark a disabled row (kept in the file, not sent); the table
 * shows that as an unticked checkbox instead.
 *
 * Order: the map is a plain object (that is what the generated binding says), which keeps
 * the insertion order of names, except that integer-like names ("1", "42") come first. Header
 * and field names are almost never numbers, so the order typed is the order saved.
 */

/** One row of a key/value table. `key` never carries the `~` marker. */
export type Row = { key: string; value: string; enabled: boolean };

/** Name prefix that marks a disabled row in the file (see `multipart::is_disabled`). */
export const DISABLED_PREFIX = "~";

/** The rows of `map`, in its order; `~name` becomes a disabled row named `name`. */
export function rowsFromMap(map: Readonly<Record<string, string>> | undefined): Row[] {
  return Object.entries(map ?? {}).map(([name, value]) => {
    const enabled = !name.startsWith(DISABLED_PREFIX);
    return { key: enabled ? name : name.slice(DISABLED_PREFIX.length), value, enabled };
  });
}

/**
 * The map of `rows`, in their order, or undefined when no row remains (so the field is left
 * out of the file). Rows without a name are dropped: the file cannot hold a nameless entry.
 * When two rows share a name, the later value wins (a map holds each name once).
 */
export function mapFromRows(rows: readonly Row[]): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  let any = false;
  for (const row of rows) {
    if (isNameless(row)) continue;
    map[row.enabled ? row.key : DISABLED_PREFIX + row.key] = row.value;
    any = true;
  }
  return any ? map : undefined;
}

/** Whether `row` has no name to be saved under (blank or only spaces). */
export function isNameless(row: Row): boolean {
  return row.key.trim() === "";
}

/** The names (as the file writes them, `~` included) held by more than one row. */
export function duplicateKeys(rows: readonly Row[]): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    if (isNameless(row)) continue;
    const name = row.enabled ? row.key : DISABLED_PREFIX + row.key;
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return duplicates;
}

/** Whether two maps hold the same names with the same values in the same order. */
export function sameEntries(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const left = Object.entries(a ?? {});
  const right = Object.entries(b ?? {});
  return (
    left.length === right.length &&
    left.every(([name, value], i) => right[i][0] === name && right[i][1] === value)
  );
}

/** How a map field (headers, form) and its rows convert, for `useTypedRows`. */
export const MAP_ROWS = { rowsOf: rowsFromMap, valueOf: mapFromRows, same: sameEntries };
