import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { VariablesTable } from "./VariablesTable";

afterEach(cleanup);

type Map = { [name: string]: string };

function Harness({ initial, record }: { initial: Map; record: (next: Map) => void }) {
  const [variables, setVariables] = useState(initial);
  return (
    <VariablesTable
      variables={variables}
      onChange={(next) => {
        record(next);
        setVariables(next);
      }}
      known={new Set(["env_only"])}
    />
  );
}

function show(initial: Map) {
  const record = vi.fn<(next: Map) => void>();
  render(
    <I18nProvider lang="en">
      <Harness initial={initial} record={record} />
    </I18nProvider>,
  );
  return record;
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("VariablesTable", () => {
  it("turns the blank last row into a variable as one types", () => {
    const record = show({ a: "1" });
    expect(input("checks-var-1-name").value).toBe("");
    expect(screen.queryByTestId("checks-var-1-delete")).toBeNull();
    fireEvent.change(input("checks-var-1-name"), { target: { value: "b" } });
    expect(record).toHaveBeenLastCalledWith({ a: "1", b: "" });
    expect(input("checks-var-2-name").value).toBe("");
  });

  it("reports empty and duplicate names", () => {
    const record = show({ a: "1" });
    fireEvent.change(input("checks-var-1-value"), { target: { value: "x" } });
    expect(screen.getByTestId("checks-var-1-error").textContent).toBe("Name required.");
    fireEvent.change(input("checks-var-1-name"), { target: { value: "a" } });
    expect(screen.getByTestId("checks-var-1-error").textContent).toMatch(/Duplicate name/);
    expect(record).toHaveBeenLastCalledWith({ a: "1" });
  });

  it("reports a cycle", () => {
    show({ a: "{{b}}", b: "{{a}}", c: "{{env_only}}" });
    expect(screen.getByTestId("checks-var-cycle").textContent).toBe("Cycle: a → b → a");
    expect(input("checks-var-0-name").getAttribute("aria-invalid")).toBe("true");
    expect(input("checks-var-2-name").getAttribute("aria-invalid")).toBeNull();
  });

  it("warns about names defined nowhere", () => {
    show({ a: "{{b}}", b: "{{env_only}}{{missing}}" });
    expect(screen.queryByTestId("checks-var-0-warning")).toBeNull();
    expect(screen.getByTestId("checks-var-1-warning").textContent).toBe("Unknown variable: missing");
  });

  it("deletes a row", () => {
    const record = show({ a: "1", b: "2" });
    fireEvent.click(screen.getByTestId("checks-var-0-delete"));
    expect(record).toHaveBeenLastCalledWith({ b: "2" });
  });
});
