/**
 * Where a JSON text being typed goes wrong, for an inline error with line and column.
 *
 * The position comes from the parser's message when it gives one (Chromium's V8 says
 * "at position 8" or "(line 1 column 9)", Firefox "at line 1 column 9"). WebKit, which runs
 * the app on macOS and Linux, gives none ("JSON Parse error: Expected '}'"), so the text is
 * then scanned here to find the first offending character.
 */

/** A syntax error of a JSON text; `line` and `column` count from 1. */
export type JsonSyntaxError = { message: string; line: number | null; column: number | null };

/** The parsed value, or the syntax error. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = positionFromMessage(text, message) ?? positionOfOffset(text, jsonErrorOffset(text));
    return { ok: false, error: { message, line: at?.line ?? null, column: at?.column ?? null } };
  }
}

/** Line and column (from 1) mentioned in a parser's error message, if any. */
export function positionFromMessage(
  text: string,
  message: string,
): { line: number; column: number } | null {
  const lineColumn = /line (\d+),? column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  return position ? positionOfOffset(text, Number(position[1])) : null;
}

/** Line and column (from 1) of the character at `offset` (UTF-16 units) of `text`. */
export function positionOfOffset(
  text: string,
  offset: number | null,
): { line: number; column: number } | null {
  if (offset === null) return null;
  const before = text.slice(0, Math.min(offset, text.length));
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

/** Thrown by the scanner with the offset of the first character that cannot be JSON. */
class Offending {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first character that breaks the JSON grammar (the text's length when
 * it ends too early), or null when the scanner finds none.
 */
export function jsonErrorOffset(text: string): number | null {
  let pos = 0;
  const fail = (): never => {
    throw new Offending(pos);
  };
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos])) pos += 1;
  };
  const expect = (char: string) => {
    if (text[pos] !== char) fail();
    pos += 1;
  };
  const string = () => {
    pos += 1; // opening quote
    for (;;) {
      const char = text[pos];
      if (char === undefined || char.charCodeAt(0) < 0x20) fail();
      if (char === '"') break;
      if (char === "\\") {
        ESCAPE.lastIndex = pos;
        if (!ESCAPE.exec(text)) fail();
        pos = ESCAPE.lastIndex;
      } else {
        pos += 1;
      }
    }
    pos += 1;
  };
  const value = (): void => {
    skipSpace();
    const char = text[pos];
    if (char === "{") return members("}", () => {
      skipSpace();
      if (text[pos] !== '"') fail();
      string();
      skipSpace();
      expect(":");
      value();
    });
    if (char === "[") return members("]", value);
    if (char === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (char === word[0]) {
        for (const letter of word) expect(letter);
        return;
      }
    }
    NUMBER.lastIndex = pos;
    if (!NUMBER.exec(text)) fail();
    pos = NUMBER.lastIndex;
  };
  /** A bracketed, comma-separated list whose opening bracket is at `pos`. */
  const members = (close: string, member: () => void) => {
    pos += 1;
    skipSpace();
    if (text[pos] === close) {
      pos += 1;
      return;
    }
    for (;;) {
      member();
      skipSpace();
      if (text[pos] === close) {
        pos += 1;
        return;
      }
      expect(",");
    }
  };
  try {
    value();
    skipSpace();
    if (pos < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof Offending) return error.offset;
    // Nesting deeper than the call stack: JSON.parse copes, the scanner gives up.
    if (error instanceof RangeError) return null;
    throw error;
  }
}
