import type { MultipartPart } from "../bindings/MultipartPart";
import { useI18n } from "../hooks/useI18n";
import { DeleteRowButton } from "../components/DeleteRowButton";
import {
  partEnabled,
  partName,
  partType,
  withPartContent,
  withPartContentType,
  withPartEnabled,
  withPartName,
  withPartType,
  type PartType,
} from "./multipartParts";
import { TemplateInput } from "./TemplateInput";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

type Props = {
  parts: readonly MultipartPart[];
  onChange: (parts: MultipartPart[]) => void;
  known: ReadonlySet<string>;
  /** Asks the user for a file; resolves to its path, or null when they cancel. */
  onPickFile?: () => Promise<string | null>;
};

const BLANK: MultipartPart = { name: "", value: "" };

/**
 * The parts of a multipart body: enabled, name, text or file, the text or the file's path,
 * and an optional content type. Like KeyValueTable, an empty row is always last and becomes
 * a part when typed into.
 */
export function MultipartTable({ parts, onChange, known, onPickFile }: Props) {
  const replace = (index: number, part: MultipartPart) =>
    onChange(parts.map((p, i) => (i === index ? part : p)));
  return (
    <div className="ed-multipart" data-testid="editor-multipart">
      {[
        ...parts.map((part, index) => (
          <PartRow
            key={index}
            index={index}
            part={part}
            known={known}
            onPickFile={onPickFile}
            onChange={(next) => replace(index, next)}
            onDelete={() => onChange(parts.filter((_, i) => i !== index))}
          />
        )),
        // One list keyed by position, the blank row included, so it keeps focus turning real.
        <PartRow
          key={parts.length}
          index={parts.length}
          part={BLANK}
          known={known}
          onPickFile={onPickFile}
          onChange={(next) => onChange([...parts, next])}
        />,
      ]}
    </div>
  );
}

type RowProps = {
  index: number;
  part: MultipartPart;
  known: ReadonlySet<string>;
  onPickFile?: () => Promise<string | null>;
  onChange: (part: MultipartPart) => void;
  /** Absent on the blank last row. */
  onDelete?: () => void;
};

function PartRow({ index, part, known, onPickFile, onChange, onDelete }: RowProps) {
  const { t } = useI18n();
  const id = (thing: string) => `editor-multipart-${thing}-${index}`;
  const type = partType(part);
  const content = (type === "file" ? part.file : part.value) ?? "";
  const enabled = partEnabled(part);
  const pick = async () => {
    if (!onPickFile) return;
    const path = await onPickFile();
    if (path !== null) onChange(withPartContent(part, path));
  };
  return (
    <div className={`ed-part-row ${enabled ? "" : "ed-kv-disabled"}`} data-testid={id("row")}>
      <span className="ed-kv-check">
        {onDelete && (
          <input
            type="checkbox"
            data-testid={id("enabled")}
            aria-label={t("editor.rowEnabled")}
            checked={enabled}
            onChange={(e) => onChange(withPartEnabled(part, e.target.checked))}
          />
        )}
      </span>
      <input
        data-testid={id("name")}
        aria-label={t("editor.partName")}
        placeholder={t("editor.partName")}
        spellCheck={false}
        value={partName(part)}
        onChange={(e) => onChange(withPartName(part, e.target.value))}
      />
      <select
        data-testid={id("type")}
        aria-label={t("editor.partType")}
        value={type}
        onChange={(e) => onChange(withPartType(part, e.target.value as PartType))}
      >
        <option value="text">{t("editor.partTypeText")}</option>
        <option value="file">{t("editor.partTypeFile")}</option>
      </select>
      <span className="ed-part-content">
        {type === "text" ? (
          <TemplateInput
            testId={id("value")}
            ariaLabel={t("editor.partValue")}
            placeholder={t("editor.partValue")}
            known={known}
            value={content}
            onChange={(value) => onChange(withPartContent(part, value))}
          />
        ) : (
          <>
            <input
              className="ed-mono"
              data-testid={id("file")}
              aria-label={t("editor.partFile")}
              aria-invalid={content.trim() === "" ? true : undefined}
              placeholder={t("editor.partFilePlaceholder")}
              spellCheck={false}
              value={content}
              onChange={(e) => onChange(withPartContent(part, e.target.value))}
            />
            {onPickFile && (
              <button type="button" className="small" data-testid={id("choose")} onClick={() => void pick()}>
                {t("editor.partChoose")}
              </button>
            )}
          </>
        )}
      </span>
      <input
        data-testid={id("content-type")}
        aria-label={t("editor.partContentType")}
        placeholder={t("editor.partContentTypePlaceholder")}
        spellCheck={false}
        value={part.content_type ?? ""}
        onChange={(e) => onChange(withPartContentType(part, e.target.value))}
      />
      <span className="ed-kv-delete">
        {onDelete && (
          <DeleteRowButton testId={id("delete")} label={t("editor.rowDelete")} onClick={onDelete} />
        )}
      </span>
      <div className="ed-kv-messages">
        {type === "file" && content.trim() === "" && onDelete && (
          <div className="ed-messages ed-error">{t("editor.partFileRequired")}</div>
        )}
        <VariableWarnings text={`${part.name}\n${content}`} known={known} />
      </div>
    </div>
  );
}
