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
 * on every edit: the URL is the only place the file keeps them.
 *
 * There is no enabled checkbox: a disabled parameter would have to be kept outside the URL,
 * and the file has nowhere for it (headers and form fields have their `~name`, the URL has no
 * such marker). A parameter to switch off is deleted instead.
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
      withEnabled={false}
      keyRequired={false}
      warnDuplicates={false}
    />
  );
}
