/** The Run form: its fields as typed, their validation, and the BatchOptions they make. */
import type { BatchOptions } from "../bindings/BatchOptions";
import type { MessageKey } from "../i18n/en";

export const DEFAULT_OPTIONS: BatchOptions = {
  concurrency: 1,
  rate_per_second: null,
  delay_ms: 0,
  timeout_ms: 30000,
  retries: 0,
  bail: false,
  iterations: 1,
  network_wait_secs: 600,
  max_stored_body_bytes: 65536,
  max_redirects: 10,
  insecure: false,
  resend_unknown: false,
  script_timeout_ms: 5000,
};

export type NumberField = "concurrency" | "delay_ms" | "timeout_ms" | "retries" | "iterations";

export const NUMBER_FIELDS: readonly { field: NumberField; label: MessageKey; min: number; max: number }[] = [
  { field: "concurrency", label: "options.concurrency", min: 1, max: 1000 },
  { field: "delay_ms", label: "options.delay", min: 0, max: 3_600_000 },
  { field: "timeout_ms", label: "options.timeout", min: 1, max: 3_600_000 },
  { field: "retries", label: "options.retries", min: 0, max: 20 },
  { field: "iterations", label: "options.iterations", min: 1, max: 1_000_000 },
];

export type VariableRow = { id: number; key: string; value: string };

export type OptionsForm = {
  numbers: Record<NumberField, string>;
  bail: boolean;
  variables: VariableRow[];
};

export type FieldError = { key: MessageKey; n?: number };

export type FormErrors = {
  numbers: Partial<Record<NumberField, FieldError>>;
  /** By variable row id. */
  variables: Record<number, FieldError>;
};

export function initialForm(): OptionsForm {
  const numbers = {} as Record<NumberField, string>;
  for (const { field } of NUMBER_FIELDS) numbers[field] = String(DEFAULT_OPTIONS[field]);
  return { numbers, bail: DEFAULT_OPTIONS.bail, variables: [] };
}

export function validateForm(form: OptionsForm): FormErrors {
  const errors: FormErrors = { numbers: {}, variables: {} };
  for (const { field, min, max } of NUMBER_FIELDS) {
    const text = form.numbers[field].trim();
    if (!/^-?\d+$/.test(text)) errors.numbers[field] = { key: "validation.integer" };
    else if (Number(text) < min) errors.numbers[field] = { key: "validation.min", n: min };
    else if (Number(text) > max) errors.numbers[field] = { key: "validation.max", n: max };
  }
  const seen = new Set<string>();
  for (const row of form.variables) {
    const key = row.key.trim();
    if (key === "" && row.value === "") continue;
    if (key === "") errors.variables[row.id] = { key: "validation.keyRequired" };
    else if (seen.has(key)) errors.variables[row.id] = { key: "validation.keyDuplicate" };
    seen.add(key);
  }
  return errors;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors.numbers).length > 0 || Object.keys(errors.variables).length > 0;
}

/** The options and variables for `start_batch` (call only when the form is valid). */
export function toRequest(form: OptionsForm): { options: BatchOptions; variables: Record<string, string> } {
  const options: BatchOptions = { ...DEFAULT_OPTIONS, bail: form.bail };
  for (const { field } of NUMBER_FIELDS) options[field] = Number(form.numbers[field].trim());
  const variables: Record<string, string> = {};
  for (const row of form.variables) {
    if (row.key.trim() !== "") variables[row.key.trim()] = row.value;
  }
  return { options, variables };
}
