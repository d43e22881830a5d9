import { useMemo } from "react";
import { useI18n } from "../hooks/useI18n";
import { formatBytes } from "./formatBytes";
import { HEX_DUMP_LIMIT, hexDumpLines } from "./hexDump";

const COLUMN_HEADER = "00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f";

/** offset | 16 bytes | ASCII, capped at the first 64 KiB. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const { t } = useI18n();
  const lines = useMemo(() => hexDumpLines(bytes, HEX_DUMP_LIMIT), [bytes]);
  return (
    <div className="rv-hex-view">
      {bytes.length > HEX_DUMP_LIMIT && (
        <p className="rv-note">
          {t("viewer.hex.limit", { shown: formatBytes(HEX_DUMP_LIMIT), total: formatBytes(bytes.length) })}
        </p>
      )}
      {/* One <pre> with spans per column: thousands of lines stay cheap and copy as plain text. */}
      <pre className="rv-hex" data-testid="hex-view">
        <span className="rv-hex-head">
          {/* Fixed width rather than padding: the translated word may be wide CJK text. */}
          <span className="rv-hex-offset-head">{t("viewer.hex.offset")}</span>
          {"  "}
          {COLUMN_HEADER}
          {"  "}ASCII{"\n"}
        </span>
        {lines.map((line) => (
          <span key={line.offset} className="rv-hex-line">
            <span className="rv-hex-offset">{line.offset}</span>
            {"  "}
            {line.hex}
            {"  "}
            <span className="rv-hex-ascii">{line.ascii}</span>
            {"\n"}
          </span>
        ))}
      </pre>
    </div>
  );
}
