import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { HeadersTable } from "./HeadersTable";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

function renderHeaders(headers: Record<string, string> | undefined) {
  return renderControlled(headers, (value, onChange) => (
    <HeadersTable headers={value} onChange={onChange} known={new Set()} />
  ));
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("HeadersTable", () => {
  it("shows ~names unticked and writes them back", () => {
    const { latest } = renderHeaders({ Accept: "json", "~X-Debug": "1" });
    expect(input("editor-headers-enabled-1").checked).toBe(false);
    expect(input("editor-headers-key-1").value).toBe("X-Debug");
    fireEvent.click(input("editor-headers-enabled-1"));
    expect(latest()).toEqual({ Accept: "json", "X-Debug": "1" });
  });

  it("leaves headers out when the last one goes", () => {
    const { latest } = renderHeaders({ A: "1" });
    fireEvent.click(screen.getByTestId("editor-headers-delete-0"));
    expect(latest()).toBeUndefined();
  });

  it("keeps rows the map cannot hold while they are typed", () => {
    const { latest } = renderHeaders({ A: "1" });
    fireEvent.change(input("editor-headers-value-1"), { target: { value: "x" } });
    expect(latest()).toEqual({ A: "1" });
    expect(input("editor-headers-value-1").value).toBe("x");
    fireEvent.change(input("editor-headers-key-1"), { target: { value: "A" } });
    expect(latest()).toEqual({ A: "x" });
    expect(input("editor-headers-key-0").value).toBe("A");
    expect(input("editor-headers-key-1").value).toBe("A");
    expect(screen.getByTestId("editor-headers-row-1").textContent).toContain("Duplicate name");
  });

  it("reads the rows again when the headers change from outside", () => {
    const view = (headers: Record<string, string>) => (
      <I18nProvider lang="en">
        <HeadersTable headers={headers} onChange={() => {}} known={new Set()} />
      </I18nProvider>
    );
    const { rerender } = render(view({ A: "1" }));
    // Another case opened, or Revert: the same table gets other headers.
    rerender(view({ B: "2", "~C": "3" }));
    expect(input("editor-headers-key-0").value).toBe("B");
    expect(input("editor-headers-key-1").value).toBe("C");
    expect(input("editor-headers-enabled-1").checked).toBe(false);
  });
});
