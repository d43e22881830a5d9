/** What a body is, from its Content-Type and, when that says nothing useful, its content. */

export type ContentKind = "json" | "image" | "text" | "binary";

/** The first value of a header, names compared case-insensitively as HTTP requires. */
export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | null {
  const wanted = name.toLowerCase();
  const found = headers.find(([key]) => key.toLowerCase() === wanted);
  return found ? found[1] : null;
}

/** "Application/JSON; charset=utf-8" → "application/json"; "" when absent. */
export function mimeType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** application/json, application/problem+json, text/json… */
export function isJsonMime(mime: string): boolean {
  return /^[\w.-]+\/(?:[\w.-]+\+)?json$/.test(mime);
}

/** Strict shape check: the MIME type ends up inside a data: URL. */
export function isImageMime(mime: string): boolean {
  return /^image\/[\w.+-]+$/.test(mime);
}

/** Types that do not say what they hold, so the content decides. */
function isVagueMime(mime: string): boolean {
  return mime === "" || mime === "text/plain" || mime === "application/octet-stream";
}

/**
 * `text` is the body when the engine sent it as text (valid UTF-8), else null.
 * JSON sniffed from a vague type is only a guess here: the caller parses to confirm.
 */
export function detectContentKind(mime: string, text: string | null): ContentKind {
  if (isImageMime(mime)) return "image";
  if (isJsonMime(mime)) return "json";
  if (text !== null && isVagueMime(mime) && /^\s*[[{]/.test(text)) return "json";
  if (text !== null || mime.startsWith("text/") || /xml|javascript|x-www-form-urlencoded/.test(mime)) return "text";
  return "binary";
}
