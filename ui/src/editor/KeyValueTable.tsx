import { useI18n } from "../hooks/useI18n";
import { DeleteRowButton } from "../components/DeleteRowButton";
import { DISABLED_PREFIX, duplicateKeys, isNameless, type Row } from "./keyValueRows";
import { TemplateInput } from "./TemplateInput";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

type Props = {
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  known: ReadonlySet<string>;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** Prefix of the rows' test ids: `<testId>-key-<index>`, `<testId>-value-<index>`... */
  testId: string;
  /** Show the enabled checkbox (false where disabled rows cannot be kept). Default true. */
  withEnabled?: boolean;
  /** Warn about rows with a value but no name, which a map cannot save. Default true. */
  keyRequired?: boolean;
  /** Warn when two rows share a name, which a map cannot save. Default true. */
  warnDuplicates?: boolean;
};

/**
 * Rows of enabled / key / value / delete, with an empty row always last: typing into it
 * makes it a real row and a new empty row appears (as in Postman), so there is no "Add"
 * button to reach for.
 */
export function KeyValueTable({
  rows,
  onChange,
  known,
  keyPlaceholder,
  valuePlaceholder,
  testId,
  withEnabled = true,
  keyRequired = true,
  warnDuplicates = true,
}: Props) {
  const duplicates = warnDuplicates ? duplicateKeys(rows) : new Set<string>();
  const update = (index: number, patch: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const common = { known, keyPlaceholder, valuePlaceholder, testId, withEnabled };
  return (
    <div className={withEnabled ? "ed-kv" : "ed-kv ed-kv-no-enabled"} data-testid={testId}>
      {[
        ...rows.map((row, index) => (
          <KeyValueRow
            key={index}
            {...common}
            index={index}
            row={row}
            nameless={keyRequired && isNameless(row) && row.value !== ""}
            duplicate={duplicates.has(row.enabled ? row.key : DISABLED_PREFIX + row.key)}
            onPatch={(patch) => update(index, patch)}
            onDelete={() => onChange(rows.filter((_, i) => i !== index))}
          />
        )),
        // One list, keyed by position, the blank row included: when the blank row turns
        // real it keeps its element, so the input being typed into keeps the focus.
        <KeyValueRow
          key={rows.length}
          {...common}
          index={rows.length}
          row={{ key: "", value: "", enabled: true }}
          blank
          onPatch={(patch) => onChange([...rows, { key: "", value: "", enabled: true, ...patch }])}
        />,
      ]}
    </div>
  );
}

type RowProps = {
  row: Row;
  index: number;
  known: ReadonlySet<string>;
  keyPlaceholder: string;
  valuePlaceholder: string;
  testId: string;
  withEnabled: boolean;
  blank?: boolean;
  nameless?: boolean;
  duplicate?: boolean;
  onPatch: (patch: Partial<Row>) => void;
  onDelete?: () => void;
};

function KeyValueRow({ row, index, known, keyPlaceholder, valuePlaceholder, testId, withEnabled, blank, nameless, duplicate, onPatch, onDelete }: RowProps) {
  const { t } = useI18n();
  const id = (thing: string) => `${testId}-${thing}-${index}`;
  return (
    <div className={`ed-kv-row ${row.enabled ? "" : "ed-kv-disabled"}`} data-testid={id("row")}>
      {withEnabled && (
        <span className="ed-kv-check">
          {!blank && (
            <input
              type="checkbox"
              data-testid={id("enabled")}
              aria-label={t("editor.rowEnabled")}
              checked={row.enabled}
              onChange={(e) => onPatch({ enabled: e.target.checked })}
            />
          )}
        </span>
      )}
      <input
        className="ed-kv-key"
        data-testid={id("key")}
        aria-label={t("editor.rowKey")}
        aria-invalid={nameless || duplicate ? true : undefined}
        placeholder={keyPlaceholder}
        spellCheck={false}
        value={row.key}
        onChange={(e) => onPatch({ key: e.target.value })}
      />
      <TemplateInput
        className="ed-kv-value"
        testId={id("value")}
        ariaLabel={t("editor.rowValue")}
        placeholder={valuePlaceholder}
        known={known}
        value={row.value}
        onChange={(value) => onPatch({ value })}
      />
      <span className="ed-kv-delete">
        {!blank && onDelete && (
          <DeleteRowButton testId={id("delete")} label={t("editor.rowDelete")} onClick={onDelete} />
        )}
      </span>
      {(nameless || duplicate) && (
        <div className="ed-kv-messages ed-messages">
          {nameless && <div className="ed-error">{t("editor.rowNameRequired")}</div>}
          {duplicate && <div className="ed-warning">{t("editor.rowDuplicate")}</div>}
        </div>
      )}
      <div className="ed-kv-messages">
        <VariableWarnings text={`${row.key}\n${row.value}`} known={known} />
      </div>
    </div>
  );
}
