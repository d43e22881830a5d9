/**
 * "Copy as cURL": a request of the editor as a POSIX shell command, with its templates
 * rendered by `renderTemplate` (unknown and dynamic ones stay as written).
 *
 * Shape: `curl -X METHOD 'url'`, then one option per line (`-H 'Name: value'`, then
 * `--data-raw 'body'`), lines joined by ` \` and a newline. Every header, the URL and the
 * body are single-quoted (`'` written `'\''`), so the shell passes them through exactly:
 * `$`, spaces and newlines included; a multi-line body stays one argument.
 *
 * curl quirks handled: `-X GET` is left out for a GET without a body (it is the default);
 * a HEAD without a body is written `--head`, since `-X HEAD` makes curl wait for a body that
 * never comes; a header with an empty value is written `Name;`, since `Name:` would make curl
 * drop the header. An empty body counts as no body.
 */
import { renderTemplate } from "./templates";

/** What "Copy as cURL" needs of a request; headers keep their order and duplicates. */
export type CurlRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string | null;
};

/** The shell command that sends `request` with its variables taken from `values`. */
export function toCurl(request: CurlRequest, values: Readonly<Record<string, string>>): string {
  const render = (text: string) => renderTemplate(text, values);
  const body = request.body ? render(request.body) : null;
  const method = request.method.trim().toUpperCase(); // as the engine reads it
  const first = ["curl", ...methodOption(method, body !== null), shellQuote(render(request.url))];
  const lines = [first.join(" ")];
  for (const [name, value] of request.headers) {
    lines.push(`-H ${shellQuote(headerArgument(render(name), render(value)))}`);
  }
  if (body !== null) lines.push(`--data-raw ${shellQuote(body)}`);
  return lines.join(" \\\n  ");
}

function methodOption(method: string, hasBody: boolean): string[] {
  if (method === "GET" && !hasBody) return [];
  if (method === "HEAD" && !hasBody) return ["--head"];
  return ["-X", shellWord(method)];
}

/** curl's `-H` form; `Name;` is how curl sends a header whose value is empty. */
function headerArgument(name: string, value: string): string {
  return value === "" ? `${name};` : `${name}: ${value}`;
}

/** `text` as one single-quoted shell word. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** `text` bare when the shell would read it unchanged, quoted otherwise. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_\-.]+$/.test(text) ? text : shellQuote(text);
}
