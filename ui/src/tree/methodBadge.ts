/** The short, coloured method label of a case row. */
const SHORT: Record<string, string> = { DELETE: "DEL", OPTIONS: "OPT" };
const COLOURED = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);

/** Fits the badge's fixed width: DELETE → DEL, OPTIONS → OPT. */
export function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return SHORT[upper] ?? upper;
}

/** The CSS class giving the method its colour; unknown methods share one. */
export function methodClass(method: string): string {
  const lower = method.toLowerCase();
  return `tree-method-${COLOURED.has(lower) ? lower : "other"}`;
}
