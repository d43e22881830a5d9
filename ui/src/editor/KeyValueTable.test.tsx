import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Row } from "./keyValueRows";
import { KeyValueTable } from "./KeyValueTable";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

function renderTable(rows: Row[]) {
  return renderControlled(rows, (value, onChange) => (
    <KeyValueTable
      rows={value}
      onChange={onChange}
      known={new Set(["token"])}
      keyPlaceholder="Header"
      valuePlaceholder="Value"
      testId="t"
    />
  ));
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("KeyValueTable", () => {
  it("turns the blank last row into a row when typed into, keeping the focus there", () => {
    const { latest } = renderTable([{ key: "A", value: "1", enabled: true }]);
    const blankKey = input("t-key-1");
    expect(screen.queryByTestId("t-delete-1")).toBeNull();
    blankKey.focus();
    fireEvent.change(blankKey, { target: { value: "B" } });
    expect(latest()).toEqual([
      { key: "A", value: "1", enabled: true },
      { key: "B", value: "", enabled: true },
    ]);
    // The typed-into input is now row 1's, still focused; a new blank row follows.
    expect(input("t-key-1")).toBe(blankKey);
    expect(document.activeElement).toBe(blankKey);
    expect(input("t-key-2").value).toBe("");
    expect(screen.getByTestId("t-delete-1")).toBeTruthy();
  });

  it("adds a row from the blank row's value too", () => {
    const { latest } = renderTable([]);
    fireEvent.change(input("t-value-0"), { target: { value: "x" } });
    expect(latest()).toEqual([{ key: "", value: "x", enabled: true }]);
    expect(screen.getByTestId("t-row-0").textContent).toContain("Name required");
  });

  it("edits, disables and deletes rows", () => {
    const { latest } = renderTable([
      { key: "A", value: "1", enabled: true },
      { key: "B", value: "2", enabled: true },
    ]);
    fireEvent.change(input("t-value-0"), { target: { value: "one" } });
    fireEvent.click(input("t-enabled-1"));
    expect(latest()).toEqual([
      { key: "A", value: "one", enabled: true },
      { key: "B", value: "2", enabled: false },
    ]);
    fireEvent.click(screen.getByTestId("t-delete-0"));
    expect(latest()).toEqual([{ key: "B", value: "2", enabled: false }]);
  });

  it("warns about unknown variables and repeated names per row", () => {
    renderTable([
      { key: "Authorization", value: "Bearer {{token}}", enabled: true },
      { key: "X-Id", value: "{{userId}}", enabled: true },
      { key: "X-Id", value: "2", enabled: true },
    ]);
    expect(screen.getByTestId("t-row-0").textContent).not.toContain("Unknown variable");
    expect(screen.getByTestId("t-row-1").textContent).toContain("Unknown variable: userId");
    expect(screen.getByTestId("t-row-2").textContent).toContain("Duplicate name");
  });
});
