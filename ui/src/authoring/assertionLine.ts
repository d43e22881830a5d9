/**
 * The assertion rows of the request editor and the one-line text form of the native format,
 * `QUERY PREDICATE [VALUE]`, both ways (the engine's reader: crates/engine/src/model/
 * assertion/parse.rs; the format: docs/collection-format.md, "Assertions").
 *
 * `parseAssertionLine` checks the shape of a line (query, argument, predicate, a value that
 * is JSON or a lone `{{name}}`); `checkRow` checks what a row means (numbers where numbers
 * are compared, a regex that compiles, a JSONPath that starts with `$`), for inline
 * warnings as the user edits a row.
 *
 * Invariants: `assertionLine` writes canonical text (single spaces, no line break), and
 * `parseAssertionLine(assertionLine(row))` gives back `row` for every row `checkRow` accepts,
 * its argument and value trimmed and line breaks in the value turned into spaces.
 */
import { jsonPathWords } from "./jsonPathWords";

export const QUERIES = ["status", "header", "jsonpath", "body", "duration"] as const;
export type Query = (typeof QUERIES)[number];

export const PREDICATES = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "contains",
  "matches",
  "exists",
  "not exists",
] as const;
export type Predicate = (typeof PREDICATES)[number];

/**
 * One assertion row. `argument` is the header name or the JSONPath (empty for the other
 * queries); `value` is JSON text as the user typed it (empty for exists / not exists).
 */
export type AssertionRow = { query: Query; argument: string; predicate: Predicate; value: string };

/** Whether `query` reads an argument (`header NAME`, `jsonpath EXPR`). */
export function queryTakesArgument(query: Query): boolean {
  return query === "header" || query === "jsonpath";
}

/** Whether `predicate` compares with a value (all but exists / not exists). */
export function predicateTakesValue(predicate: Predicate): boolean {
  return predicate !== "exists" && predicate !== "not exists";
}

const QUERY_LIST = "status, header NAME, jsonpath EXPR, body or duration";
const PREDICATE_LIST = "==, !=, <, <=, >, >=, contains, matches, exists, not exists";

/** Reads one line of the text form. */
export function parseAssertionLine(line: string): { row: AssertionRow } | { error: string } {
  const [word, afterWord] = firstWord(line);
  if (word === "") return { error: "empty assertion" };
  if (!isQuery(word)) {
    return { error: `unknown query \`${word}\` (expected ${QUERY_LIST})` };
  }
  let argument = "";
  let rest = afterWord;
  if (word === "header") {
    [argument, rest] = firstWord(afterWord);
    if (argument === "") {
      return { error: "`header` needs a header name, e.g. `header Content-Type`" };
    }
  } else if (word === "jsonpath") {
    [argument, rest] = splitJsonPath(afterWord);
    if (argument === "") return { error: "`jsonpath` needs an expression, e.g. `jsonpath $.id`" };
  }
  const predicate = parsePredicate(rest);
  if ("error" in predicate) return predicate;
  const value = predicate.rest.trim();
  const problem = valueProblem(predicate.predicate, value);
  if (problem !== null) return { error: problem };
  return { row: { query: word, argument, predicate: predicate.predicate, value } };
}

/** The canonical text of `row`. */
export function assertionLine(row: AssertionRow): string {
  const parts: string[] = [row.query];
  if (queryTakesArgument(row.query)) parts.push(row.argument.trim());
  parts.push(row.predicate);
  // JSON strings cannot hold a raw line break, so outside a string it is mere whitespace.
  if (predicateTakesValue(row.predicate)) {
    parts.push(row.value.trim().replace(/\s*[\r\n]\s*/g, " "));
  }
  return parts.filter((part) => part !== "").join(" ");
}

/** What is wrong with `row`, in a sentence, or null when the engine should accept it. */
export function checkRow(row: AssertionRow): string | null {
  const argument = row.argument.trim();
  if (queryTakesArgument(row.query) && argument === "") {
    return row.query === "header" ? "a header name is needed" : "a JSONPath expression is needed";
  }
  if (!queryTakesArgument(row.query) && argument !== "") {
    return `\`${row.query}\` takes no argument`;
  }
  if (row.query === "header" && /\s/.test(argument)) return "a header name cannot hold spaces";
  if (row.query === "jsonpath") {
    if (!argument.startsWith("$")) return "a JSONPath starts with `$`, e.g. `$.id`";
    const words = jsonPathWords(argument);
    if (!words.balanced) return "the JSONPath has an unclosed bracket, parenthesis or quote";
    if (words.starts.length > 1) {
      return "a JSONPath may hold spaces only inside brackets or quotes, e.g. `$[?@.price < 10]`";
    }
  }
  const value = row.value.trim();
  const problem = valueProblem(row.predicate, value);
  if (problem !== null || value === "" || lonelyTemplate(value)) return problem;
  const literal: unknown = JSON.parse(value);
  if (isOrdering(row.predicate) && typeof literal !== "number") {
    return `\`${row.predicate}\` compares numbers; ${value} is not a number`;
  }
  const numericQuery = row.query === "status" || row.query === "duration";
  const equality = row.predicate === "==" || row.predicate === "!=";
  if (numericQuery && equality && typeof literal !== "number") {
    return `\`${row.query}\` is a number; ${value} is not`;
  }
  if (row.predicate === "matches") {
    if (typeof literal !== "string") return `\`matches\` needs a regex in quotes, e.g. "^ok"`;
    return regexProblem(literal);
  }
  return null;
}

/** The value's fault for `predicate`: missing, unexpected, or neither JSON nor `{{name}}`. */
function valueProblem(predicate: Predicate, value: string): string | null {
  if (!predicateTakesValue(predicate)) {
    return value === "" ? null : `\`${predicate}\` takes no value`;
  }
  if (value === "") return `\`${predicate}\` needs a value`;
  if (lonelyTemplate(value) || isJson(value)) return null;
  return `the value is not JSON: ${value} (quote text: "text", or use a lone {{variable}})`;
}

/**
 * Checked with JavaScript's `RegExp`; the engine compiles Rust `regex` syntax, which is the
 * final judge (it has no look-around or back-references, JavaScript has no `(?x)`...). A
 * leading inline-flag group such as `(?i)`, common in Rust patterns, is set aside first, and
 * a pattern holding a template is only known once rendered, so it is not checked.
 */
function regexProblem(pattern: string): string | null {
  if (pattern.includes("{{")) return null;
  try {
    new RegExp(pattern.replace(/^\(\?[a-zA-Z]+\)/, ""));
    return null;
  } catch (error) {
    return `invalid regex: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function isQuery(word: string): word is Query {
  return (QUERIES as readonly string[]).includes(word);
}

function isOrdering(predicate: Predicate): boolean {
  return predicate === "<" || predicate === "<=" || predicate === ">" || predicate === ">=";
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `{{name}}` alone, spaces inside the braces allowed, as the engine reads a typed variable. */
function lonelyTemplate(text: string): boolean {
  if (!text.startsWith("{{") || !text.endsWith("}}")) return false;
  const inner = text.slice(2, -2).trim();
  return inner !== "" && !inner.includes("{{") && !inner.includes("}}");
}

/** The first blank-separated word of `text`, and what follows it, trimmed at the start. */
function firstWord(text: string): [string, string] {
  const trimmed = text.trimStart();
  const blank = trimmed.search(/\s/);
  return blank < 0 ? [trimmed, ""] : [trimmed.slice(0, blank), trimmed.slice(blank).trimStart()];
}

function parsePredicate(text: string): { predicate: Predicate; rest: string } | { error: string } {
  const [word, rest] = firstWord(text);
  if (word === "") return { error: `missing predicate (${PREDICATE_LIST})` };
  if (word === "not") {
    const [next, afterNext] = firstWord(rest);
    return next === "exists"
      ? { predicate: "not exists", rest: afterNext }
      : { error: "`not` must be followed by `exists`" };
  }
  if (!(PREDICATES as readonly string[]).includes(word)) {
    return { error: `unknown predicate \`${word}\` (expected ${PREDICATE_LIST})` };
  }
  return { predicate: word as Predicate, rest };
}

/** Words that start a predicate (`not` starts `not exists`). */
const PREDICATE_WORDS: ReadonlySet<string> = new Set([
  ...PREDICATES.filter((predicate) => predicate !== "not exists"),
  "not",
]);

/**
 * Splits `text` into a JSONPath expression and the rest: the expression runs to the first
 * predicate word standing alone outside brackets, parentheses and quotes, so filters such as
 * `$[?@.price < 10]` stay whole. Without such a word it is all expression.
 */
function splitJsonPath(text: string): [string, string] {
  const source = text.trim();
  const predicateAt = jsonPathWords(source).starts.find((start) =>
    PREDICATE_WORDS.has(firstWord(source.slice(start))[0]),
  );
  if (predicateAt === undefined) return [source, ""];
  return [source.slice(0, predicateAt).trimEnd(), source.slice(predicateAt)];
}
