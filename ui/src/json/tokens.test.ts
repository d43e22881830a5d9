import { describe, expect, it } from "vitest";
import { jsonTokens, type JsonTokenKind } from "./tokens";

const kinds = (text: string): Array<[JsonTokenKind, string]> =>
  jsonTokens(text)
    .filter((token) => token.kind !== "space")
    .map((token) => [token.kind, token.text]);

describe("jsonTokens", () => {
  it("tells keys from string values, and numbers and literals apart", () => {
    expect(kinds('{"id" : 9007199254740993, "tags": ["a", true, null, -1.5e3]}')).toEqual([
      ["punctuation", "{"],
      ["key", '"id"'],
      ["punctuation", ":"],
      ["number", "9007199254740993"],
      ["punctuation", ","],
      ["key", '"tags"'],
      ["punctuation", ":"],
      ["punctuation", "["],
      ["string", '"a"'],
      ["punctuation", ","],
      ["literal", "true"],
      ["punctuation", ","],
      ["literal", "null"],
      ["punctuation", ","],
      ["number", "-1.5e3"],
      ["punctuation", "]"],
      ["punctuation", "}"],
    ]);
  });

  it("keeps escaped quotes inside a string", () => {
    expect(kinds('["say \\"hi\\"", "\\\\"]')).toEqual([
      ["punctuation", "["],
      ["string", '"say \\"hi\\""'],
      ["punctuation", ","],
      ["string", '"\\\\"'],
      ["punctuation", "]"],
    ]);
  });

  it("marks what is not JSON, and ends an unclosed string at its line", () => {
    expect(kinds("[trueish, 12abc, undefined, 'x']")).toEqual([
      ["punctuation", "["],
      ["invalid", "trueish"],
      ["punctuation", ","],
      ["invalid", "12abc"],
      ["punctuation", ","],
      ["invalid", "undefined"],
      ["punctuation", ","],
      ["invalid", "'x'"],
      ["punctuation", "]"],
    ]);
    expect(kinds('{"name": "unclosed\n, "next": 1}')).toEqual([
      ["punctuation", "{"],
      ["key", '"name"'],
      ["punctuation", ":"],
      ["string", '"unclosed'],
      ["punctuation", ","],
      ["key", '"next"'],
      ["punctuation", ":"],
      ["number", "1"],
      ["punctuation", "}"],
    ]);
  });

  it("covers any text exactly, in order", () => {
    const samples = ['{"a": [1, 2]}\n', '{"a": "b\\', "  \t\r\n", "\ufeff{}", '{"x": {{id}}, "y": "{{name}}"}', "💥 {\"é\": 1"];
    for (const text of samples) {
      const tokens = jsonTokens(text);
      expect(tokens.map((token) => token.text).join("")).toBe(text);
      let offset = 0;
      for (const token of tokens) {
        expect(token.start).toBe(offset);
        expect(token.text.length).toBeGreaterThan(0);
        offset += token.text.length;
      }
    }
  });
});
