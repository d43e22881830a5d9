import { describe, expect, it } from "vitest";
import { jsonPathFault, jsonPathProblem } from "./jsonPathSyntax";

describe("jsonPathFault", () => {
  it("accepts the RFC 9535 segment forms", () => {
    for (const path of [
      "$",
      "$.id",
      "$.a.b[0]",
      "$._x1",
      "$.*",
      "$..name",
      "$..*",
      "$..[0]",
      '$["x-y"]',
      "$['a b']",
      "$[?@.price < 10].title",
      "$.store.book[?(@.price < 10 && @.tags[0] == 'a')].title",
      "$[0:2]",
      "$[-1]",
      "$.名前",
      '$["a]b"].c',
    ]) {
      expect(jsonPathFault(path), path).toBeNull();
    }
  });

  it("requires the root", () => {
    expect(jsonPathFault("a.b")).toEqual({ kind: "root" });
    expect(jsonPathFault("@.a")).toEqual({ kind: "root" });
  });

  it("reports a dot with nothing after it", () => {
    expect(jsonPathFault("$.")).toEqual({ kind: "danglingDot", at: 1 });
    expect(jsonPathFault("$.a..")).toEqual({ kind: "danglingDot", at: 3 });
  });

  it("reports member names that need brackets, naming them", () => {
    expect(jsonPathFault("$.0")).toEqual({ kind: "memberName", at: 2, name: "0" });
    expect(jsonPathFault("$.-x")).toEqual({ kind: "memberName", at: 2, name: "-x" });
    expect(jsonPathFault("$.headers.x-token")).toEqual({ kind: "memberName", at: 10, name: "x-token" });
    expect(jsonPathFault("$.a-b[0]")).toEqual({ kind: "memberName", at: 2, name: "a-b" });
  });

  it("reports a character that cannot continue the path", () => {
    expect(jsonPathFault("$.a[0]x")).toEqual({ kind: "unexpected", at: 6, char: "x" });
    expect(jsonPathFault("$a")).toEqual({ kind: "unexpected", at: 1, char: "a" });
    expect(jsonPathFault("$.[0]")).toEqual({ kind: "unexpected", at: 2, char: "[" });
  });

  it("reports empty and unclosed brackets", () => {
    expect(jsonPathFault("$[]")).toEqual({ kind: "emptyBrackets", at: 1 });
    expect(jsonPathFault("$[ ]")).toEqual({ kind: "emptyBrackets", at: 1 });
    expect(jsonPathFault("$[0")).toEqual({ kind: "unclosed" });
    expect(jsonPathFault('$["a]')).toEqual({ kind: "unclosed" });
  });

  it("leaves bracket contents to the engine", () => {
    expect(jsonPathFault("$[whatever goes here]")).toBeNull();
  });
});

describe("jsonPathProblem", () => {
  it("suggests bracket notation for a name", () => {
    expect(jsonPathProblem("$.0")).toEqual({
      key: "checks.jsonpath.memberName",
      params: { name: "0", suggestion: '["0"]' },
    });
  });

  it("gives a 1-based position for an unexpected character", () => {
    expect(jsonPathProblem("$[0]-")).toEqual({
      key: "checks.jsonpath.unexpected",
      params: { char: "-", position: 5 },
    });
    expect(jsonPathProblem("$.a")).toBeNull();
  });
});
