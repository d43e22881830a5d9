import { describe, expect, it } from "vitest";
import type { Case } from "../bindings/Case";
import { curlRequest } from "./curlRequest";

const base: Case = { name: "c", request: { method: "POST", url: "{{base}}/items" } };

describe("curlRequest", () => {
  it("keeps enabled headers and adds the JSON content type", () => {
    const request = curlRequest({
      ...base,
      request: { ...base.request, headers: { "X-A": "1", "~X-Off": "2" }, json: { n: 1 } },
    });
    expect(request.headers).toEqual([
      ["X-A", "1"],
      ["Content-Type", "application/json"],
    ]);
    expect(request.body).toBe('{"n":1}');
  });

  it("leaves out disabled query parameters", () => {
    const request = curlRequest({ ...base, request: { ...base.request, url: "{{base}}/items?a=1&~b=2&c=3" } });
    expect(request.url).toBe("{{base}}/items?a=1&c=3");
  });

  it("adds inherited auth, and an own `none` wins over it", () => {
    const bearer = { bearer: { token: "{{t}}" } };
    expect(curlRequest(base, bearer).headers).toEqual([["Authorization", "Bearer {{t}}"]]);
    expect(curlRequest({ ...base, request: { ...base.request, auth: "none" } }, bearer).headers).toEqual([]);
    const basic = curlRequest(base, { basic: { username: "ann", password: "é" } });
    expect(basic.headers[0]?.[1]).toBe(`Basic ${btoa("ann:\u00c3\u00a9")}`);
  });

  it("puts a query API key on the URL, and form bodies url-encoded", () => {
    const request = curlRequest({
      ...base,
      request: {
        ...base.request,
        url: "http://h/x?a=1",
        auth: { api_key: { name: "key", value: "v w", in: "query" } },
        form: { q: "a b", "~skip": "x" },
      },
    });
    expect(request.url).toBe("http://h/x?a=1&key=v%20w");
    expect(request.body).toBe("q=a+b");
  });
});
