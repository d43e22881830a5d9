import { useI18n } from "../hooks/useI18n";
import { MAP_ROWS } from "./keyValueRows";
import { KeyValueTable } from "./KeyValueTable";
import { useTypedRows } from "./useTypedRows";

type Props = {
  headers: Readonly<Record<string, string>> | undefined;
  /** Undefined when no header is left, so the file leaves `headers` out. */
  onChange: (headers: Record<string, string> | undefined) => void;
  known: ReadonlySet<string>;
};

/** The request's headers; unticked rows are saved as `~Name` and not sent. */
export function HeadersTable({ headers, onChange, known }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useTypedRows(headers, onChange, MAP_ROWS);
  return (
    <KeyValueTable
      rows={rows}
      onChange={setRows}
      known={known}
      keyPlaceholder={t("editor.headerName")}
      valuePlaceholder={t("editor.headerValue")}
      testId="editor-headers"
    />
  );
}
