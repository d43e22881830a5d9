/**
 * JavaScript cut into tokens for colouring a script as it is typed (the Pre-request and
 * Tests tabs). Not a parser: it tells comments, strings, numbers, keywords and the rest
 * apart, which is what colouring needs.
 *
 * Invariant: the tokens cover the text exactly, in order, whatever the text is (an
 * unclosed string or comment runs to the end of the text).
 */

export type JsTokenKind = "space" | "comment" | "string" | "number" | "keyword" | "name" | "punctuation";

export type JsToken = { kind: JsTokenKind; text: string; start: number };

const KEYWORDS = new Set([
  "var", "let", "const", "function", "return", "if", "else", "for", "while", "do", "break",
  "continue", "new", "this", "typeof", "instanceof", "in", "of", "try", "catch", "finally",
  "throw", "switch", "case", "default", "true", "false", "null", "undefined", "async", "await",
  "class", "extends", "delete", "void", "yield",
]);

const SPACE = /\s+/y;
const NAME = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xX][\da-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;

export function jsTokens(text: string): JsToken[] {
  const tokens: JsToken[] = [];
  let pos = 0;
  const take = (kind: JsTokenKind, end: number) => {
    tokens.push({ kind, text: text.slice(pos, end), start: pos });
    pos = end;
  };
  const sticky = (pattern: RegExp): number | null => {
    pattern.lastIndex = pos;
    return pattern.test(text) ? pattern.lastIndex : null;
  };
  while (pos < text.length) {
    const char = text[pos];
    const next = text[pos + 1];
    if (char === "/" && next === "/") {
      const end = text.indexOf("\n", pos);
      take("comment", end < 0 ? text.length : end);
      continue;
    }
    if (char === "/" && next === "*") {
      const end = text.indexOf("*/", pos + 2);
      take("comment", end < 0 ? text.length : end + 2);
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      take("string", stringEnd(text, pos));
      continue;
    }
    const space = sticky(SPACE);
    if (space !== null) {
      take("space", space);
      continue;
    }
    const name = sticky(NAME);
    if (name !== null) {
      take(KEYWORDS.has(text.slice(pos, name)) ? "keyword" : "name", name);
      continue;
    }
    const number = sticky(NUMBER);
    if (number !== null) {
      take("number", number);
      continue;
    }
    take("punctuation", pos + 1);
  }
  return tokens;
}

/** Where the string opened at `start` ends (after its closing quote, or at the text's end). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === quote) return i + 1;
    // A quote other than ` ends at the line's end.
    if (c === "\n" && quote !== "`") return i;
    i += 1;
  }
  return text.length;
}
