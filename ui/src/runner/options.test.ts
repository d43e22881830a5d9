import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, hasErrors, initialForm, toRequest, validateForm } from "./options";

describe("run options form", () => {
  it("starts from the defaults", () => {
    const form = initialForm();
    expect(hasErrors(validateForm(form))).toBe(false);
    expect(toRequest(form)).toEqual({ options: DEFAULT_OPTIONS, variables: {} });
  });

  it("reports numbers under their limits and bad variables", () => {
    const form = initialForm();
    form.numbers.concurrency = "0";
    form.numbers.timeout_ms = "abc";
    form.variables = [
      { id: 1, key: "host", value: "a" },
      { id: 2, key: "host", value: "b" },
      { id: 3, key: "", value: "x" },
      { id: 4, key: "", value: "" },
    ];
    const errors = validateForm(form);
    expect(errors.numbers.concurrency).toEqual({ key: "validation.min", n: 1 });
    expect(errors.numbers.timeout_ms).toEqual({ key: "validation.integer" });
    expect(errors.variables).toEqual({
      2: { key: "validation.keyDuplicate" },
      3: { key: "validation.keyRequired" },
    });
  });

  it("builds the request", () => {
    const form = initialForm();
    form.numbers.concurrency = "8";
    form.bail = true;
    form.variables = [{ id: 1, key: " token ", value: "s3cret" }];
    const { options, variables } = toRequest(form);
    expect(options.concurrency).toBe(8);
    expect(options.bail).toBe(true);
    expect(options.network_wait_secs).toBe(600);
    expect(variables).toEqual({ token: "s3cret" });
  });
});
