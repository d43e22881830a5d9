import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ResultDetail as Detail } from "../bindings/ResultDetail";
import { I18nProvider } from "../i18n/I18nProvider";
import { ResultDetail } from "./ResultDetail";

const ipc = vi.hoisted(() => ({ resultDetail: vi.fn() }));
vi.mock("../ipc", () => ({ resultDetail: ipc.resultDetail, errorText: String }));

afterEach(cleanup);

function detail(response: Detail["result"]["response"] = null): Detail {
  return {
    result: {
      batch_id: "b1",
      seq: 4,
      position: 3,
      case_index: 0,
      iteration: 1,
      data_row: null,
      case_name: "create item",
      verdict: "passed",
      error: null,
      started_at: "2026-11-28T10:00:00Z",
      duration_ms: 12.5,
      attempts: 1,
      request: null,
      response,
      assertions: [],
      // What the page's JSON reader makes of 9007199254740993.
      captures: { id: 9007199254740992, name: "widget" },
    },
    captures_json: { id: "9007199254740993", name: '"widget"' },
  };
}

describe("ResultDetail", () => {
  it("shows captured values as the exact JSON the engine kept", async () => {
    ipc.resultDetail.mockResolvedValue(detail());
    render(
      <I18nProvider lang="en">
        <ResultDetail batchId="b1" seq={4} onClose={() => {}} />
      </I18nProvider>,
    );
    const rows = await screen.findAllByTestId("detail-capture");
    expect(ipc.resultDetail).toHaveBeenCalledWith("b1", 4);
    expect(rows.map((row) => row.textContent)).toEqual(["id9007199254740993", 'name"widget"']);
  });

  it("shows the stored body in the workbench's viewer: a tree, every digit, and the cut", async () => {
    const body = '{"id":9007199254740993,"tags":["a"]}';
    ipc.resultDetail.mockResolvedValue(
      detail({ status: 201, headers: [["content-type", "application/json"]], body, body_size: 70000, body_truncated: true }),
    );
    render(
      <I18nProvider lang="en">
        <ResultDetail batchId="b1" seq={4} onClose={() => {}} />
      </I18nProvider>,
    );
    const tree = await screen.findByTestId("json-tree");
    expect(tree.textContent).toContain('"id": 9007199254740993');
    expect(screen.getByText(/showing the first 36 B of 68.4 KB/)).toBeTruthy();
    // The raw view and find work there too.
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(screen.getByTestId("raw-body").textContent).toBe(body);
  });
});
