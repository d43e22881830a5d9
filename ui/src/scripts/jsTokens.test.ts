import { describe, expect, it } from "vitest";
import { jsTokens } from "./jsTokens";

describe("jsTokens", () => {
  it("tells comments, strings, numbers, keywords and names apart", () => {
    const tokens = jsTokens('pm.test("ok", function () { // note\n  var n = 1.5e3; /* x */ });');
    const kinds = tokens.filter((t) => t.kind !== "space").map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual([
      "name:pm", "punctuation:.", "name:test", "punctuation:(", 'string:"ok"', "punctuation:,",
      "keyword:function", "punctuation:(", "punctuation:)", "punctuation:{", "comment:// note",
      "keyword:var", "name:n", "punctuation:=", "number:1.5e3", "punctuation:;", "comment:/* x */",
      "punctuation:}", "punctuation:)", "punctuation:;",
    ]);
  });

  it("covers any text exactly, broken or not", () => {
    for (const text of ['"unclosed', "/* open", "`multi\nline`", "a\\'b", "'esc\\'aped'", "", "€ ☃ 0x1F"]) {
      expect(jsTokens(text).map((t) => t.text).join("")).toBe(text);
    }
  });
});
