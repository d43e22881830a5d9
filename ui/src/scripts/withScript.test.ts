import { describe, expect, it } from "vitest";
import { withScript } from "./withScript";

describe("withScript", () => {
  it("sets, keeps the other phase, and drops emptied scripts", () => {
    const one = withScript(undefined, "pre", "a()");
    expect(one).toEqual({ pre: "a()" });
    const both = withScript(one, "test", "pm.test('x', () => {});");
    expect(both).toEqual({ pre: "a()", test: "pm.test('x', () => {});" });
    expect(withScript(both, "pre", "  ")).toEqual({ test: "pm.test('x', () => {});" });
    expect(withScript({ test: "t()" }, "test", "")).toBeUndefined();
  });
});
