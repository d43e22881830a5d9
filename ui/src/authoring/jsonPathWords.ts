/**
 * Words of a JSONPath expression as the engine's assertion reader sees them: a blank ends
 * the expression only outside brackets, parentheses and quotes, so a filter such as
 * `$[?@.price < 10]` or a member such as `$["a b"]` is one word.
 *
 * Invariant: `starts` lists, in increasing order, each index where a non-blank character
 * follows a blank (or begins the text) at the top level; `balanced` tells whether every
 * bracket, parenthesis and quote opened in the text is closed (a backslash escapes the next
 * character inside quotes).
 */
export function jsonPathWords(text: string): { starts: number[]; balanced: boolean } {
  const starts: number[] = [];
  let depth = 0;
  let quote: string | null = null;
  let escaped = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote !== null) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === quote) quote = null;
      continue;
    }
    const wordStart = depth <= 0 && !isBlank(char) && (i === 0 || isBlank(text[i - 1]));
    if (wordStart) starts.push(i);
    if (char === "'" || char === '"') quote = char;
    else if (char === "[" || char === "(") depth += 1;
    else if (char === "]" || char === ")") depth -= 1;
  }
  return { starts, balanced: depth === 0 && quote === null };
}

function isBlank(char: string): boolean {
  return /\s/.test(char);
}
