/** The per-case timeout field: its text as typed and the `timeout_ms` it means. */

/**
 * What the typed text means: undefined for empty (the batch's default applies), a number of
 * milliseconds, or "invalid" for anything that is not a whole number above zero (the engine
 * stores it as an unsigned integer, and 0 would time out at once).
 */
export function parseTimeout(text: string): number | undefined | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!/^\d+$/.test(trimmed)) return "invalid";
  const value = Number(trimmed);
  return value > 0 && Number.isSafeInteger(value) ? value : "invalid";
}
