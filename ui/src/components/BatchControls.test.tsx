import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BatchSummary } from "../bindings/BatchSummary";
import { I18nProvider } from "../i18n/I18nProvider";
import { summary } from "../live/testData";
import { BatchControls } from "./BatchControls";

const ipc = vi.hoisted(() => ({ resumeBatch: vi.fn(async (id: string) => ({ id }) as BatchSummary) }));
vi.mock("../ipc", () => ({
  resumeBatch: ipc.resumeBatch,
  pauseBatch: vi.fn(),
  cancelBatch: vi.fn(),
  rerunFailed: vi.fn(),
  errorText: String,
}));
vi.mock("../live", () => ({ registry: { follow: vi.fn(() => ({ id: "x" })) } }));

afterEach(cleanup);

function show(batch: BatchSummary) {
  render(
    <I18nProvider lang="en">
      <BatchControls batch={batch} onRerun={() => undefined} />
    </I18nProvider>,
  );
}

describe("BatchControls", () => {
  it("offers to send unsure requests again only for an interrupted batch that has some", () => {
    show(summary({ state: "INTERRUPTED", unknown_outcomes: 1 }));
    fireEvent.click(screen.getByTestId("resume-resend-button"));
    expect(ipc.resumeBatch).toHaveBeenLastCalledWith(summary().id, true);
    cleanup();

    show(summary({ state: "INTERRUPTED", unknown_outcomes: 0 }));
    expect(screen.queryByTestId("resume-resend-button")).toBeNull();
    fireEvent.click(screen.getByTestId("resume-button"));
    expect(ipc.resumeBatch).toHaveBeenLastCalledWith(summary().id);
    cleanup();

    show(summary({ state: "PAUSED", unknown_outcomes: 1 }));
    expect(screen.queryByTestId("resume-resend-button")).toBeNull();
  });
});
