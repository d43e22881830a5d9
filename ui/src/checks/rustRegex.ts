/**
 * Inline check of a regex the engine will compile with Rust's `regex` crate.
 *
 * There is no Rust regex parser in the browser, so this is two honest approximations:
 * 1. what Rust surely rejects although JavaScript accepts it: look-around (`(?=`, `(?!`,
 *    `(?<=`, `(?<!`) and a backslash before a digit (back-references and octal escapes);
 * 2. what JavaScript's `RegExp` rejects, after rewriting the Rust-only syntax it does not
 *    know (`(?P<name>`, inline flags such as `(?i)` or `(?i:...)`), since what breaks both
 *    (unbalanced parentheses, nothing to repeat, ranges out of order) is the usual mistake.
 * Patterns in verbose mode (`x` flag) skip step 2: their comments may hold anything. Some
 * patterns JavaScript accepts are still refused by the engine (`[^]`, a lone `{`); the
 * engine reports those when the case is saved.
 */
import type { Problem } from "./problem";

export type RegexFault =
  | { kind: "lookAround"; text: string }
  | { kind: "digitEscape"; text: string }
  | { kind: "syntax"; detail: string };

/** The first fault of `pattern` as the engine would see it, or null. */
export function rustRegexFault(pattern: string): RegexFault | null {
  const rustOnly = unsupportedConstruct(pattern);
  if (rustOnly !== null) return rustOnly;
  if (/\(\?[a-zA-Z-]*x[a-zA-Z-]*[:)]/.test(pattern)) return null;
  const forJavaScript = pattern
    .replace(/\(\?P</g, "(?<")
    .replace(/\(\?[a-zA-Z-]+\)/g, "")
    .replace(/\(\?[a-zA-Z-]+:/g, "(?:");
  try {
    new RegExp(forJavaScript);
    return null;
  } catch (error) {
    return { kind: "syntax", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** `rustRegexFault` as an inline message. */
export function rustRegexProblem(pattern: string): Problem | null {
  const fault = rustRegexFault(pattern);
  if (fault === null) return null;
  switch (fault.kind) {
    case "lookAround":
      return { key: "checks.regex.lookAround", params: { text: fault.text } };
    case "digitEscape":
      return { key: "checks.regex.digitEscape", params: { text: fault.text } };
    case "syntax":
      return { key: "checks.regex.syntax", params: { detail: fault.detail } };
  }
}

/** Look-around or `\<digit>`, outside or inside character classes (Rust rejects both). */
function unsupportedConstruct(pattern: string): RegexFault | null {
  let classDepth = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[0-9]/.test(next)) return { kind: "digitEscape", text: `\\${next}` };
      i += 1;
    } else if (char === "[") {
      classDepth += 1;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      if (pattern[i + 1] === "^") i += 1;
      if (pattern[i + 1] === "]") i += 1;
    } else if (char === "]" && classDepth > 0) {
      classDepth -= 1;
    } else if (char === "(" && classDepth === 0) {
      const lookAround = pattern.slice(i).match(/^\(\?(?:=|!|<=|<!)/);
      if (lookAround !== null) return { kind: "lookAround", text: lookAround[0] };
    }
  }
  return null;
}
