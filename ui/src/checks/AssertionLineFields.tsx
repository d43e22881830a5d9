import {
  PREDICATES,
  QUERIES,
  predicateTakesValue,
  queryTakesArgument,
  type AssertionRow,
  type Predicate,
  type Query,
} from "../authoring/assertionLine";
import { useI18n } from "../hooks/useI18n";
import { predicateLabel, queryLabel } from "./labels";

type Props = {
  row: AssertionRow;
  testId: string;
  autoFocus: boolean;
  invalid: boolean;
  onChange: (row: AssertionRow) => void;
};

/** Query, argument, predicate and value of one assertion line. */
export function AssertionLineFields({ row, testId, autoFocus, invalid, onChange }: Props) {
  const { t } = useI18n();
  const changeQuery = (query: Query) =>
    // An argument means something else for another query (a header name is no JSONPath).
    onChange({ ...row, query, argument: query === row.query ? row.argument : "" });
  const changePredicate = (predicate: Predicate) =>
    onChange({ ...row, predicate, value: predicateTakesValue(predicate) ? row.value : "" });
  return (
    <>
      <select
        className="ck-query"
        data-testid={`${testId}-query`}
        aria-label={t("checks.query")}
        autoFocus={autoFocus}
        value={row.query}
        onChange={(e) => changeQuery(e.target.value as Query)}
      >
        {QUERIES.map((query) => (
          <option key={query} value={query}>
            {queryLabel(query, t)}
          </option>
        ))}
      </select>
      {queryTakesArgument(row.query) ? (
        <input
          className="ck-mono ck-argument"
          data-testid={`${testId}-argument`}
          aria-label={row.query === "header" ? t("checks.headerName") : t("checks.jsonPath")}
          aria-invalid={invalid || undefined}
          placeholder={row.query === "header" ? t("checks.headerNamePlaceholder") : t("checks.jsonPathPlaceholder")}
          spellCheck={false}
          autoComplete="off"
          value={row.argument}
          onChange={(e) => onChange({ ...row, argument: e.target.value })}
        />
      ) : (
        <span className="ck-argument" />
      )}
      <select
        className="ck-predicate"
        data-testid={`${testId}-predicate`}
        aria-label={t("checks.predicate")}
        value={row.predicate}
        onChange={(e) => changePredicate(e.target.value as Predicate)}
      >
        {PREDICATES.map((predicate) => (
          <option key={predicate} value={predicate}>
            {predicateLabel(predicate, t)}
          </option>
        ))}
      </select>
      {predicateTakesValue(row.predicate) ? (
        <input
          className="ck-mono ck-value"
          data-testid={`${testId}-value`}
          aria-label={t("checks.value")}
          aria-invalid={invalid || undefined}
          placeholder={row.predicate === "matches" ? t("checks.regexValuePlaceholder") : t("checks.valuePlaceholder")}
          spellCheck={false}
          autoComplete="off"
          value={row.value}
          onChange={(e) => onChange({ ...row, value: e.target.value })}
        />
      ) : (
        <span className="ck-value" />
      )}
    </>
  );
}
