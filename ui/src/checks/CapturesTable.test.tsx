import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import type { CaptureMap } from "./captureRows";
import { CapturesTable } from "./CapturesTable";

afterEach(cleanup);

function Harness({ initial, record }: { initial: CaptureMap | undefined; record: (next: CaptureMap | undefined) => void }) {
  const [capture, setCapture] = useState(initial);
  return (
    <CapturesTable
      capture={capture}
      onChange={(next) => {
        record(next);
        setCapture(next);
      }}
    />
  );
}

function show(initial: CaptureMap | undefined) {
  const record = vi.fn<(next: CaptureMap | undefined) => void>();
  render(
    <I18nProvider lang="en">
      <Harness initial={initial} record={record} />
    </I18nProvider>,
  );
  return record;
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement | HTMLSelectElement;

describe("CapturesTable", () => {
  it("shows each capture as name, query and argument", () => {
    show({ id: "jsonpath $.id", where: "header Location" });
    expect(field("checks-capture-0-name").value).toBe("id");
    expect(field("checks-capture-0-query").value).toBe("jsonpath");
    expect(field("checks-capture-0-argument").value).toBe("$.id");
    expect(field("checks-capture-1-query").value).toBe("header");
  });

  it("reports a duplicate name and keeps the first row in the map", () => {
    const record = show({ id: "jsonpath $.id", code: "status" });
    fireEvent.change(field("checks-capture-1-name"), { target: { value: "id" } });
    expect(screen.getByTestId("checks-capture-1-error").textContent).toMatch(/Duplicate name/);
    expect(screen.queryByTestId("checks-capture-0-error")).toBeNull();
    expect(field("checks-capture-1-name").getAttribute("aria-invalid")).toBe("true");
    expect(record).toHaveBeenLastCalledWith({ id: "jsonpath $.id" });
    // Both rows stay on screen although the map holds one.
    expect(field("checks-capture-1-query").value).toBe("status");
  });

  it("reports names with other characters", () => {
    show({ "my id": "body" });
    expect(screen.getByTestId("checks-capture-0-error").textContent).toMatch(/letters, digits/);
  });

  it("writes a regex source quoted", () => {
    const record = show(undefined);
    fireEvent.click(screen.getByTestId("checks-add-capture"));
    fireEvent.change(field("checks-capture-0-name"), { target: { value: "token" } });
    fireEvent.change(field("checks-capture-0-query"), { target: { value: "regex" } });
    fireEvent.change(field("checks-capture-0-argument"), { target: { value: 'token="(\\w+)"' } });
    expect(record).toHaveBeenLastCalledWith({ token: 'regex "token=\\"(\\\\w+)\\""' });
  });

  it("keeps a source the engine refuses as text with its error", () => {
    show({ took: "duration" });
    expect(field("checks-capture-0-text").value).toBe("duration");
    expect(screen.getByTestId("checks-capture-0-error").textContent).toBe("The duration cannot be captured.");
  });

  it("deletes the last row into undefined", () => {
    const record = show({ id: "body" });
    fireEvent.click(screen.getByTestId("checks-capture-0-delete"));
    expect(record).toHaveBeenLastCalledWith(undefined);
  });
});
