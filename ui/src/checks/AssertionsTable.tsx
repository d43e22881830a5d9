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
import { SchemaFields } from "./SchemaFields";
import { useLocalRows } from "./useLocalRows";
import { useRowList } from "./useRowList";
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
  const list = useRowList(rows, setRows);

  return (
    <div className="ck-table" data-testid="checks-assertions">
      {rows.length === 0 && <p className="ck-empty muted">{t("checks.noAssertions")}</p>}
      {rows.map((row, index) => {
        const testId = `checks-assertion-${index}`;
        const problem = rowProblem(row);
        const replace = (next: EditorRow) => list.replace(index, next);
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
                autoFocus={row.id === list.focusId}
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
                autoFocus={row.id === list.focusId}
                invalid={problem !== null}
                onChange={replace}
              />
            )}
            <RowActions
              index={index}
              count={rows.length}
              testId={testId}
              onMove={(delta) => list.move(index, delta)}
              onDelete={() => list.remove(index)}
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
      <AddAssertionMenu onAdd={(kind) => list.append(kind === "line" ? newLineRow() : newSchemaRow())} />
    </div>
  );
}
