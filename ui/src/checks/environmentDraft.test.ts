import { describe, expect, it } from "vitest";
import type { Environment } from "../bindings/Environment";
import type { EnvironmentVariable } from "../bindings/EnvironmentVariable";
import { blankEnvironment, checkEnvironment, environmentForSave, hasChanges } from "./environmentDraft";

const variable = (name: string, value: string, more: Partial<EnvironmentVariable> = {}): EnvironmentVariable => ({
  name,
  value,
  secret: false,
  enabled: true,
  ...more,
});
const env = (variables: EnvironmentVariable[], name = "Dev"): Environment => ({ id: "e1", name, variables });

describe("checkEnvironment", () => {
  it("accepts a sound environment", () => {
    const checks = checkEnvironment(env([variable("host", "h"), variable("base", "http://{{host}}")]));
    expect(checks).toEqual({ name: null, variables: [null, null], cycles: [], valid: true });
  });

  it("wants a name", () => {
    const checks = checkEnvironment(env([], "  "));
    expect(checks.name).toEqual({ key: "checks.env.nameRequired" });
    expect(checks.valid).toBe(false);
  });

  it("reports nameless values and duplicate enabled names, not blanks or disabled twins", () => {
    const checks = checkEnvironment(
      env([
        variable("a", "1"),
        variable("", "x"),
        variable("", ""),
        variable("a", "2", { enabled: false }),
        variable("a", "3"),
      ]),
    );
    expect(checks.variables).toEqual([
      null,
      { key: "checks.name.empty" },
      null,
      null,
      { key: "checks.env.duplicate" },
    ]);
    expect(checks.valid).toBe(false);
  });

  it("reports cycles among enabled variables only", () => {
    const looping = checkEnvironment(env([variable("a", "{{b}}"), variable("b", "{{a}}")]));
    expect(looping.cycles.map((cycle) => cycle.path)).toEqual([["a", "b", "a"]]);
    expect(looping.valid).toBe(false);
    const broken = checkEnvironment(env([variable("a", "{{b}}"), variable("b", "{{a}}", { enabled: false })]));
    expect(broken.cycles).toEqual([]);
  });
});

describe("saving", () => {
  it("drops blank rows and notices changes", () => {
    const saved = env([variable("a", "1")]);
    const draft = env([variable("a", "1"), variable("", "")]);
    expect(environmentForSave(draft)).toEqual(saved);
    expect(hasChanges(saved, saved)).toBe(false);
    expect(hasChanges(draft, saved)).toBe(true);
    expect(hasChanges(blankEnvironment(), null)).toBe(true);
  });
});
