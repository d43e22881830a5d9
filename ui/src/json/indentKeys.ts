/**
 * What Enter and Tab type in the JSON text area, as code editors do: Enter keeps the
 * line's indentation (one level more after `{` or `[`, and a closing bracket right after
 * the caret goes on its own line one level back); Tab types two spaces. Shift+Tab is left
 * to the browser, and so is Tab right after Escape (JsonCodeArea), so the keyboard can
 * still leave the field.
 */

const INDENT = "  ";

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey" | "isComposing">;

/**
 * The text to type in place of the selection `[start, end)` of `text` for this key, or
 * null to let the key do what it does by default.
 */
export function indentInsertion(event: KeyLike, text: string, start: number, end: number): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (event.key === "Tab") return event.shiftKey ? null : INDENT;
  if (event.key !== "Enter" || event.shiftKey) return null;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))?.[0] ?? "";
  const before = text.slice(lineStart, start).trimEnd();
  const opens = before.endsWith("{") || before.endsWith("[");
  const closes = /^[ \t]*[}\]]/.test(text.slice(end));
  if (opens && closes) return `\n${indent}${INDENT}\n${indent}`;
  return `\n${indent}${opens ? INDENT : ""}`;
}
