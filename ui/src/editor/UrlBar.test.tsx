import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import type { CaseDraft } from "./caseDraft";
import { testDraft } from "./testCases";
import { renderControlled } from "./testHarness";
import { UrlBar } from "./UrlBar";

afterEach(cleanup);

const known = new Set(["base"]);

function renderBar(draft: CaseDraft, sending = false) {
  const onSend = vi.fn();
  const onCancel = vi.fn();
  const result = renderControlled(draft, (value, onChange) => (
    <UrlBar draft={value} onChange={onChange} known={known} sending={sending} onSend={onSend} onCancel={onCancel} />
  ));
  return { ...result, onSend, onCancel };
}

describe("UrlBar", () => {
  it("warns about unknown variables only, and marks them in the URL", () => {
    const { container } = renderBar(testDraft({ url: "{{base}}/users/{{userId}}?r={{$uuid}}" }));
    const warnings = screen.getByTestId("editor-url-warnings");
    expect(warnings.textContent).toBe("Unknown variable: userId");
    const unknown = [...container.querySelectorAll(".var-unknown")].map((e) => e.textContent);
    const knownOnes = [...container.querySelectorAll(".var-known")].map((e) => e.textContent);
    expect(unknown).toEqual(["{{userId}}"]);
    expect(knownOnes).toEqual(["{{base}}", "{{$uuid}}"]);
  });

  it("updates the warnings as the URL is typed", () => {
    const { latest } = renderBar(testDraft({ url: "https://a" }));
    expect(screen.queryByTestId("editor-url-warnings")).toBeNull();
    fireEvent.change(screen.getByTestId("editor-url"), { target: { value: "https://a/{{nope}}" } });
    expect(latest().case.request.url).toBe("https://a/{{nope}}");
    expect(screen.getByTestId("editor-url-warnings").textContent).toBe("Unknown variable: nope");
  });

  it("shows what blocks sending the URL", () => {
    renderBar(testDraft({ url: "api.test/users" }));
    expect(screen.getByTestId("editor-url-problems").textContent).toBe(
      "The URL must start with http://, https:// or a {{variable}}.",
    );
    expect(screen.getByTestId("editor-url").getAttribute("aria-invalid")).toBe("true");
  });

  it("changes the method", () => {
    const { latest } = renderBar(testDraft());
    fireEvent.change(screen.getByTestId("editor-method"), { target: { value: "DELETE" } });
    expect(latest().case.request.method).toBe("DELETE");
    expect(screen.getByTestId("editor-method").className).toContain("ed-method-delete");
  });

  it("keeps a method the list lacks", () => {
    renderBar(testDraft({ method: "TRACE" }));
    expect((screen.getByTestId("editor-method") as HTMLSelectElement).value).toBe("TRACE");
  });

  it("sends with the button and with Enter in the URL", () => {
    const { onSend } = renderBar(testDraft());
    fireEvent.click(screen.getByTestId("editor-send"));
    fireEvent.keyDown(screen.getByTestId("editor-url"), { key: "Enter" });
    // Enter confirming a Chinese IME composition is not a Send.
    fireEvent.keyDown(screen.getByTestId("editor-url"), { key: "Enter", keyCode: 229 });
    expect(onSend).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("editor-cancel")).toBeNull();
  });

  it("offers Cancel instead of Send while sending", () => {
    const onSend = vi.fn();
    const onCancel = vi.fn();
    const view = (sending: boolean) => (
      <I18nProvider lang="en">
        <UrlBar draft={testDraft()} onChange={() => {}} known={known} sending={sending} onSend={onSend} onCancel={onCancel} />
      </I18nProvider>
    );
    const { rerender } = render(view(false));
    rerender(view(true));
    expect(screen.queryByTestId("editor-send")).toBeNull();
    fireEvent.click(screen.getByTestId("editor-cancel"));
    fireEvent.keyDown(screen.getByTestId("editor-url"), { key: "Enter" });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSend).not.toHaveBeenCalled();
    rerender(view(false));
    expect(screen.getByTestId("editor-send").textContent).toBe("Send");
  });
});
