import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StoredCookie } from "../bindings/StoredCookie";
import { I18nProvider } from "../i18n/I18nProvider";

const ipc = vi.hoisted(() => ({
  sessionCookies: vi.fn<(id: string) => Promise<StoredCookie[]>>(),
  clearSessionCookies: vi.fn<(id: string) => Promise<void>>(() => Promise.resolve()),
}));
vi.mock("../workspaceIpc", () => ipc);

const { SessionCookies } = await import("./SessionCookies");

afterEach(cleanup);

function show() {
  render(
    <I18nProvider lang="en">
      <SessionCookies collectionId="c1" />
    </I18nProvider>,
  );
}

const cookie = (overrides: Partial<StoredCookie>): StoredCookie => ({
  domain: "127.0.0.1",
  path: "/",
  name: "sid",
  value: "abc",
  expires: null,
  secure: false,
  http_only: true,
  ...overrides,
});

describe("SessionCookies", () => {
  it("lists the cookies Send keeps, by site, and clears them on request", async () => {
    ipc.sessionCookies.mockResolvedValue([
      cookie({}),
      cookie({ name: "theme", value: "dark", path: "/app", expires: "2026-11-28T22:00:00Z" }),
    ]);
    show();
    const rows = await screen.findAllByTestId("collections-session-cookie");
    expect(ipc.sessionCookies).toHaveBeenCalledWith("c1");
    expect(rows[0].textContent).toBe("127.0.0.1sidabcend of session");
    expect(rows[1].textContent).toContain("127.0.0.1/apptheme");
    expect(rows[1].textContent).not.toContain("end of session");

    fireEvent.click(screen.getByTestId("collections-clear-cookies"));
    expect(await screen.findByText("No cookies received by Send yet.")).toBeTruthy();
    expect(ipc.clearSessionCookies).toHaveBeenCalledWith("c1");
  });

  it("says when there are none", async () => {
    ipc.sessionCookies.mockResolvedValue([]);
    show();
    expect(await screen.findByText("No cookies received by Send yet.")).toBeTruthy();
    expect(screen.queryByTestId("collections-clear-cookies")).toBeNull();
  });
});
