/**
 * An environment being edited: what is wrong with it, whether it differs from the saved
 * one, and what Save sends.
 */
import type { Environment } from "../bindings/Environment";
import type { EnvironmentVariable } from "../bindings/EnvironmentVariable";
import type { Problem } from "./problem";
import { sameJson } from "./sameJson";
import { variableCycles, type VariableCycle } from "./variableCycles";

/** A new environment: the id is empty until the first save gives it one. */
export function blankEnvironment(): Environment {
  return { id: "", name: "", variables: [] };
}

export function blankVariable(): EnvironmentVariable {
  return { name: "", value: "", secret: false, enabled: true };
}

export type EnvironmentChecks = {
  name: Problem | null;
  /** One entry per variable, index by index. */
  variables: (Problem | null)[];
  /** Loops among the enabled variables' values. */
  cycles: VariableCycle[];
  /** Whether Save may send it. */
  valid: boolean;
};

/**
 * The inline errors of `environment`: an empty name; a variable with a value but no name
 * (a row with neither is dropped on save); two enabled variables of one name (a disabled
 * one is not defined, so it may share a name, as a kept alternative value); cycles.
 */
export function checkEnvironment(environment: Environment): EnvironmentChecks {
  const name: Problem | null = environment.name.trim() === "" ? { key: "checks.env.nameRequired" } : null;
  const enabledNames = new Set<string>();
  const variables = environment.variables.map((variable): Problem | null => {
    if (isBlank(variable)) return null;
    if (variable.name.trim() === "") return { key: "checks.name.empty" };
    if (!variable.enabled) return null;
    if (enabledNames.has(variable.name)) return { key: "checks.env.duplicate" };
    enabledNames.add(variable.name);
    return null;
  });
  const cycles = variableCycles(
    environment.variables.filter((variable) => variable.enabled).map((variable) => [variable.name, variable.value] as const),
  );
  const valid = name === null && variables.every((problem) => problem === null) && cycles.length === 0;
  return { name, variables, cycles, valid };
}

/** What Save sends: rows with neither name nor value are left out. */
export function environmentForSave(environment: Environment): Environment {
  return { ...environment, variables: environment.variables.filter((variable) => !isBlank(variable)) };
}

/** Whether `draft` differs from `saved` (a new environment always does). */
export function hasChanges(draft: Environment, saved: Environment | null): boolean {
  return saved === null || !sameJson(draft, saved);
}

function isBlank(variable: EnvironmentVariable): boolean {
  return variable.name === "" && variable.value === "";
}

/** An environment draft read back from the store, or null when it is not one (ignored). */
export function environmentFromDraft(content: string): Environment | null {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { id, name, variables } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof name !== "string" || !Array.isArray(variables)) return null;
  const valid = variables.every(
    (v: unknown) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as EnvironmentVariable).name === "string" &&
      typeof (v as EnvironmentVariable).value === "string" &&
      typeof (v as EnvironmentVariable).secret === "boolean" &&
      typeof (v as EnvironmentVariable).enabled === "boolean",
  );
  return valid ? (value as Environment) : null;
}
