import { describe, expect, it } from "vitest";
import { firstWins, nameFaults, sameMap } from "./names";

describe("nameFaults", () => {
  it("reports empty names and later duplicates", () => {
    expect(nameFaults(["a", "", "b", "a", " "])).toEqual([null, "empty", null, "duplicate", "empty"]);
  });

  it("checks characters only when asked", () => {
    expect(nameFaults(["ok_1.x-y", "a b", "ü"], { characters: true })).toEqual([null, "characters", "characters"]);
    expect(nameFaults(["a b"])).toEqual([null]);
  });

  it("leaves skipped rows out, so they neither fail nor clash", () => {
    expect(nameFaults(["a", "a", ""], { skip: [true, false, true] })).toEqual([null, null, null]);
  });
});

describe("firstWins", () => {
  it("keeps the first row of a name and drops rows without one", () => {
    expect(
      firstWins([
        { name: "a", value: "1" },
        { name: "", value: "x" },
        { name: "a", value: "2" },
        { name: "b", value: "3" },
      ]),
    ).toEqual({ a: "1", b: "3" });
  });
});

describe("sameMap", () => {
  it("ignores order, not values", () => {
    expect(sameMap({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(true);
    expect(sameMap({ a: "1" }, { a: "2" })).toBe(false);
    expect(sameMap({ a: "1" }, { a: "1", b: "" })).toBe(false);
  });
});
