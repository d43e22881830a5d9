import { useState } from "react";
import type { AssertionText } from "../bindings/AssertionText";
import { useI18n } from "../hooks/useI18n";
import { AddAssertionMenu } from "./AddAssertionMenu";
import { AssertionLineFields } from "./AssertionLineFields";
import {
  editedLineRow,
  newLineRow,
  newSchemaRow,
  parsedRaw,
  reconcileRows,
  rowProblem,
  rowsMatch,
  toAssertions,
  type EditorRow,
} from "./assertionRows";
import { RowActions } from "./RowActions";
import { RowMessages } from "./RowMessages";
import { moveBy, removeAt, replaceAt } from "./rowList";
import { SchemaFields } from "./SchemaFields";
import { useLocalRows } from "./useLocalRows";
import { RawLineInput } from "./RawLineInput";
import "./checks.css";

type Props = {
  assertions: AssertionText[] | undefined;
  onChange: (next: AssertionText[] | undefined) => void;
  /** Variables defined somewhere, for warnings about `{{names}}` in values. */
  known: ReadonlySet<string>;
};

/**
 * The assertions of a case, one row each, in file order: a line as query / argument /
 * predicate / value, a JSON Schema inline or from a file, or the raw text of a line that
 * does not parse (still editable; it becomes a row of fields once it parses and loses focus).
 */
export function AssertionsTable({ assertions, onChange, known }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useLocalRows<EditorRow, AssertionText[] | undefined>(assertions, onChange, {
    rowsOf: reconcileRows,
    match: rowsMatch,
    valueOf: toAssertions,
  });
  // The row just added takes the focus, so typing can start at once.
  const [focusId, setFocusId] = useState<number | null>(null);

  const add = (kind: "line" | "schema") => {
    const row = kind === "line" ? newLineRow() : newSchemaRow();
    setFocusId(row.id);
    setRows([...rows, row]);
  };

  return (
    <div className="ck-table" data-testid="checks-assertions">
      {rows.length === 0 && <p className="ck-empty muted">{t("checks.noAssertions")}</p>}
      {rows.map((row, index) => {
        const testId = `checks-assertion-${index}`;
        const problem = rowProblem(row);
        const replace = (next: EditorRow) => setRows(replaceAt(rows, index, next));
        return (
          <div
            key={row.id}
            className={`ck-row ck-row-${row.kind}`}
            data-testid={testId}
            data-kind={row.kind}
          >
            {row.kind === "line" && (
              <AssertionLineFields
                row={row.row}
                testId={testId}
                autoFocus={row.id === focusId}
                invalid={problem !== null}
                onChange={(fields) => replace(editedLineRow(row, fields))}
              />
            )}
            {row.kind === "raw" && (
              <RawLineInput
                testId={testId}
                label={t("checks.rawLine")}
                text={row.text}
                invalid={problem !== null}
                onChange={(text) => replace({ ...row, text })}
                onBlur={() => {
                  const parsed = parsedRaw(row);
                  if (parsed !== null) replace(parsed);
                }}
              />
            )}
            {row.kind === "schema" && (
              <SchemaFields
                row={row}
                testId={testId}
                autoFocus={row.id === focusId}
                invalid={problem !== null}
                onChange={replace}
              />
            )}
            <RowActions
              index={index}
              count={rows.length}
              testId={testId}
              onMove={(delta) => setRows(moveBy(rows, index, delta))}
              onDelete={() => setRows(removeAt(rows, index))}
            />
            <RowMessages
              problems={[problem]}
              templateText={row.kind === "line" ? row.row.value : undefined}
              known={known}
              testId={testId}
            />
          </div>
        );
      })}
      <AddAssertionMenu onAdd={add} />
    </div>
  );
}
