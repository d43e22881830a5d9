import { useState } from "react";
import { moveBy, removeAt, replaceAt } from "./rowList";

/**
 * The edits of an ordered row editor (assertions, captures): a row appended takes the
 * focus so typing can start at once; rows are replaced, moved and removed by index.
 */
export function useRowList<Row extends { id: number }>(rows: Row[], setRows: (next: Row[]) => void) {
  const [focusId, setFocusId] = useState<number | null>(null);
  return {
    /** The row that should take the focus when it mounts. */
    focusId,
    append(row: Row) {
      setFocusId(row.id);
      setRows([...rows, row]);
    },
    replace(index: number, row: Row) {
      setRows(replaceAt(rows, index, row));
    },
    move(index: number, delta: number) {
      setRows(moveBy(rows, index, delta));
    },
    remove(index: number) {
      setRows(removeAt(rows, index));
    },
  };
}
