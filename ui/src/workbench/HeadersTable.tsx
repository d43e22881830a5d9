import { useI18n } from "../hooks/useI18n";
import { useAddAssertion } from "./addAssertion";

type Props = {
  headers: ReadonlyArray<readonly [string, string]>;
  /** What to say when there are none ("No response headers."). */
  emptyText: string;
  /** Response headers offer "add an assertion"; the request's do not. */
  assertable?: boolean;
};

/** Headers as received, in order and with duplicates (Set-Cookie) kept as separate rows. */
export function HeadersTable({ headers, emptyText, assertable = false }: Props) {
  const { t } = useI18n();
  const addAssertion = useAddAssertion();
  const add = assertable ? addAssertion : null;
  if (headers.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <table className="rv-headers">
      <thead>
        <tr>
          <th scope="col">{t("viewer.headers.name")}</th>
          <th scope="col">{t("viewer.headers.value")}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${i}-${name}`}>
            <td className="rv-header-name">{name}</td>
            <td className="rv-header-value">
              {value}
              {add && (
                <button
                  type="button"
                  className="rv-assert"
                  data-testid="viewer-assert-header"
                  onClick={() => add(`header ${name} == ${JSON.stringify(value)}`)}
                >
                  {t("viewer.assert")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
