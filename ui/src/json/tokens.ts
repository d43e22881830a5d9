/**
 * JSON text cut into tokens, for colouring a body as it is typed and for formatting it
 * without changing a character of its values.
 *
 * Invariant: the tokens cover the text exactly, in order (their texts joined give the
 * text back), whatever the text is: half-typed or broken input gets `invalid` tokens
 * instead of an exception, so the editor can colour every keystroke.
 */

export type JsonTokenKind = "space" | "punctuation" | "key" | "string" | "number" | "literal" | "invalid";

/** A piece of the text; `start` is its offset (UTF-16 units). */
export type JsonToken = { kind: JsonTokenKind; text: string; start: number };

const SPACE = /[ \t\n\r\uFEFF]+/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /(?:true|false|null)\b/y;
/** What is not JSON runs to the next character that could start or end a token. */
const INVALID = /[^ \t\n\r\uFEFF{}[\]:,"]+/y;

export function jsonTokens(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let pos = 0;
  const take = (kind: JsonTokenKind, end: number) => {
    tokens.push({ kind, text: text.slice(pos, end), start: pos });
    pos = end;
  };
  const sticky = (pattern: RegExp): number | null => {
    pattern.lastIndex = pos;
    return pattern.test(text) ? pattern.lastIndex : null;
  };
  while (pos < text.length) {
    const char = text[pos];
    if ("{}[]:,".includes(char)) {
      take("punctuation", pos + 1);
      continue;
    }
    if (char === '"') {
      take("string", stringEnd(text, pos));
      continue;
    }
    const space = sticky(SPACE);
    if (space !== null) {
      take("space", space);
      continue;
    }
    // A number glued to letters ("12abc") is not a number.
    const number = sticky(NUMBER);
    if (number !== null && sticky(INVALID) === number) {
      take("number", number);
      continue;
    }
    const literal = sticky(LITERAL);
    if (literal !== null) {
      take("literal", literal);
      continue;
    }
    take("invalid", sticky(INVALID) ?? pos + 1);
  }
  markKeys(tokens);
  return tokens;
}

/**
 * The end of the string opening at `start`: after its closing quote, or, when it is not
 * closed on its line, at the line's end (a string cannot hold a raw newline, and colouring
 * the rest of the text as a string would hide where the mistake is).
 */
function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length) {
    const char = text[pos];
    if (char === '"') return pos + 1;
    if (char === "\n") return pos;
    pos += char === "\\" ? 2 : 1;
  }
  return text.length;
}

/** A string followed by a colon (spaces between allowed) names an object member. */
function markKeys(tokens: JsonToken[]): void {
  let pendingString: JsonToken | null = null;
  for (const token of tokens) {
    if (token.kind === "space") continue;
    if (pendingString && token.text === ":") pendingString.kind = "key";
    pendingString = token.kind === "string" ? token : null;
  }
}
