/**
 * Editor rows kept in local state for a controlled value that cannot hold them all (a map
 * cannot hold two rows of one name, a half-typed line cannot be re-read): edits update the
 * rows and emit the value; a value that differs from what the rows stand for (another case
 * opened, a row added from outside) rebuilds the rows from it.
 */
import { useState } from "react";

export function useLocalRows<Row, Value>(
  value: Value,
  onChange: (next: Value) => void,
  spec: {
    /** Rows for `value`, reusing what `previous` can lend (ids, local text). */
    rowsOf: (value: Value, previous: readonly Row[]) => Row[];
    /** Whether `rows` stand for `value`. */
    match: (rows: readonly Row[], value: Value) => boolean;
    /** The value `rows` stand for. */
    valueOf: (rows: readonly Row[]) => Value;
  },
): [Row[], (next: Row[]) => void] {
  const [rows, setRows] = useState<Row[]>(() => spec.rowsOf(value, []));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Adjusting state while rendering, as React documents for props that change.
    setSeen(value);
    if (!spec.match(rows, value)) setRows(spec.rowsOf(value, rows));
  }
  const update = (next: Row[]) => {
    setRows(next);
    onChange(spec.valueOf(next));
  };
  return [rows, update];
}
