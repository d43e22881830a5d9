import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { showImportReport } from "./importReport";
import { ImportReportPanel } from "./ImportReportPanel";

afterEach(() => {
  cleanup();
  showImportReport(null);
});

function mount() {
  render(
    <I18nProvider lang="en">
      <ImportReportPanel />
    </I18nProvider>,
  );
}

describe("ImportReportPanel", () => {
  it("lists what did not map, by item and field, until closed", () => {
    mount();
    expect(screen.queryByTestId("import-report")).toBeNull();
    act(() =>
      showImportReport({
        name: "Shop",
        source: "Postman",
        unmapped: [
          { item: "Auth / login", field: "request.auth.digest", reason: "digest auth is not supported yet" },
          { item: "Shop", field: "response", reason: "3 saved response example(s) were not imported" },
        ],
      }),
    );
    const panel = screen.getByTestId("import-report");
    expect(panel.textContent).toContain("Shop came over from Postman; 2 thing(s) did not map");
    const rows = panel.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Auth / login");
    expect(rows[0].textContent).toContain("request.auth.digest");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByTestId("import-report")).toBeNull();
  });

  it("says so when everything came over, and words an export's report as one", () => {
    mount();
    act(() => showImportReport({ name: "Echo", source: "Postman", unmapped: [] }));
    expect(screen.getByTestId("import-report").textContent).toContain("Echo came over from Postman whole");
    act(() =>
      showImportReport({
        name: "Native",
        source: "Postman",
        direction: "export",
        unmapped: [{ item: "check", field: "assert", reason: "not exported" }],
      }),
    );
    expect(screen.getByTestId("import-report").textContent).toContain("1 thing(s) it cannot hold were left out");
  });
});
