import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { CAPTURE_QUERIES, captureTakesArgument, type CaptureQuery, type CaptureSource } from "./captureSource";
import { queryLabel } from "./labels";

type Props = {
  source: CaptureSource;
  testId: string;
  invalid: boolean;
  onChange: (source: CaptureSource) => void;
};

/** The argument's label and placeholder, for the queries that take one. */
const ARGUMENT: Partial<Record<CaptureQuery, { label: MessageKey; placeholder: MessageKey }>> = {
  jsonpath: { label: "checks.jsonPath", placeholder: "checks.jsonPathPlaceholder" },
  header: { label: "checks.headerName", placeholder: "checks.captureHeaderPlaceholder" },
  regex: { label: "checks.pattern", placeholder: "checks.capturePatternPlaceholder" },
};

/** Where a capture reads its value: a query select and, when it takes one, its argument. */
export function CaptureFields({ source, testId, invalid, onChange }: Props) {
  const { t } = useI18n();
  const query = source.query;
  const argument = captureTakesArgument(query) ? ARGUMENT[query] : undefined;
  return (
    <>
      <select
        className="ck-query"
        data-testid={`${testId}-query`}
        aria-label={t("checks.captureSource")}
        value={query}
        onChange={(e) => {
          const next = e.target.value as CaptureQuery;
          onChange({ query: next, argument: next === query ? source.argument : "" });
        }}
      >
        {CAPTURE_QUERIES.map((option) => (
          <option key={option} value={option}>
            {queryLabel(option, t)}
          </option>
        ))}
      </select>
      {argument ? (
        <input
          className="ck-mono ck-argument"
          data-testid={`${testId}-argument`}
          aria-label={t(argument.label)}
          aria-invalid={invalid || undefined}
          placeholder={t(argument.placeholder)}
          title={query === "regex" ? t("checks.patternHint") : undefined}
          spellCheck={false}
          autoComplete="off"
          value={source.argument}
          onChange={(e) => onChange({ query, argument: e.target.value })}
        />
      ) : (
        <span className="ck-argument" />
      )}
    </>
  );
}
