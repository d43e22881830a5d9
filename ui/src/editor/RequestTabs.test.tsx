import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseDraft } from "./caseDraft";
import { RequestTabs } from "./RequestTabs";
import { testDraft } from "./testCases";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

const draft = testDraft({
  url: "https://a/x?q=1&page=2",
  headers: { Accept: "json", "~X-Debug": "1" },
  json: { a: 1 },
});

function renderTabs(start: CaseDraft, extra = { activeTab: undefined as string | undefined, onTab: vi.fn() }) {
  return renderControlled(start, (value, onChange) => (
    <RequestTabs
      draft={value}
      onChange={onChange}
      known={new Set()}
      inheritedAuth={{ auth: null, from: "demo" }}
      extraTabs={[{ id: "assertions", label: "Assertions (0)", content: <p data-testid="extra">extra</p> }]}
      activeTab={extra.activeTab}
      onTab={extra.onTab}
    />
  ));
}

describe("RequestTabs", () => {
  it("labels the tabs with counts and the body kind, the page's tabs last", () => {
    renderTabs(draft);
    const labels = [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
    expect(labels).toEqual(["Params (2)", "Headers (1)", "Body (JSON)", "Auth", "Settings", "Assertions (0)"]);
  });

  it("leaves zero counts out", () => {
    renderTabs(testDraft({ url: "https://a/x", headers: { "~X-Debug": "1" } }));
    const labels = [...document.querySelectorAll('[role="tab"]')].slice(0, 2).map((tab) => tab.textContent);
    expect(labels).toEqual(["Params", "Headers"]);
  });

  it("shows one panel at a time and tells the page", () => {
    const onTab = vi.fn();
    renderTabs(draft, { activeTab: undefined, onTab });
    expect(screen.getByTestId("editor-params").closest('[role="tabpanel"]')?.hasAttribute("hidden")).toBe(false);
    fireEvent.click(screen.getByTestId("editor-tab-assertions"));
    expect(onTab).toHaveBeenCalledWith("assertions");
    expect(screen.getByTestId("extra").closest('[role="tabpanel"]')?.hasAttribute("hidden")).toBe(false);
    expect(screen.getByTestId("editor-params").closest('[role="tabpanel"]')?.hasAttribute("hidden")).toBe(true);
  });

  it("follows the page's tab when controlled, and moves with the arrow keys", () => {
    const onTab = vi.fn();
    renderTabs(draft, { activeTab: "body", onTab });
    expect(screen.getByTestId("editor-tab-body").getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(screen.getByTestId("editor-tab-body"), { key: "ArrowRight" });
    expect(onTab).toHaveBeenCalledWith("auth");
  });

  it("writes edits of every tab into the draft", () => {
    const { latest } = renderTabs(draft);
    fireEvent.change(screen.getByTestId("editor-params-value-0"), { target: { value: "9" } });
    expect(latest().case.request.url).toBe("https://a/x?q=9&page=2");
    fireEvent.click(screen.getByTestId("editor-headers-delete-0"));
    expect(latest().case.request.headers).toEqual({ "~X-Debug": "1" });
    fireEvent.change(screen.getByTestId("editor-auth-kind"), { target: { value: "bearer" } });
    expect(latest().case.request.auth).toEqual({ bearer: { token: "" } });
    fireEvent.change(screen.getByTestId("editor-timeout"), { target: { value: "100" } });
    expect(latest().case.request.timeout_ms).toBe(100);
    fireEvent.change(screen.getByTestId("editor-auth-kind"), { target: { value: "inherit" } });
    expect("auth" in latest().case.request).toBe(false);
  });
});
