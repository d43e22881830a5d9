import { describe, expect, it } from "vitest";
import { paramsFromUrl, sentUrl, urlWithParams, type QueryParam } from "./queryParams";

const on = (key: string, value: string): QueryParam => ({ key, value, enabled: true });
const off = (key: string, value: string): QueryParam => ({ key, value, enabled: false });

describe("paramsFromUrl", () => {
  it("reads the pairs in order, keeping duplicates", () => {
    expect(paramsFromUrl("https://x.test/items?b=2&a=1&b=3")).toEqual([
      on("b", "2"),
      on("a", "1"),
      on("b", "3"),
    ]);
  });

  it("gives an empty value for `a=` and for a bare `a`", () => {
    expect(paramsFromUrl("http://x/?a=&flag&=v")).toEqual([
      on("a", ""),
      on("flag", ""),
      on("", "v"),
    ]);
  });

  it("finds no rows without a query, or with an empty one", () => {
    expect(paramsFromUrl("http://x/items")).toEqual([]);
    expect(paramsFromUrl("http://x/items?")).toEqual([]);
    expect(paramsFromUrl("http://x/items?#top")).toEqual([]);
    expect(paramsFromUrl("")).toEqual([]);
  });

  it("skips empty pairs", () => {
    expect(paramsFromUrl("http://x/?&a=1&&b=2&")).toEqual([on("a", "1"), on("b", "2")]);
  });

  it("stops at the fragment, and ignores a `?` inside it", () => {
    expect(paramsFromUrl("http://x/?a=1#frag?b=2")).toEqual([on("a", "1")]);
    expect(paramsFromUrl("http://x/#/route?b=2")).toEqual([]);
  });

  it("splits a pair at its first `=` only", () => {
    expect(paramsFromUrl("http://x/?token=abc==&e=a=b")).toEqual([
      on("token", "abc=="),
      on("e", "a=b"),
    ]);
  });

  it("keeps a later `?` as part of the query", () => {
    expect(paramsFromUrl("http://x/?next=/a?b")).toEqual([on("next", "/a?b")]);
  });

  it("percent-decodes keys and values, with `+` as a space", () => {
    expect(paramsFromUrl("http://x/?city=S%C3%A3o+Paulo&a%26b=c%3Dd&plus=1%2B1")).toEqual([
      on("city", "São Paulo"),
      on("a&b", "c=d"),
      on("plus", "1+1"),
    ]);
  });

  it("keeps malformed percent sequences as written", () => {
    expect(paramsFromUrl("http://x/?a=100%&b=%zz&c=%E0%A4&d=%41")).toEqual([
      on("a", "100%"),
      on("b", "%zz"),
      on("c", "%E0%A4"),
      on("d", "A"),
    ]);
  });

  it("reads template URLs without touching the templates", () => {
    expect(paramsFromUrl("{{base}}/items?q={{term}}&page=2&{{ key }}=a+{{v%20x}}")).toEqual([
      on("q", "{{term}}"),
      on("page", "2"),
      on("{{ key }}", "a {{v%20x}}"),
    ]);
  });

  it("does not split at separators inside a template", () => {
    expect(paramsFromUrl("{{base?x}}/p?a={{b&c=d}}#{{e#f}}")).toEqual([on("a", "{{b&c=d}}")]);
  });
});

describe("urlWithParams", () => {
  it("writes the rows in order, disabled ones marked, keeping the path and the fragment", () => {
    const params = [on("b", "2"), off("hidden", "x"), on("a", "1")];
    expect(urlWithParams("http://x/items?old=1#top", params)).toBe("http://x/items?b=2&~hidden=x&a=1#top");
  });

  it("reads a disabled row back, and a key of its own starting with ~ stays apart", () => {
    const params = [off("debug", "{{never}}"), on("~home", "1"), off("~x", "2")];
    const url = urlWithParams("{{base}}/p", params);
    expect(url).toBe("{{base}}/p?~debug={{never}}&%7Ehome=1&~%7Ex=2");
    expect(paramsFromUrl(url)).toEqual(params);
    expect(sentUrl(url)).toBe("{{base}}/p?%7Ehome=1");
  });

  it("adds a query to a URL without one, before the fragment", () => {
    expect(urlWithParams("http://x/p#frag", [on("a", "1")])).toBe("http://x/p?a=1#frag");
  });

  it("writes no `?` when there is no row", () => {
    expect(urlWithParams("http://x/p?a=1", [])).toBe("http://x/p");
  });
});

describe("sentUrl", () => {
  it("leaves out disabled pairs, and the `?` when none is left", () => {
    expect(sentUrl("http://x/p?a=1&~b=2&c=3#f")).toBe("http://x/p?a=1&c=3#f");
    expect(sentUrl("http://x/p?~a=1#f")).toBe("http://x/p#f");
  });

  it("gives back a URL without disabled pairs exactly as written", () => {
    for (const url of ["http://x/~user/p", "http://x/p?a=1&&b", "{{base}}/p?q={{a&~b}}"]) {
      expect(sentUrl(url)).toBe(url);
    }
  });

  it("leaves out blank rows but keeps rows with only a key or only a value", () => {
    const params = [on("", ""), on("k", ""), on("", "v")];
    expect(urlWithParams("http://x/", params)).toBe("http://x/?k=&=v");
  });

  it("encodes what would change the meaning of the query", () => {
    expect(urlWithParams("http://x/", [on("a&b=c", "d&e#f+g%h"), on("q", "two words")])).toBe(
      "http://x/?a%26b%3Dc=d%26e%23f%2Bg%25h&q=two+words",
    );
  });

  it("encodes non-ASCII text, quotes and braces, and leaves URL-safe characters alone", () => {
    const params = [on("json", '{"city":"São"}'), on("next", "/a/b?c=d:e@f,$!*'()~")];
    expect(urlWithParams("http://x/", params)).toBe(
      "http://x/?json=%7B%22city%22:%22S%C3%A3o%22%7D&next=/a/b?c=d:e@f,$!*'()~",
    );
  });

  it("keeps templates intact while encoding the text around them", () => {
    expect(urlWithParams("{{base}}/s", [on("{{ key }}", "a b&{{term}}")])).toBe(
      "{{base}}/s?{{ key }}=a+b%26{{term}}",
    );
  });

  it("encodes a literal `{{` so it cannot join a later `}}` into a template", () => {
    const params = [on("a", "{{x"), on("b", "}}")];
    const url = urlWithParams("http://x/", params);
    expect(url).toBe("http://x/?a=%7B%7Bx&b=%7D%7D");
    expect(paramsFromUrl(url)).toEqual(params);
  });

  it("gives back the rows it was given, whatever they hold", () => {
    const params = [
      on("q", "50% off & more = less + #1"),
      on("emoji", "😀 ✓"),
      on("", "only value"),
      on("braces", "{a}{{b}}"),
      on("tab", "a\tb\nc"),
    ];
    expect(paramsFromUrl(urlWithParams("{{base}}/x#f", params))).toEqual(params);
  });
});

describe("round trip", () => {
  it.each([
    "https://api.example.com/items?q=shoes&page=2#top",
    "{{base}}/items?q={{term}}&page=2",
    "http://x/?a=1&a=2&b=",
    "http://x/?name=John+Smith&city=S%C3%A3o+Paulo",
    "{{base}}/search?filter=a%26b=c&{{key}}={{ value }}",
    "http://x/path#frag",
    "http://x/path",
    "{{base}}",
    "http://x/?token=abc==&redirect=https://y.test/cb?z=1",
    "http://x/?plus=1%2B1&pct=100%25",
    "http://x/?=only-value&k=#/route?not=query",
    "{{scheme}}://{{host}}:{{port}}/v1?ids=1,2,3&t={{$timestamp}}",
  ])("keeps %s as it is", (url) => {
    expect(urlWithParams(url, paramsFromUrl(url))).toBe(url);
  });

  it("rewrites a non-canonical query canonically", () => {
    const rewritten = (url: string) => urlWithParams(url, paramsFromUrl(url));
    expect(rewritten("http://x/?a&b=%2f&c=x%20y&d=x%3Dy&&")).toBe("http://x/?a=&b=/&c=x+y&d=x=y");
    expect(rewritten("http://x/?")).toBe("http://x/");
  });
});
