import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";

const ipc = vi.hoisted(() => ({
  sessionCaptures: vi.fn<(id: string) => Promise<Record<string, unknown>>>(),
  clearSessionCaptures: vi.fn<(id: string) => Promise<void>>(() => Promise.resolve()),
}));
vi.mock("../workspaceIpc", () => ipc);

const { SessionCaptures } = await import("./SessionCaptures");

afterEach(cleanup);

function show() {
  render(
    <I18nProvider lang="en">
      <SessionCaptures collectionId="c1" />
    </I18nProvider>,
  );
}

describe("SessionCaptures", () => {
  it("lists what Send captured, and forgets it on request", async () => {
    // JSON text from the shell: a string shown as its text, a 64-bit id digit for digit.
    ipc.sessionCaptures.mockResolvedValue({ token: '"t-*****"', id: "9007199254740993" });
    show();
    const rows = await screen.findAllByTestId("collections-session-capture");
    expect(rows.map((row) => row.textContent)).toEqual(["tokent-*****", "id9007199254740993"]);
    expect(ipc.sessionCaptures).toHaveBeenCalledWith("c1");

    fireEvent.click(screen.getByTestId("collections-clear-captures"));
    expect(await screen.findByText("Nothing captured by Send yet.")).toBeTruthy();
    expect(ipc.clearSessionCaptures).toHaveBeenCalledWith("c1");
  });

  it("says when there is nothing yet", async () => {
    ipc.sessionCaptures.mockResolvedValue({});
    show();
    expect(await screen.findByText("Nothing captured by Send yet.")).toBeTruthy();
    expect(screen.queryByTestId("collections-clear-captures")).toBeNull();
  });
});
