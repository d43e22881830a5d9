import { useState } from "react";
import type { Row } from "./keyValueRows";

/**
 * The rows of a table over a field that cannot hold every row as typed: a header map has no
 * room for a row with a value but no name yet, or for two rows of one name; a URL drops a
 * parameter emptied in the middle of the list.
 *
 * The rows typed are kept here and shown as long as they still produce the value the parent
 * holds; when the value changes from outside (the URL edited, another case opened, Revert),
 * the rows are read from it again. So the table never jumps under the caret.
 */
export function useTypedRows<T>(
  value: T,
  onChange: (value: T) => void,
  convert: { rowsOf: (value: T) => Row[]; valueOf: (rows: readonly Row[]) => T; same: (a: T, b: T) => boolean },
): [Row[], (rows: Row[]) => void] {
  const [typed, setTyped] = useState<Row[]>(() => convert.rowsOf(value));
  const rows = convert.same(convert.valueOf(typed), value) ? typed : convert.rowsOf(value);
  const change = (next: Row[]) => {
    setTyped(next);
    onChange(convert.valueOf(next));
  };
  return [rows, change];
}
