import { describe, expect, it } from "vitest";
import { jsonPathWords } from "./jsonPathWords";

const words = (text: string) =>
  jsonPathWords(text).starts.map((start, i, all) => text.slice(start, all[i + 1]).trim());

describe("jsonPathWords", () => {
  it("splits at blanks outside brackets", () => {
    expect(words("$.a == 1")).toEqual(["$.a", "==", "1"]);
    expect(words("  $.a   exists ")).toEqual(["$.a", "exists"]);
    expect(words("")).toEqual([]);
  });

  it("keeps filters, parentheses and quoted names whole", () => {
    expect(words("$.items[?@.price < 10].name exists")).toEqual([
      "$.items[?@.price < 10].name",
      "exists",
    ]);
    expect(words("$[?(@.a == 1 && @.b != 2)] exists")).toEqual([
      "$[?(@.a == 1 && @.b != 2)]",
      "exists",
    ]);
    expect(words(`$["a b"]['c ] d'] == 1`)).toEqual([`$["a b"]['c ] d']`, "==", "1"]);
  });

  it("honours backslash escapes inside quotes", () => {
    expect(words(`$["say \\" ]"] == 1`)).toEqual([`$["say \\" ]"]`, "==", "1"]);
  });

  it("tells whether brackets and quotes all close", () => {
    expect(jsonPathWords("$[?@.a < 1]").balanced).toBe(true);
    expect(jsonPathWords("$[?@.a < 1").balanced).toBe(false);
    expect(jsonPathWords(`$["a`).balanced).toBe(false);
    expect(jsonPathWords("$.a]").balanced).toBe(false);
  });
});
