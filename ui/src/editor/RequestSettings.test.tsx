import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestSettings as ClientSettings } from "../bindings/RequestSettings";
import { RequestSettings, withSetting } from "./RequestSettings";
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

  it("sets redirects, certificate checks and cookies per request, or leaves them to the batch", () => {
    const { latest } = renderControlled<ClientSettings | undefined>(undefined, (value, onChange) => (
      <RequestSettings timeoutMs={undefined} onChange={() => undefined} settings={value} onSettingsChange={onChange} />
    ));
    const pick = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
    pick("editor-setting-follow_redirects", "false");
    pick("editor-setting-verify_tls", "false");
    expect(latest()).toEqual({ follow_redirects: false, verify_tls: false });
    pick("editor-setting-max_redirects", "3");
    pick("editor-setting-max_redirects", "x");
    expect(latest()).toEqual({ follow_redirects: false, verify_tls: false, max_redirects: 3 });
    pick("editor-setting-follow_redirects", "");
    pick("editor-setting-verify_tls", "");
    pick("editor-setting-max_redirects", "");
    expect(latest()).toBeUndefined();
  });

  it("drops a setting put back to the batch's", () => {
    expect(withSetting({ cookies: false }, "cookies", undefined)).toBeUndefined();
    expect(withSetting(undefined, "cookies", false)).toEqual({ cookies: false });
  });
});
