import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AssertionText } from "../bindings/AssertionText";
import { I18nProvider } from "../i18n/I18nProvider";
import { AssertionsTable } from "./AssertionsTable";

afterEach(cleanup);

/** The table with its value held in state, as the page holds it, and every change recorded. */
function Harness({ initial, record }: { initial: AssertionText[] | undefined; record: (next: AssertionText[] | undefined) => void }) {
  const [assertions, setAssertions] = useState(initial);
  return (
    <AssertionsTable
      assertions={assertions}
      onChange={(next) => {
        record(next);
        setAssertions(next);
      }}
      known={new Set(["known"])}
    />
  );
}

function show(initial: AssertionText[] | undefined) {
  const record = vi.fn<(next: AssertionText[] | undefined) => void>();
  render(
    <I18nProvider lang="en">
      <Harness initial={initial} record={record} />
    </I18nProvider>,
  );
  return record;
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement | HTMLSelectElement;

describe("AssertionsTable", () => {
  it("shows a line as fields", () => {
    show(['jsonpath $.name == "widget"']);
    expect(field("checks-assertion-0-query").value).toBe("jsonpath");
    expect(field("checks-assertion-0-argument").value).toBe("$.name");
    expect(field("checks-assertion-0-predicate").value).toBe("==");
    expect(field("checks-assertion-0-value").value).toBe('"widget"');
  });

  it("rewrites the line when the predicate changes", () => {
    const record = show(["status == 200", 'header Content-Type contains "json"']);
    fireEvent.change(field("checks-assertion-1-predicate"), { target: { value: "exists" } });
    expect(record).toHaveBeenLastCalledWith(["status == 200", "header Content-Type exists"]);
    expect(screen.queryByTestId("checks-assertion-1-value")).toBeNull();
    fireEvent.change(field("checks-assertion-0-predicate"), { target: { value: "<" } });
    expect(record).toHaveBeenLastCalledWith(["status < 200", "header Content-Type exists"]);
  });

  it("shows an invalid regex inline", () => {
    show(['body matches "ok"']);
    expect(screen.queryByTestId("checks-assertion-0-error")).toBeNull();
    fireEvent.change(field("checks-assertion-0-value"), { target: { value: '"(unclosed"' } });
    expect(screen.getByTestId("checks-assertion-0-error").textContent).toMatch(/^Invalid regex/);
    expect(field("checks-assertion-0-value").getAttribute("aria-invalid")).toBe("true");
  });

  it("keeps a half-typed value as fields, not as raw text", () => {
    const record = show(["jsonpath $.a exists"]);
    fireEvent.change(field("checks-assertion-0-predicate"), { target: { value: "==" } });
    fireEvent.change(field("checks-assertion-0-value"), { target: { value: '"ab' } });
    expect(record).toHaveBeenLastCalledWith(['jsonpath $.a == "ab']);
    expect(field("checks-assertion-0-value").value).toBe('"ab');
    expect(screen.getByTestId("checks-assertion-0-error").textContent).toMatch(/not JSON/);
  });

  it("keeps a line that does not parse as editable text, which becomes fields once it parses", () => {
    const record = show(["stauts == 200"]);
    const text = field("checks-assertion-0-text");
    expect(text.value).toBe("stauts == 200");
    expect(screen.getByTestId("checks-assertion-0-error").textContent).toMatch(/unknown query `stauts`/);
    expect(screen.queryByTestId("checks-assertion-0-query")).toBeNull();
    fireEvent.change(text, { target: { value: "status == 200" } });
    expect(record).toHaveBeenLastCalledWith(["status == 200"]);
    fireEvent.blur(screen.getByTestId("checks-assertion-0-text"));
    expect(field("checks-assertion-0-query").value).toBe("status");
  });

  it("adds, moves and deletes rows, and emits undefined when none is left", () => {
    const record = show(undefined);
    fireEvent.click(screen.getByTestId("checks-add-assertion"));
    fireEvent.click(screen.getByTestId("checks-add-assertion-line"));
    expect(record).toHaveBeenLastCalledWith(["status == 200"]);
    fireEvent.click(screen.getByTestId("checks-add-assertion"));
    fireEvent.click(screen.getByTestId("checks-add-assertion-schema"));
    const schema = { schema: '{\n  "type": "object"\n}' };
    expect(record).toHaveBeenLastCalledWith(["status == 200", schema]);
    fireEvent.click(screen.getByTestId("checks-assertion-1-up"));
    expect(record).toHaveBeenLastCalledWith([schema, "status == 200"]);
    fireEvent.click(screen.getByTestId("checks-assertion-0-delete"));
    fireEvent.click(screen.getByTestId("checks-assertion-0-delete"));
    expect(record).toHaveBeenLastCalledWith(undefined);
  });

  it("validates an inline schema and switches to a file", () => {
    const record = show([{ schema: { type: "object" } }]);
    fireEvent.change(field("checks-assertion-0-schema-text"), { target: { value: "[1]" } });
    expect(screen.getByTestId("checks-assertion-0-error").textContent).toBe(
      "A JSON Schema is an object or true / false.",
    );
    fireEvent.click(screen.getByTestId("checks-assertion-0-schema-file"));
    fireEvent.change(screen.getByRole("textbox", { name: "Schema file" }), { target: { value: "user.json" } });
    expect(record).toHaveBeenLastCalledWith([{ schema_file: "user.json" }]);
  });

  it("formats an inline schema typed on one line", () => {
    const record = show([{ schema: { type: "object" } }]);
    const format = screen.getByTestId("checks-assertion-0-schema-format") as HTMLButtonElement;
    fireEvent.change(field("checks-assertion-0-schema-text"), { target: { value: '{"type":"object","required":["id"]' } });
    expect(format.disabled).toBe(true);
    fireEvent.change(field("checks-assertion-0-schema-text"), { target: { value: '{"type":"object","required":["id"]}' } });
    fireEvent.click(format);
    expect(field("checks-assertion-0-schema-text").value).toBe('{\n  "type": "object",\n  "required": [\n    "id"\n  ]\n}');
    expect(record).toHaveBeenLastCalledWith([{ schema: '{\n  "type": "object",\n  "required": [\n    "id"\n  ]\n}' }]);
    expect(format.disabled).toBe(true);
  });

  it("warns about unknown variables in a value", () => {
    show(["jsonpath $.id == {{nope}}", "jsonpath $.id == {{known}}"]);
    expect(screen.getByTestId("checks-assertion-0-warning").textContent).toBe("Unknown variable: nope");
    expect(screen.queryByTestId("checks-assertion-1-warning")).toBeNull();
  });

  it("follows a value changed from outside", () => {
    const { rerender } = render(
      <I18nProvider lang="en">
        <AssertionsTable assertions={["status == 200"]} onChange={() => undefined} known={new Set()} />
      </I18nProvider>,
    );
    rerender(
      <I18nProvider lang="en">
        <AssertionsTable assertions={["status == 200", "body exists"]} onChange={() => undefined} known={new Set()} />
      </I18nProvider>,
    );
    expect(field("checks-assertion-1-query").value).toBe("body");
  });
});
