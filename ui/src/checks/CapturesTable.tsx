import { useI18n } from "../hooks/useI18n";
import { CaptureFields } from "./CaptureFields";
import {
  captureMapOf,
  captureRowProblem,
  captureRowsMatch,
  newCaptureRow,
  parsedRawCapture,
  reconcileCaptureRows,
  withSource,
  type CaptureEditorRow,
  type CaptureMap,
} from "./captureRows";
import { nameFaults } from "./names";
import { nameProblem } from "./nameProblem";
import { RowActions } from "./RowActions";
import { RowMessages } from "./RowMessages";
import { useLocalRows } from "./useLocalRows";
import { useRowList } from "./useRowList";
import { RawLineInput } from "./RawLineInput";
import "./checks.css";

type Props = {
  capture: CaptureMap | undefined;
  onChange: (next: CaptureMap | undefined) => void;
};

/**
 * The captures of a case: variable name -> where its value comes from, in file order. A
 * source that does not parse (`duration`, a typo) stays a raw text row with its error.
 */
export function CapturesTable({ capture, onChange }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useLocalRows<CaptureEditorRow, CaptureMap | undefined>(capture, onChange, {
    rowsOf: reconcileCaptureRows,
    match: captureRowsMatch,
    valueOf: captureMapOf,
  });
  const list = useRowList(rows, setRows);
  const faults = nameFaults(
    rows.map((row) => row.name),
    { characters: true },
  );

  return (
    <div className="ck-table" data-testid="checks-captures">
      {rows.length === 0 && <p className="ck-empty muted">{t("checks.noCaptures")}</p>}
      {rows.map((row, index) => {
        const testId = `checks-capture-${index}`;
        const problem = captureRowProblem(row);
        const fault = faults[index];
        const replace = (next: CaptureEditorRow) => list.replace(index, next);
        return (
          <div key={row.id} className={`ck-row ck-capture ck-row-${row.kind}`} data-testid={testId}>
            <input
              className="ck-mono ck-name"
              data-testid={`${testId}-name`}
              aria-label={t("checks.variableName")}
              aria-invalid={fault !== null || undefined}
              placeholder={t("checks.variableNamePlaceholder")}
              autoFocus={row.id === list.focusId}
              spellCheck={false}
              autoComplete="off"
              value={row.name}
              onChange={(e) => replace({ ...row, name: e.target.value })}
            />
            <span className="ck-from muted" aria-hidden="true">
              ←
            </span>
            {row.kind === "source" ? (
              <CaptureFields
                source={row.source}
                testId={testId}
                invalid={problem !== null}
                onChange={(source) => replace(withSource(row, source))}
              />
            ) : (
              <RawLineInput
                testId={testId}
                label={t("checks.rawCapture")}
                text={row.text}
                invalid={problem !== null}
                onChange={(text) => replace({ ...row, text })}
                onBlur={() => {
                  const parsed = parsedRawCapture(row);
                  if (parsed !== null) replace(parsed);
                }}
              />
            )}
            <RowActions
              index={index}
              count={rows.length}
              testId={testId}
              onMove={(delta) => list.move(index, delta)}
              onDelete={() => list.remove(index)}
            />
            <RowMessages problems={[nameProblem(fault), problem]} testId={testId} />
          </div>
        );
      })}
      <div className="ck-add">
        <button
          type="button"
          className="small"
          data-testid="checks-add-capture"
          onClick={() => list.append(newCaptureRow())}
        >
          + {t("checks.addCapture")}
        </button>
      </div>
    </div>
  );
}
