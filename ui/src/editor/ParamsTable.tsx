import { paramsFromUrl, urlWithParams } from "../authoring/queryParams";
import { useI18n } from "../hooks/useI18n";
import { KeyValueTable } from "./KeyValueTable";
import { useTypedRows } from "./useTypedRows";

type Props = {
  url: string;
  onUrlChange: (url: string) => void;
  known: ReadonlySet<string>;
};

/**
 * The query parameters of the URL, read from it on every render and written back into it
 * on every edit: the URL is the only place the file keeps them. A parameter switched off
 * stays in the URL as `~name=value`, which the runner does not send.
 */
export function ParamsTable({ url, onUrlChange, known }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useTypedRows(url, onUrlChange, {
    rowsOf: paramsFromUrl,
    valueOf: (typed) => urlWithParams(url, typed),
    same: (a, b) => a === b,
  });
  return (
    <KeyValueTable
      rows={rows}
      onChange={setRows}
      known={known}
      keyPlaceholder={t("editor.paramName")}
      valuePlaceholder={t("editor.paramValue")}
      testId="editor-params"
      keyRequired={false}
      warnDuplicates={false}
    />
  );
}
