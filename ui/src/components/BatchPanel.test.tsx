import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { BatchSession } from "../live/batchSession";
import { result, summary } from "../live/testData";
import { BatchPanel } from "./BatchPanel";

afterEach(cleanup);

function session() {
  return new BatchSession(summary(), {
    fetchPage: vi.fn(async () => []),
    attach: vi.fn(async () => ({ stop: () => {} })),
    describeError: String,
  });
}

describe("BatchPanel", () => {
  it("shows counters and progress attributes, and follows messages", () => {
    const s = session();
    render(
      <I18nProvider lang="en">
        <BatchPanel session={s} onRerun={() => undefined} />
      </I18nProvider>,
    );
    const progress = screen.getByTestId("batch-progress");
    expect(progress.dataset.batchId).toBe(s.id);
    expect(progress.dataset.done).toBe("0");
    expect(progress.dataset.total).toBe("10");
    expect(progress.dataset.state).toBe("RUNNING");
    expect(screen.getByText("RUNNING")).toBeTruthy();

    act(() =>
      s.handle({
        type: "results",
        results: [result(1), result(2, "failed"), result(3, "errored")],
        counters: { total: 10, done: 3, passed: 1, failed: 1, errored: 1 },
      }),
    );
    expect(progress.dataset.done).toBe("3");
    expect(progress.textContent).toContain("3/10");
    expect(screen.getByTestId("count-passed").textContent).toBe("1");
    expect(screen.getByTestId("count-failed").textContent).toBe("1");
    expect(screen.getByTestId("count-errored").textContent).toBe("1");
    expect(screen.getByRole("button", { name: "Pause" })).toHaveProperty("disabled", false);
    expect(screen.getByRole("button", { name: "Resume" })).toHaveProperty("disabled", true);

    act(() => s.handle({ type: "state", batch: summary({ state: "PAUSED", pause_reason: "waiting_for_network" }) }));
    expect(screen.getByTestId("batch-progress").dataset.state).toBe("PAUSED");
    expect(screen.getByText("waiting for network")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Resume" })).toHaveProperty("disabled", false);
  });

  it("speaks Chinese", () => {
    render(
      <I18nProvider lang="zh">
        <BatchPanel session={session()} onRerun={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByText("运行中")).toBeTruthy();
    expect(screen.getByRole("button", { name: "失败重跑" })).toBeTruthy();
  });
});
