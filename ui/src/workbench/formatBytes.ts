/** Byte counts for people: 512 → "512 B", 1536 → "1.5 KB", 5 × 2^20 → "5.0 MB". */

const UNITS = ["KB", "MB", "GB", "TB"] as const;

/** Binary units (1 KB = 1024 B), as Postman and most HTTP tools display them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below 100 keeps "1.5 KB" precise without turning "512 KB" into noise.
  return `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ${UNITS[unit]}`;
}
