/**
 * A light RFC 9535 syntax check of a JSONPath, for inline errors before the engine sees it
 * (the engine parses with serde_json_path, which is the final judge).
 *
 * Honest by design: only what the grammar surely rejects is reported. The segments outside
 * brackets are checked strictly (`$`, then `.name`, `.*`, `..name`, `..*`, `..[...]` or
 * `[...]`, blanks allowed between segments); inside brackets only emptiness is checked, since
 * selectors, slices and filters are too rich to judge here without false alarms.
 *
 * A member name after a dot is `name-first *name-char`: a letter, `_` or a non-ASCII
 * character, then those or digits. Anything else (`$.x-token`, `$.0`) needs bracket
 * notation, which the message suggests (`$["x-token"]`).
 */
import type { Problem } from "./problem";

export type JsonPathFault =
  | { kind: "root" }
  | { kind: "unclosed" }
  | { kind: "danglingDot"; at: number }
  | { kind: "memberName"; at: number; name: string }
  | { kind: "emptyBrackets"; at: number }
  | { kind: "unexpected"; at: number; char: string };

/** The first surely invalid part of `expression`, or null. */
export function jsonPathFault(expression: string): JsonPathFault | null {
  if (!expression.startsWith("$")) return { kind: "root" };
  let i = 1;
  while (i < expression.length) {
    const char = expression[i];
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "[") {
      const close = closingBracket(expression, i);
      if (close < 0) return { kind: "unclosed" };
      if (expression.slice(i + 1, close).trim() === "") return { kind: "emptyBrackets", at: i };
      i = close + 1;
    } else if (char === ".") {
      const descendant = expression[i + 1] === ".";
      const afterDots = i + (descendant ? 2 : 1);
      const next = expression[afterDots];
      if (next === undefined || /\s/.test(next)) return { kind: "danglingDot", at: i };
      if (next === "*") {
        i = afterDots + 1;
      } else if (next === "[" && descendant) {
        i = afterDots;
      } else {
        i = afterDots;
        while (i < expression.length && isNameChar(expression[i])) i += 1;
        // A name that starts wrong (`.0`) or goes on with other characters (`.x-token`):
        // the whole run up to the next segment is meant as one name, so suggest brackets.
        const wellFormed = i > afterDots && isNameFirst(next) && (i === expression.length || /[.[\s]/.test(expression[i]));
        if (!wellFormed) {
          const name = expression.slice(afterDots).match(/^[^.[\s]*/)?.[0] ?? "";
          if (name === "") return { kind: "unexpected", at: afterDots, char: next };
          return { kind: "memberName", at: afterDots, name };
        }
      }
    } else {
      return { kind: "unexpected", at: i, char };
    }
  }
  return null;
}

/** `jsonPathFault` as an inline message. */
export function jsonPathProblem(expression: string): Problem | null {
  const fault = jsonPathFault(expression);
  if (fault === null) return null;
  switch (fault.kind) {
    case "root":
      return { key: "checks.jsonpath.root" };
    case "unclosed":
      return { key: "checks.jsonpath.unclosed" };
    case "danglingDot":
      return { key: "checks.jsonpath.danglingDot" };
    case "memberName":
      return {
        key: "checks.jsonpath.memberName",
        params: { name: fault.name, suggestion: `[${JSON.stringify(fault.name)}]` },
      };
    case "emptyBrackets":
      return { key: "checks.jsonpath.emptyBrackets" };
    case "unexpected":
      return { key: "checks.jsonpath.unexpected", params: { char: fault.char, position: fault.at + 1 } };
  }
}

/** The index of the `]` closing the `[` at `open`, skipping quoted text and nested brackets. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (quote !== null) {
      if (char === "\\") i += 1;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "[" || char === "(") {
      depth += 1;
    } else if (char === "]" || char === ")") {
      depth -= 1;
      if (depth === 0) return char === "]" ? i : -1;
    }
  }
  return -1;
}

function isNameFirst(char: string): boolean {
  return /[A-Za-z_]/.test(char) || char.charCodeAt(0) >= 0x80;
}

function isNameChar(char: string): boolean {
  return isNameFirst(char) || /[0-9]/.test(char);
}
