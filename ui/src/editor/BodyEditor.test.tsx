import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BodyEditor } from "./BodyEditor";
import type { CaseDraft } from "./caseDraft";
import { testDraft } from "./testCases";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

function renderBody(draft: CaseDraft, onPickFile?: () => Promise<string | null>) {
  return renderControlled(draft, (value, onChange) => (
    <BodyEditor draft={value} onChange={onChange} known={new Set(["name"])} onPickFile={onPickFile} />
  ));
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement & HTMLTextAreaElement;

describe("BodyEditor", () => {
  it("checks the JSON as it is typed and formats it once valid", () => {
    const { latest } = renderBody(testDraft({ method: "POST" }));
    fireEvent.click(screen.getByTestId("editor-body-kind-json"));
    const format = screen.getByTestId("editor-body-json-format") as HTMLButtonElement;

    fireEvent.change(field("editor-body-json"), { target: { value: '{"name": "{{name}}",\n "tags": [1, 2' } });
    expect(screen.getByTestId("editor-body-json-error").textContent).toBe(
      "The JSON body is not valid JSON (line 2, column 15).",
    );
    expect(format.disabled).toBe(true);

    fireEvent.change(field("editor-body-json"), { target: { value: '{"name": "{{name}}", "tags": [1, 2]}' } });
    expect(screen.queryByTestId("editor-body-json-error")).toBeNull();
    expect(format.disabled).toBe(false);

    fireEvent.click(format);
    const pretty = '{\n  "name": "{{name}}",\n  "tags": [\n    1,\n    2\n  ]\n}';
    expect(field("editor-body-json").value).toBe(pretty);
    expect(latest().jsonText).toBe(pretty);
    expect(latest().case.request.json).toEqual({ name: "{{name}}", tags: [1, 2] });
  });

  it("formats without touching a value: 64-bit integers, key order, escapes", () => {
    const { latest } = renderBody(testDraft({ method: "POST" }));
    fireEvent.click(screen.getByTestId("editor-body-kind-json"));
    fireEvent.change(field("editor-body-json"), { target: { value: '{"id":9007199254740993,"2":"b","1":"a","s":"\\u00e9"}' } });
    fireEvent.click(screen.getByTestId("editor-body-json-format"));
    const pretty = '{\n  "id": 9007199254740993,\n  "2": "b",\n  "1": "a",\n  "s": "\\u00e9"\n}';
    expect(field("editor-body-json").value).toBe(pretty);
    expect(latest().jsonText).toBe(pretty);
  });

  it("colours the JSON body and its variables as it is typed", () => {
    renderBody(testDraft({ method: "POST" }));
    fireEvent.click(screen.getByTestId("editor-body-kind-json"));
    fireEvent.change(field("editor-body-json"), { target: { value: '{"who": "{{name}} {{nobody}}", "n": 1, "ok": true, "x": oops}' } });
    const mirror = field("editor-body-json").parentElement?.querySelector(".json-area-mirror");
    const spans = (selector: string) => [...(mirror?.querySelectorAll(selector) ?? [])].map((span) => span.textContent);
    expect(spans(".json-key")).toEqual(['"who"', '"n"', '"ok"', '"x"']);
    expect(spans(".json-string")).toEqual(['"{{name}} {{nobody}}"']);
    expect(spans(".var-known")).toEqual(["{{name}}"]);
    expect(spans(".var-unknown")).toEqual(["{{nobody}}"]);
    expect(spans(".json-number")).toEqual(["1"]);
    expect(spans(".json-literal")).toEqual(["true"]);
    expect(spans(".json-invalid")).toEqual(["oops"]);
    expect(mirror?.textContent).toBe(field("editor-body-json").value + "\n");
  });

  it("says an empty JSON body blocks saving", () => {
    renderBody(testDraft());
    fireEvent.click(screen.getByTestId("editor-body-kind-json"));
    expect(screen.getByTestId("editor-body-json-error").textContent).toContain("The JSON body is empty");
    expect((screen.getByTestId("editor-body-json-format") as HTMLButtonElement).disabled).toBe(true);
  });

  it("switches kinds with the radio buttons, carrying the text over", () => {
    const { latest } = renderBody(testDraft({ json: { a: 1 } }));
    expect((screen.getByTestId("editor-body-kind-json") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId("editor-body-kind-text"));
    expect(field("editor-body-text").value).toBe('{\n  "a": 1\n}');
    expect(screen.getByText(/Set the Content-Type header yourself/)).toBeTruthy();
    fireEvent.click(screen.getByTestId("editor-body-kind-none"));
    expect(latest().case.request).toEqual({ method: "GET", url: "https://api.test/users" });
  });

  it("edits form fields as rows, keeping an empty form a form", () => {
    const { latest } = renderBody(testDraft({ form: { user: "a" } }));
    fireEvent.click(field("editor-form-enabled-0"));
    expect(latest().case.request.form).toEqual({ "~user": "a" });
    fireEvent.click(screen.getByTestId("editor-form-delete-0"));
    expect(latest().case.request.form).toEqual({});
    expect((screen.getByTestId("editor-body-kind-form") as HTMLInputElement).checked).toBe(true);
  });

  it("picks a file for a multipart row", async () => {
    const pick = vi.fn(async () => "data/avatar.png");
    const { latest } = renderBody(testDraft({ multipart: [{ name: "avatar", value: "" }] }), pick);
    fireEvent.change(screen.getByTestId("editor-multipart-type-0"), { target: { value: "file" } });
    expect(latest().case.request.multipart).toEqual([{ name: "avatar", file: "" }]);
    expect(screen.getByTestId("editor-multipart-row-0").textContent).toContain("Choose a file");
    await act(async () => {
      fireEvent.click(screen.getByTestId("editor-multipart-choose-0"));
    });
    expect(pick).toHaveBeenCalledOnce();
    expect(latest().case.request.multipart).toEqual([{ name: "avatar", file: "data/avatar.png" }]);
    expect(field("editor-multipart-file-0").value).toBe("data/avatar.png");
  });

  it("adds a multipart part from the blank row", () => {
    const { latest } = renderBody(testDraft({ multipart: [] }));
    fireEvent.change(field("editor-multipart-name-0"), { target: { value: "note" } });
    fireEvent.change(field("editor-multipart-value-0"), { target: { value: "hi" } });
    fireEvent.change(field("editor-multipart-content-type-0"), { target: { value: "text/plain" } });
    expect(latest().case.request.multipart).toEqual([{ name: "note", value: "hi", content_type: "text/plain" }]);
    expect(screen.queryByTestId("editor-multipart-choose-0")).toBeNull();
  });
});
