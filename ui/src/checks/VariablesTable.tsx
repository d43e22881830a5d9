import { useI18n } from "../hooks/useI18n";
import { DeleteRowButton } from "../components/DeleteRowButton";
import { CycleMessages } from "./CycleMessages";
import { firstWins, nameFaults, sameMap } from "./names";
import { nameProblem } from "./nameProblem";
import { RowMessages } from "./RowMessages";
import { removeAt, replaceAt } from "./rowList";
import { useLocalRows } from "./useLocalRows";
import { cyclePathText, variableCycles } from "./variableCycles";
import "./checks.css";

type VariableMap = { [name: string]: string };
type Row = { name: string; value: string };

type Props = {
  variables: VariableMap;
  onChange: (next: VariableMap) => void;
  /** Variables defined elsewhere, for warnings about `{{names}}` in values. */
  known?: ReadonlySet<string>;
};

const BLANK: Row = { name: "", value: "" };

const rowsOf = (variables: VariableMap): Row[] =>
  Object.entries(variables).map(([name, value]) => ({ name, value }));

/**
 * Plain name / value variables (a collection's), with an empty row always last: typing into
 * it makes a real row. Rows without a name are not saved; for a repeated name the first row
 * wins. Values referring to each other in a loop are reported, as the engine refuses them.
 */
export function VariablesTable({ variables, onChange, known }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useLocalRows<Row, VariableMap>(variables, onChange, {
    rowsOf,
    match: (current, value) => sameMap(firstWins(current), value),
    valueOf: firstWins,
  });
  // A row with neither name nor value is a blank left behind, not a missing name.
  const faults = nameFaults(
    rows.map((row) => row.name),
    { skip: rows.map((row) => row.name === "" && row.value === "") },
  );
  const cycles = variableCycles(rows.map((row) => [row.name, row.value] as const));
  const inCycle = new Set(cycles.flatMap((cycle) => cycle.names));
  const defined = new Set([...(known ?? []), ...rows.map((row) => row.name)]);

  const all = [...rows, BLANK];
  return (
    <div className="ck-table ck-variables" data-testid="checks-variables">
      {all.map((row, index) => {
        const blank = index === rows.length;
        const testId = `checks-var-${index}`;
        const fault = blank ? null : faults[index];
        const patch = (change: Partial<Row>) =>
          setRows(blank ? [...rows, { ...row, ...change }] : replaceAt(rows, index, { ...row, ...change }));
        return (
          // Keyed by position: when the blank row turns real it keeps its element, and the
          // input being typed into keeps the focus.
          <div key={index} className="ck-row ck-variable" data-testid={testId}>
            <input
              className="ck-mono ck-name"
              data-testid={`${testId}-name`}
              aria-label={t("checks.variableName")}
              aria-invalid={fault !== null || inCycle.has(row.name) || undefined}
              placeholder={blank ? t("checks.newVariable") : t("checks.variableName")}
              spellCheck={false}
              autoComplete="off"
              value={row.name}
              onChange={(e) => patch({ name: e.target.value })}
            />
            <input
              className="ck-mono ck-value"
              data-testid={`${testId}-value`}
              aria-label={t("checks.value")}
              aria-invalid={inCycle.has(row.name) || undefined}
              placeholder={t("checks.variableValue")}
              spellCheck={false}
              autoComplete="off"
              value={row.value}
              onChange={(e) => patch({ value: e.target.value })}
            />
            <span className="ck-actions">
              {!blank && (
                <DeleteRowButton
                  testId={`${testId}-delete`}
                  label={t("checks.deleteRow")}
                  onClick={() => setRows(removeAt(rows, index))}
                  danger
                />
              )}
            </span>
            {!blank && (
              <RowMessages
                problems={[nameProblem(fault)]}
                templateText={row.value}
                known={defined}
                testId={testId}
              />
            )}
          </div>
        );
      })}
      <CycleMessages paths={cycles.map(cyclePathText)} testId="checks-var-cycle" />
    </div>
  );
}
