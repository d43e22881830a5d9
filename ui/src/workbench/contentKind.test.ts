import { describe, expect, it } from "vitest";
import { detectContentKind, headerValue, isImageMime, isJsonMime, mimeType } from "./contentKind";

describe("contentKind", () => {
  it("finds headers whatever their case", () => {
    const headers: Array<[string, string]> = [["Content-Type", "text/html"], ["content-type", "ignored"]];
    expect(headerValue(headers, "content-type")).toBe("text/html");
    expect(headerValue(headers, "x-missing")).toBeNull();
  });

  it("reduces Content-Type to its MIME type", () => {
    expect(mimeType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mimeType(null)).toBe("");
  });

  it("recognises JSON and image types", () => {
    expect(isJsonMime("application/json")).toBe(true);
    expect(isJsonMime("application/problem+json")).toBe(true);
    expect(isJsonMime("application/jsonp")).toBe(false);
    expect(isImageMime("image/svg+xml")).toBe(true);
    expect(isImageMime("image/png\"><script>")).toBe(false);
  });

  it("trusts a specific Content-Type", () => {
    expect(detectContentKind("image/png", null)).toBe("image");
    expect(detectContentKind("application/json", "not json")).toBe("json");
    expect(detectContentKind("text/html", "{}")).toBe("text");
  });

  it("looks at the content when the type is vague", () => {
    expect(detectContentKind("", ' {"a":1}')).toBe("json");
    expect(detectContentKind("text/plain", "[1]")).toBe("json");
    expect(detectContentKind("", "hello")).toBe("text");
    expect(detectContentKind("application/octet-stream", null)).toBe("binary");
  });

  it("keeps textual types as text even when cut mid-character", () => {
    expect(detectContentKind("text/csv", null)).toBe("text");
    expect(detectContentKind("application/xml", null)).toBe("text");
  });
});
