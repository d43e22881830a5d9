import { describe, expect, it } from "vitest";
import {
  captureSourceProblem,
  captureSourceText,
  parseCaptureSource,
  type CaptureSource,
} from "./captureSource";

function parsed(text: string): CaptureSource {
  const result = parseCaptureSource(text);
  if ("error" in result) throw new Error(`${text}: ${JSON.stringify(result.error)}`);
  return result.source;
}

function errorKey(text: string): string {
  const result = parseCaptureSource(text);
  if ("source" in result) throw new Error(`${text} parsed`);
  return "key" in result.error ? result.error.key : result.error.text;
}

describe("parseCaptureSource", () => {
  it("reads the engine's examples", () => {
    expect(parsed("jsonpath $.id")).toEqual({ query: "jsonpath", argument: "$.id" });
    expect(parsed("header Location")).toEqual({ query: "header", argument: "Location" });
    expect(parsed("status")).toEqual({ query: "status", argument: "" });
    expect(parsed("body")).toEqual({ query: "body", argument: "" });
    expect(parsed('regex "id=(\\\\d+)"')).toEqual({ query: "regex", argument: "id=(\\d+)" });
  });

  it("keeps filters with blanks whole", () => {
    expect(parsed("jsonpath $[?@.price < 10].id")).toEqual({
      query: "jsonpath",
      argument: "$[?@.price < 10].id",
    });
  });

  it("explains what the engine refuses", () => {
    expect(errorKey("duration")).toBe("checks.capture.duration");
    expect(errorKey("")).toBe("checks.capture.sourceEmpty");
    expect(errorKey("regex id")).toBe("checks.capture.regexQuotes");
    expect(errorKey("status 200")).toBe("checks.capture.trailing");
    expect(errorKey("header")).toBe("checks.capture.headerRequired");
    expect(errorKey("header A B")).toBe("checks.capture.trailing");
    expect(errorKey("jsonpath $.a b")).toBe("checks.capture.trailing");
    expect(errorKey("jsonpath")).toBe("checks.capture.jsonPathRequired");
    expect(errorKey("stauts")).toBe("checks.capture.unknownQuery");
  });
});

describe("captureSourceText", () => {
  it("writes what parseCaptureSource reads back", () => {
    const sources: CaptureSource[] = [
      { query: "jsonpath", argument: "$.items[0].id" },
      { query: "header", argument: "Location" },
      { query: "status", argument: "" },
      { query: "body", argument: "" },
      { query: "regex", argument: 'say "(\\w+)"' },
    ];
    for (const source of sources) {
      expect(parsed(captureSourceText(source))).toEqual(source);
    }
    expect(captureSourceText({ query: "regex", argument: 'a"b\\' })).toBe('regex "a\\"b\\\\"');
    expect(captureSourceText({ query: "jsonpath", argument: "  $.id " })).toBe("jsonpath $.id");
  });
});

describe("captureSourceProblem", () => {
  it("checks the argument of each query", () => {
    expect(captureSourceProblem({ query: "jsonpath", argument: "$.id" })).toBeNull();
    expect(captureSourceProblem({ query: "jsonpath", argument: "id" })).toHaveProperty("text");
    expect(captureSourceProblem({ query: "jsonpath", argument: "$.a-b" })).toHaveProperty(
      "key",
      "checks.jsonpath.memberName",
    );
    expect(captureSourceProblem({ query: "header", argument: "" })).toHaveProperty("text");
    expect(captureSourceProblem({ query: "regex", argument: "" })).toHaveProperty(
      "key",
      "checks.capture.patternRequired",
    );
    expect(captureSourceProblem({ query: "regex", argument: "(" })).toHaveProperty("key", "checks.regex.syntax");
    expect(captureSourceProblem({ query: "regex", argument: "(?P<id>\\d+)" })).toBeNull();
    expect(captureSourceProblem({ query: "status", argument: "" })).toBeNull();
  });
});
