import { describe, expect, it } from "vitest";
import { errorMessage } from "./errorMessage";

describe("errorMessage", () => {
  it("shows the message of a command error, an Error, or the value itself", () => {
    expect(errorMessage({ kind: "invalid_input", message: "Name taken" })).toBe("Name taken");
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage("plain")).toBe("plain");
    expect(errorMessage(42)).toBe("42");
    expect(errorMessage({ message: "" })).toBe("[object Object]");
  });
});
