import { describe, expect, it } from "vitest";
import { rustRegexFault, rustRegexProblem } from "./rustRegex";

describe("rustRegexFault", () => {
  it("accepts ordinary and Rust-only syntax", () => {
    for (const pattern of [
      "^ok$",
      "id=(\\d+)",
      "(?P<id>\\d+)",
      "(?<id>\\d+)",
      "(?i)hello",
      "a(?i:b)c",
      "(?x) a # comment with ( unbalanced",
      "[(?=]",
      "\\(?=",
      "[]a]",
      "[^]a]",
      "\\pL+",
    ]) {
      expect(rustRegexFault(pattern), pattern).toBeNull();
    }
  });

  it("refuses look-around, which Rust does not support", () => {
    expect(rustRegexFault("a(?=b)")).toEqual({ kind: "lookAround", text: "(?=" });
    expect(rustRegexFault("(?<!x)y")).toEqual({ kind: "lookAround", text: "(?<!" });
  });

  it("refuses back-references and octal escapes", () => {
    expect(rustRegexFault("(a)\\1")).toEqual({ kind: "digitEscape", text: "\\1" });
    expect(rustRegexFault("[\\0]")).toEqual({ kind: "digitEscape", text: "\\0" });
    expect(rustRegexFault("\\\\1")).toBeNull();
  });

  it("reports what neither syntax accepts", () => {
    for (const pattern of ["(", "a)", "*a", "[z-a]"]) {
      const fault = rustRegexFault(pattern);
      expect(fault?.kind, pattern).toBe("syntax");
    }
  });
});

describe("rustRegexProblem", () => {
  it("carries the detail into the message", () => {
    const problem = rustRegexProblem("(");
    expect(problem && "key" in problem ? problem.key : null).toBe("checks.regex.syntax");
    expect(rustRegexProblem("ok")).toBeNull();
  });
});
