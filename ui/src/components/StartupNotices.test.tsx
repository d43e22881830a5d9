import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { summary } from "../live/testData";
import { StartupNotices } from "./StartupNotices";

const ipc = vi.hoisted(() => ({ resumeBatch: vi.fn() }));
vi.mock("../ipc", () => ({ resumeBatch: ipc.resumeBatch, errorText: String }));
vi.mock("../live", () => ({ registry: { follow: vi.fn() } }));

afterEach(cleanup);
beforeEach(() => {
  ipc.resumeBatch.mockReset();
  ipc.resumeBatch.mockImplementation(async (id: string) => summary({ id, state: "RUNNING" }));
});

const interrupted = (id: string, unknown: number) =>
  summary({ id, name: `batch ${id}`, state: "INTERRUPTED", unknown_outcomes: unknown });

function show(batches: ReturnType<typeof summary>[]) {
  render(
    <I18nProvider lang="en">
      <StartupNotices restored={null} interrupted={batches} />
    </I18nProvider>,
  );
}

describe("StartupNotices", () => {
  it("resumes by the idempotency rule unless the user asks to send unsure requests again", () => {
    show([interrupted("a", 2), interrupted("b", 0)]);
    expect(screen.getByTestId("interrupted-unknown").textContent).toContain("2 request(s) may already have been sent");
    // Only the batch with unsure requests offers to send them again.
    const resend = screen.getAllByTestId("resume-interrupted-resend");
    expect(resend.map((button) => button.dataset.batchId)).toEqual(["a"]);

    fireEvent.click(resend[0]);
    expect(ipc.resumeBatch).toHaveBeenLastCalledWith("a", true);
    const plain = screen.getAllByTestId("resume-interrupted");
    expect(plain.map((button) => button.dataset.batchId)).toEqual(["b"]);
    fireEvent.click(plain[0]);
    expect(ipc.resumeBatch).toHaveBeenLastCalledWith("b", false);
    expect(screen.queryByTestId("interrupted-offer")).toBeNull();
  });
});
