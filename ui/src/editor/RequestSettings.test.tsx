import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RequestSettings } from "./RequestSettings";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

describe("RequestSettings", () => {
  it("takes whole milliseconds, refuses the rest inline, and empties to the default", () => {
    const { latest } = renderControlled<number | undefined>(undefined, (value, onChange) => (
      <RequestSettings timeoutMs={value} onChange={onChange} />
    ));
    const input = screen.getByTestId("editor-timeout") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "2500" } });
    expect(latest()).toBe(2500);
    fireEvent.change(input, { target: { value: "2.5s" } });
    expect(input.value).toBe("2.5s");
    expect(screen.getByTestId("editor-timeout-error").textContent).toContain("whole number");
    expect(latest()).toBe(2500);
    fireEvent.change(input, { target: { value: "" } });
    expect(latest()).toBeUndefined();
    expect(screen.queryByTestId("editor-timeout-error")).toBeNull();
  });
});
