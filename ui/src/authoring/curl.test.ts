import { describe, expect, it } from "vitest";
import { toCurl, type CurlRequest } from "./curl";

/**
 * Splits a command line as a POSIX shell would, for what `toCurl` writes: single quotes,
 * backslash escapes outside quotes, backslash-newline continuations, blanks between words.
 * Double quotes and expansions are not supported: a `"` or `$` outside single quotes fails.
 */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i += 1) {
    const char = command[i];
    if (char === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unclosed quote at ${i}`);
      word = (word ?? "") + command.slice(i + 1, close);
      i = close;
    } else if (char === "\\") {
      const next = command[i + 1];
      if (next === undefined) throw new Error("trailing backslash");
      if (next !== "\n") word = (word ?? "") + next;
      i += 1;
    } else if (char === " " || char === "\t" || char === "\n") {
      if (char === "\n") throw new Error(`unescaped newline at ${i}`);
      if (word !== null) words.push(word);
      word = null;
    } else if (char === '"' || char === "$" || char === "`") {
      throw new Error(`unquoted ${char} at ${i}`);
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

type SentRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
};

/** What curl would send for `words` (the options `toCurl` uses only). */
function curlRequest(words: string[]): SentRequest {
  expect(words[0]).toBe("curl");
  let method: string | null = null;
  let url: string | null = null;
  let body: string | null = null;
  const headers: [string, string][] = [];
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i];
    if (word === "-X") method = words[++i];
    else if (word === "--head") method = "HEAD";
    else if (word === "--data-raw") body = words[++i];
    else if (word === "-H") {
      const header = words[++i];
      const colon = header.indexOf(":");
      headers.push(
        colon < 0 && header.endsWith(";")
          ? [header.slice(0, -1), ""]
          : [header.slice(0, colon), header.slice(colon + 1).replace(/^ /, "")],
      );
    } else if (word.startsWith("-")) throw new Error(`unexpected option ${word}`);
    else if (url === null) url = word;
    else throw new Error(`second URL ${word}`);
  }
  if (url === null) throw new Error("no URL");
  return { method: method ?? (body === null ? "GET" : "POST"), url, headers, body };
}

const sent = (request: CurlRequest, values: Record<string, string> = {}) =>
  curlRequest(shellWords(toCurl(request, values)));

describe("toCurl", () => {
  it("writes one option per line", () => {
    const request: CurlRequest = {
      method: "POST",
      url: "{{base}}/items",
      headers: [
        ["Content-Type", "application/json"],
        ["Authorization", "Bearer {{token}}"],
      ],
      body: '{"name":"widget"}',
    };
    expect(toCurl(request, { base: "http://localhost:8080", token: "t0k" })).toBe(
      [
        "curl -X POST 'http://localhost:8080/items' \\",
        "  -H 'Content-Type: application/json' \\",
        "  -H 'Authorization: Bearer t0k' \\",
        `  --data-raw '{"name":"widget"}'`,
      ].join("\n"),
    );
  });

  it("leaves out -X GET for a GET without a body", () => {
    for (const body of [undefined, null, ""]) {
      expect(toCurl({ method: "GET", url: "http://x/", headers: [], body }, {})).toBe(
        "curl 'http://x/'",
      );
    }
  });

  it("keeps -X GET when a GET carries a body, which curl would otherwise POST", () => {
    expect(toCurl({ method: "GET", url: "http://x/", headers: [], body: "q" }, {})).toBe(
      "curl -X GET 'http://x/' \\\n  --data-raw 'q'",
    );
  });

  it("writes -X for other methods without a body, upper-cased as the engine reads them", () => {
    expect(toCurl({ method: " delete ", url: "http://x/1", headers: [] }, {})).toBe(
      "curl -X DELETE 'http://x/1'",
    );
  });

  it("sends HEAD with --head, which does not wait for a body", () => {
    expect(toCurl({ method: "HEAD", url: "http://x/", headers: [] }, {})).toBe(
      "curl --head 'http://x/'",
    );
    expect(sent({ method: "HEAD", url: "http://x/", headers: [] }).method).toBe("HEAD");
  });

  it("writes an empty header value in the form curl sends", () => {
    expect(toCurl({ method: "GET", url: "http://x/", headers: [["X-Empty", ""]] }, {})).toBe(
      "curl 'http://x/' \\\n  -H 'X-Empty;'",
    );
  });

  it("leaves unknown and dynamic variables as written", () => {
    const request: CurlRequest = { method: "GET", url: "{{base}}/{{$uuid}}", headers: [] };
    expect(sent(request, { $uuid: "no" }).url).toBe("{{base}}/{{$uuid}}");
  });

  it("escapes single quotes", () => {
    expect(toCurl({ method: "POST", url: "http://x/", headers: [], body: "it's" }, {})).toBe(
      "curl -X POST 'http://x/' \\\n  --data-raw 'it'\\''s'",
    );
  });

  it("gives back the exact request when the shell reads it", () => {
    const request: CurlRequest = {
      method: "PATCH",
      url: "http://x/items/{{id}}?q='a b'&v=$HOME&c=`x`",
      headers: [
        ["X-Quote", `it's "quoted" \\ and 'twice'`],
        ["X-Dollar", "$(rm -rf /) ${PATH} $1"],
        ["X-Spaces", "  lead and trail  "],
        ["X-Dup", "1"],
        ["X-Dup", "{{id}}"],
        ["{{name}}", "from a template"],
      ],
      body: "line one\nline 'two'\n\n\tindented $x \\\nend\n",
    };
    expect(sent(request, { id: "42", name: "X-Named" })).toEqual({
      method: "PATCH",
      url: "http://x/items/42?q='a b'&v=$HOME&c=`x`",
      headers: [
        ["X-Quote", `it's "quoted" \\ and 'twice'`],
        ["X-Dollar", "$(rm -rf /) ${PATH} $1"],
        ["X-Spaces", "  lead and trail  "],
        ["X-Dup", "1"],
        ["X-Dup", "42"],
        ["X-Named", "from a template"],
      ],
      body: "line one\nline 'two'\n\n\tindented $x \\\nend\n",
    });
  });

  it("renders values holding quotes and newlines safely", () => {
    const values = { token: "a'b\nc $d" };
    const request: CurlRequest = {
      method: "POST",
      url: "http://x/",
      headers: [["Auth", "{{token}}"]],
      body: "{{token}}",
    };
    expect(sent(request, values)).toEqual({
      method: "POST",
      url: "http://x/",
      headers: [["Auth", "a'b\nc $d"]],
      body: "a'b\nc $d",
    });
  });
});

describe("shellWords (the test's own splitter)", () => {
  it("reads quotes, escapes and continuations", () => {
    expect(shellWords("a 'b c' d\\ e 'f'\\''g' \\\n  h''")).toEqual([
      "a",
      "b c",
      "d e",
      "f'g",
      "h",
    ]);
  });

  it("rejects what it does not model", () => {
    expect(() => shellWords("a $b")).toThrow("unquoted $");
    expect(() => shellWords("a 'b")).toThrow("unclosed quote");
    expect(() => shellWords("a\nb")).toThrow("unescaped newline");
  });
});
