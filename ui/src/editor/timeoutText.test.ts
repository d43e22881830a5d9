import { describe, expect, it } from "vitest";
import { parseTimeout } from "./timeoutText";

describe("parseTimeout", () => {
  it("reads empty as the batch default and whole numbers as milliseconds", () => {
    expect(parseTimeout("")).toBeUndefined();
    expect(parseTimeout("  ")).toBeUndefined();
    expect(parseTimeout("5000")).toBe(5000);
    expect(parseTimeout(" 250 ")).toBe(250);
  });

  it("refuses zero, negatives, fractions, words and unsafe numbers", () => {
    for (const text of ["0", "-5", "1.5", "1e3", "abc", "10s", "99999999999999999999"]) {
      expect(parseTimeout(text), text).toBe("invalid");
    }
  });
});
