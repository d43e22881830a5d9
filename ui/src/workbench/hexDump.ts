/** Classic hex dump lines (offset | 16 bytes | ASCII), like `hexdump -C`. */

export const BYTES_PER_LINE = 16;
/** Beyond this the DOM gets sluggish and nobody reads hex that far in a viewer. */
export const HEX_DUMP_LIMIT = 64 * 1024;

export type HexLine = { offset: string; hex: string; ascii: string };

export function hexDumpLines(bytes: Uint8Array, limit: number = HEX_DUMP_LIMIT): HexLine[] {
  const end = Math.min(bytes.length, limit);
  const lines: HexLine[] = [];
  for (let start = 0; start < end; start += BYTES_PER_LINE) {
    const row = bytes.subarray(start, Math.min(start + BYTES_PER_LINE, end));
    lines.push({ offset: start.toString(16).padStart(8, "0"), hex: hexColumn(row), ascii: asciiColumn(row) });
  }
  return lines;
}

/** Padded to full width so the ASCII column of a short last line stays aligned. */
function hexColumn(row: Uint8Array): string {
  const cells: string[] = [];
  for (let i = 0; i < BYTES_PER_LINE; i += 1) {
    cells.push(i < row.length ? row[i].toString(16).padStart(2, "0") : "  ");
  }
  // An extra space after the eighth byte makes offsets countable at a glance.
  return `${cells.slice(0, 8).join(" ")}  ${cells.slice(8).join(" ")}`;
}

function asciiColumn(row: Uint8Array): string {
  let text = "";
  for (const byte of row) text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".";
  return text;
}
