/**
 * The URL of a request and its query-parameter table, kept in sync as Postman does: editing
 * the URL re-reads the table (`paramsFromUrl`), editing the table rewrites the URL
 * (`urlWithParams`).
 *
 * URLs are templates (`{{base}}/items?q={{term}}`) that `new URL()` rejects, so they are
 * parsed by hand, and `{{...}}` is never decoded, encoded or split: separators inside a
 * template do not count.
 *
 * A disabled row is written into the URL with `~` before its key (`?page=2&~debug=1`): the
 * file keeps it, the runner never sends it (the `~` convention of headers and form fields).
 * A key that really starts with `~` is written `%7E`. Rows with neither key nor value (a
 * blank row being filled in) are left out. `sentUrl` is the URL as the runner sends it.
 *
 * Canonical form: keys and values percent-encoded where needed and nowhere else (space as
 * `+`, upper-case hex, `{`, `}` and non-ASCII encoded, `=` left as is in values), every
 * pair written `key=value`, no empty pairs. Invariant: `urlWithParams(url, paramsFromUrl(url))`
 * gives back `url` whenever its query is canonical; other URLs come back canonical.
 */
import { templateSegments } from "./templates";

/** One row of the query-parameter table; `key` and `value` are decoded. */
export type QueryParam = { key: string; value: string; enabled: boolean };

/** Written before the key of a disabled pair. */
const DISABLED = "~";

/** The rows of the query of `url` (after the first `?`, before the `#`). */
export function paramsFromUrl(url: string): QueryParam[] {
  const { query } = splitUrl(url);
  if (query === null) return [];
  return splitOutsideTemplates(query, "&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const enabled = !pair.startsWith(DISABLED);
      const [key, value = ""] = splitOutsideTemplates(enabled ? pair : pair.slice(DISABLED.length), "=", 1);
      return { key: decodeQueryPart(key), value: decodeQueryPart(value), enabled };
    });
}

/** `url` with its query replaced by the rows of `params`, in order. */
export function urlWithParams(url: string, params: readonly QueryParam[]): string {
  const { beforeQuery, fragment } = splitUrl(url);
  const query = params
    .filter((param) => param.key !== "" || param.value !== "")
    .map((param) => {
      const key = encodeQueryPart(param.key, KEY_SAFE);
      // A key of its own starting with `~` must not read as the disabled marker.
      const safeKey = key.startsWith(DISABLED) ? `%7E${key.slice(DISABLED.length)}` : key;
      return `${param.enabled ? "" : DISABLED}${safeKey}=${encodeQueryPart(param.value, VALUE_SAFE)}`;
    })
    .join("&");
  return beforeQuery + (query === "" ? "" : `?${query}`) + fragment;
}

/** `url` without its disabled pairs: what the runner sends (for cURL). Other pairs are
 * kept exactly as written. */
export function sentUrl(url: string): string {
  const { beforeQuery, query, fragment } = splitUrl(url);
  if (query === null) return url;
  const pairs = splitOutsideTemplates(query, "&").filter((pair) => pair !== "");
  const enabled = pairs.filter((pair) => !pair.startsWith(DISABLED));
  if (enabled.length === pairs.length) return url;
  return beforeQuery + (enabled.length === 0 ? "" : `?${enabled.join("&")}`) + fragment;
}

/** `url` cut into what precedes the query, the query (null without `?`) and the `#...`. */
function splitUrl(url: string): { beforeQuery: string; query: string | null; fragment: string } {
  const hash = indexOutsideTemplates(url, "#");
  const withoutFragment = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? "" : url.slice(hash);
  const mark = indexOutsideTemplates(withoutFragment, "?");
  if (mark < 0) return { beforeQuery: withoutFragment, query: null, fragment };
  return { beforeQuery: url.slice(0, mark), query: withoutFragment.slice(mark + 1), fragment };
}

/** The first index of `char` in `text` outside `{{...}}`, or -1. */
function indexOutsideTemplates(text: string, char: string): number {
  for (const segment of templateSegments(text)) {
    if (segment.kind !== "text") continue;
    const at = segment.text.indexOf(char);
    if (at >= 0) return segment.start + at;
  }
  return -1;
}

/** `text` split at `separator` outside `{{...}}`, at most `limit` times. */
function splitOutsideTemplates(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < limit) {
    const at = indexOutsideTemplates(rest, separator);
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

/** Characters written as is: unreserved, and reserved ones that mean nothing in a query part. */
const KEY_SAFE = /[A-Za-z0-9\-._~!$'()*,;:@/?]/;
/** In a value `=` is safe too: only the first `=` of a pair separates key and value. */
const VALUE_SAFE = /[A-Za-z0-9\-._~!$'()*,;:@/?=]/;

function encodeQueryPart(part: string, safe: RegExp): string {
  return templateSegments(part)
    .map((segment) => (segment.kind === "variable" ? segment.text : encodeText(segment.text, safe)))
    .join("");
}

function encodeText(text: string, safe: RegExp): string {
  let encoded = "";
  for (const char of text) {
    if (char === " ") encoded += "+";
    else if (safe.test(char)) encoded += char;
    else encoded += percentEncode(char);
  }
  return encoded;
}

/** UTF-8 percent-encoding of one code point; a lone surrogate becomes U+FFFD. */
function percentEncode(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return encodeURIComponent("\uFFFD");
  }
}

function decodeQueryPart(part: string): string {
  return templateSegments(part)
    .map((segment) => (segment.kind === "variable" ? segment.text : decodeText(segment.text)))
    .join("");
}

/** `+` is a space; runs of `%XX` that are not valid UTF-8, and stray `%`, stay as written. */
function decodeText(text: string): string {
  return text
    .replaceAll("+", " ")
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
}
