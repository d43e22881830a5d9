import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ResponseRecord } from "../bindings/ResponseRecord";
import type { SendOutcome } from "../bindings/SendOutcome";
import { I18nProvider } from "../i18n/I18nProvider";
import type { Lang } from "../i18n/translate";
import { ResponseViewer } from "./ResponseViewer";

afterEach(cleanup);

function response(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    status: 200,
    headers: [["Content-Type", "application/json"]],
    body: "{}",
    body_size: 2,
    body_truncated: false,
    ...overrides,
  };
}

function outcome(overrides: Partial<SendOutcome> = {}): SendOutcome {
  return {
    verdict: "passed",
    error: null,
    duration_ms: 42.5,
    request: { method: "GET", url: "https://api.example.test/items", headers: [["Accept", "*/*"]], body: null },
    response: response(),
    assertions: [],
    captures: {},
    captures_json: {},
    ...overrides,
  };
}

function show(
  value: SendOutcome | null,
  options: { pending?: boolean; lang?: Lang; onAddAssertion?: (line: string) => void } = {},
) {
  return render(
    <I18nProvider lang={options.lang ?? "en"}>
      <ResponseViewer outcome={value} pending={options.pending} onAddAssertion={options.onAddAssertion} />
    </I18nProvider>,
  );
}

const JSON_BODY = JSON.stringify({
  user: { name: "widget", tags: ["a", "b"], meta: { deep: { x: 1 } } },
  id: 0,
}).replace('"id":0', '"id":9007199254740993');

describe("ResponseViewer", () => {
  it("summarises verdict, status, time and size", () => {
    show(outcome({ response: response({ status: 404, body_size: 2048 }) }));
    expect(screen.getByTestId("verdict").textContent).toBe("passed");
    const status = screen.getByTestId("status");
    expect(status.textContent).toBe("404 Not Found");
    expect(status.className).toContain("rv-status-client-error");
    expect(screen.getByTestId("response-summary").textContent).toContain("42.5 ms");
    expect(screen.getByTestId("size").textContent).toContain("2.0 KB");
  });

  it("copies a text body as received, and offers no copy for a binary one", () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    show(outcome({ response: response({ body: JSON_BODY, body_size: JSON_BODY.length }) }));
    fireEvent.click(screen.getByTestId("viewer-copy-body"));
    expect(writeText).toHaveBeenCalledWith(JSON_BODY);
    cleanup();

    show(outcome({ response: response({ headers: [["Content-Type", "image/png"]], body: { base64: "iVBORw0KGgo=" } }) }));
    expect(screen.queryByTestId("viewer-copy-body")).toBeNull();
  });

  it("shows JSON as a tree whose nodes fold and unfold", () => {
    show(outcome({ response: response({ body: JSON_BODY, body_size: JSON_BODY.length }) }));
    const tree = screen.getByTestId("json-tree");
    // The first two levels are open; deeper ones folded, with their child count.
    expect(tree.textContent).toContain('"widget"');
    expect(tree.textContent).toContain("2 items");
    expect(tree.textContent).not.toContain('"deep"');
    // Numbers are shown as sent, not rounded by JSON.parse.
    expect(tree.textContent).toContain("9007199254740993");

    fireEvent.click(screen.getByRole("button", { name: "Collapse user" }));
    expect(tree.textContent).not.toContain('"widget"');
    expect(tree.textContent).toContain("3 keys");

    fireEvent.click(screen.getByRole("button", { name: "Expand user" }));
    expect(tree.textContent).toContain('"widget"');

    fireEvent.click(screen.getByRole("button", { name: "Expand meta" }));
    expect(tree.textContent).toContain('"deep"');
  });

  it("expands and collapses everything", () => {
    show(outcome({ response: response({ body: JSON_BODY }) }));
    const tree = () => screen.getByTestId("json-tree");
    fireEvent.click(screen.getByRole("button", { name: "Expand all" }));
    expect(tree().textContent).toContain('"x": 1');
    fireEvent.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(tree().textContent).not.toContain('"widget"');
    expect(tree().textContent).toContain("3 keys");
  });

  it("renders only the first page of a huge array", () => {
    const body = JSON.stringify(Array.from({ length: 250 }, (_, i) => i));
    show(outcome({ response: response({ body }) }));
    expect(screen.getByTestId("json-tree").querySelectorAll(".rv-json-number")).toHaveLength(100);
    fireEvent.click(screen.getByRole("button", { name: "Show 100 more (of 150 left)" }));
    expect(screen.getByTestId("json-tree").querySelectorAll(".rv-json-number")).toHaveLength(200);
  });

  it("keeps the user's folding and view across re-sends", () => {
    const view = show(outcome({ response: response({ body: JSON_BODY }) }));
    const rerender = (value: SendOutcome) =>
      view.rerender(
        <I18nProvider lang="en">
          <ResponseViewer outcome={value} />
        </I18nProvider>,
      );
    fireEvent.click(screen.getByRole("button", { name: "Collapse user" }));
    fireEvent.click(screen.getByRole("button", { name: "Expand user" }));
    fireEvent.click(screen.getByRole("button", { name: "Expand meta" }));
    fireEvent.click(screen.getByRole("button", { name: "Collapse user" }));
    const resent = JSON_BODY.replace('"widget"', '"gadget"');
    rerender(outcome({ response: response({ body: resent }) }));
    expect(screen.getByRole("button", { name: "Expand user" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Expand user" }));
    expect(screen.getByTestId("json-tree").textContent).toContain('"gadget"');
    expect(screen.getByRole("button", { name: "Collapse meta" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    rerender(outcome({ response: response({ body: '{"b":2}' }) }));
    expect(screen.getByTestId("raw-body").textContent).toBe('{"b":2}');
  });

  it("lets the user switch a JSON body to raw", () => {
    show(outcome({ response: response({ body: '{"a":1}' }) }));
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(screen.getByTestId("raw-body").textContent).toBe('{"a":1}');
    expect(screen.queryByTestId("json-tree")).toBeNull();
  });

  it("shows a binary body as a hex dump", () => {
    const bytes = "\x00\x01\xfe\xffABC";
    show(
      outcome({
        response: response({
          headers: [["content-type", "application/octet-stream"]],
          body: { base64: btoa(bytes) },
          body_size: bytes.length,
        }),
      }),
    );
    const hex = screen.getByTestId("hex-view");
    expect(hex.textContent).toContain("00000000");
    expect(hex.textContent).toContain("00 01 fe ff 41 42 43");
    expect(hex.textContent).toContain("....ABC");
    expect(screen.getByRole("button", { name: "Hex" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("shows an image through a data URL", () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    show(outcome({ response: response({ headers: [["Content-Type", "image/png"]], body: { base64: png } }) }));
    const image = screen.getByRole("img", { name: "Response image" });
    expect(image.getAttribute("src")).toBe(`data:image/png;base64,${png}`);
  });

  it("notes a body cut at the storage limit", () => {
    show(outcome({ response: response({ body: '{"a":[1,', body_size: 5 * 1024 * 1024, body_truncated: true }) }));
    expect(screen.getByTestId("size").textContent).toContain("5.0 MB");
    expect(screen.getByTestId("size").textContent).toContain("truncated");
    expect(screen.getByText("Body cut at the storage limit: showing the first 8 B of 5.0 MB.")).toBeTruthy();
    // Cut JSON does not parse: the raw view opens instead.
    expect(screen.getByTestId("raw-body").textContent).toBe('{"a":[1,');
  });

  it("shows a transport error instead of a body", () => {
    show(
      outcome({
        verdict: "errored",
        error: { kind: "connect", message: "connection refused (os error 111)" },
        duration_ms: 3,
        response: null,
      }),
    );
    const error = screen.getByRole("alert");
    expect(error.textContent).toContain("Connection failed");
    expect(error.textContent).toContain("connection refused (os error 111)");
    expect(error.textContent).toContain("not a failed assertion");
    expect(screen.getByTestId("verdict").textContent).toBe("errored");
    expect(screen.queryByTestId("status")).toBeNull();
    expect(screen.queryByTestId("json-tree")).toBeNull();
    expect(screen.queryByTestId("raw-body")).toBeNull();
    expect(screen.getByText("No response received.")).toBeTruthy();
  });

  it("shows failed assertions with expected and actual", () => {
    show(
      outcome({
        verdict: "failed",
        assertions: [
          { assertion: "status == 200", passed: true, expected: "200", actual: "200", message: "" },
          {
            assertion: 'jsonpath $.name == "widget"',
            passed: false,
            expected: '"widget"',
            actual: '"gadget"',
            message: "values differ",
          },
        ],
      }),
    );
    const tab = screen.getByRole("tab", { name: /Assertions/ });
    expect(tab.textContent).toContain("1/2");
    fireEvent.click(tab);
    const failed = screen.getByTestId("assertion-failed");
    expect(within(failed).getByText('jsonpath $.name == "widget"')).toBeTruthy();
    expect(within(failed).getByText("expected")).toBeTruthy();
    expect(within(failed).getByText('"widget"')).toBeTruthy();
    expect(within(failed).getByText("actual")).toBeTruthy();
    expect(within(failed).getByText('"gadget"')).toBeTruthy();
    expect(within(failed).getByText("values differ")).toBeTruthy();
    expect(screen.getByText("1 failed")).toBeTruthy();

    fireEvent.click(screen.getByLabelText("Failures only"));
    expect(screen.queryByTestId("assertion-passed")).toBeNull();
  });

  it("lists headers, captures and the request as sent", () => {
    show(
      outcome({
        response: response({ headers: [["Content-Type", "application/json"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]] }),
        captures: { token: "abc", count: 3, id: 9007199254740992 },
        captures_json: { token: '"abc"', count: "3", id: "9007199254740993" },
        request: {
          method: "POST",
          url: "https://api.example.test/items",
          headers: [["Content-Type", "application/json"]],
          body: '{"name":"widget"}',
        },
      }),
    );
    fireEvent.click(screen.getByRole("tab", { name: "Headers 3" }));
    expect(screen.getAllByText("Set-Cookie")).toHaveLength(2);

    fireEvent.click(screen.getByRole("tab", { name: "Captures 3" }));
    expect(screen.getByText("token")).toBeTruthy();
    expect(screen.getByText('"abc"')).toBeTruthy();
    // The exact text, not the rounded number the IPC's JSON reader made of it.
    expect(screen.getByText("9007199254740993")).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "Request" }));
    expect(screen.getByText("POST")).toBeTruthy();
    expect(screen.getByText("https://api.example.test/items")).toBeTruthy();
    // The hidden body tab stays mounted (it keeps its folding), so look inside the request panel.
    const requestPanel = screen.getByRole("tabpanel", { name: "Request" });
    expect(within(requestPanel).getByTestId("json-tree").textContent).toContain('"widget"');
  });

  it("moves between tabs with the arrow keys", () => {
    show(outcome());
    const body = screen.getByRole("tab", { name: "Body" });
    fireEvent.keyDown(body, { key: "ArrowRight" });
    const headers = screen.getByRole("tab", { name: /Headers/ });
    expect(headers.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(headers);
    fireEvent.keyDown(headers, { key: "End" });
    expect(screen.getByRole("tab", { name: "Request" }).getAttribute("aria-selected")).toBe("true");
  });

  it("dims the last outcome while sending", () => {
    show(outcome(), { pending: true });
    expect(screen.getByRole("status").textContent).toBe("Sending…");
    expect(screen.getByTestId("response-viewer").getAttribute("aria-busy")).toBe("true");
    expect(screen.getByTestId("verdict")).toBeTruthy();
  });

  it("invites a first send", () => {
    show(null);
    expect(screen.getByText("Send the request to see the response here.")).toBeTruthy();
  });

  it("speaks Chinese", () => {
    show(outcome({ verdict: "errored", error: { kind: "timeout", message: "30 s" }, response: null }), { lang: "zh" });
    expect(screen.getByRole("tab", { name: "响应体" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /断言/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /提取变量/ })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("请求超时");
  });

  it("offers an assertion for each JSON value, the status and each header", () => {
    const added = vi.fn<(line: string) => void>();
    const body = '{"store":{"open":true,"name":"a \\"b\\"","id":9007199254740993,"odd key":[1]}}';
    show(
      outcome({ response: response({ status: 201, body, body_size: body.length, headers: [["X-Trace", "t-1"]] }) }),
      { onAddAssertion: added },
    );
    const lines = screen.getAllByTestId("viewer-assert").map((b) => b.getAttribute("data-assertion"));
    expect(lines).toEqual([
      "jsonpath $.store exists",
      "jsonpath $.store.open == true",
      'jsonpath $.store.name == "a \\"b\\""',
      "jsonpath $.store.id == 9007199254740993",
      // RFC 9535 bracket notation for a name that is not an identifier.
      'jsonpath $.store["odd key"] exists',
    ]);
    const open = screen.getAllByTestId("viewer-assert").find((b) => b.getAttribute("data-assertion")?.endsWith("open == true"));
    fireEvent.click(open as HTMLElement);
    expect(added).toHaveBeenLastCalledWith("jsonpath $.store.open == true");

    fireEvent.click(screen.getByTestId("viewer-assert-status"));
    expect(added).toHaveBeenLastCalledWith("status == 201");

    fireEvent.click(screen.getByRole("tab", { name: /Headers/ }));
    fireEvent.click(screen.getAllByTestId("viewer-assert-header")[0]);
    expect(added).toHaveBeenLastCalledWith('header X-Trace == "t-1"');
  });

  it("offers no assertion buttons where the page takes none", () => {
    show(outcome({ response: response({ body: '{"a":1}', body_size: 7 }) }));
    expect(screen.queryByTestId("viewer-assert")).toBeNull();
    expect(screen.queryByTestId("viewer-assert-status")).toBeNull();
  });
});
