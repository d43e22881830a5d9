import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18nProvider";
import { BodyPanel } from "../BodyPanel";
import { focusBodyFind } from "./focusBodyFind";

afterEach(cleanup);

const JSON_HEADERS: Array<[string, string]> = [["Content-Type", "application/json"]];

function show(body: string | { base64: string }, headers = JSON_HEADERS) {
  render(
    <I18nProvider lang="en">
      <BodyPanel body={body} headers={headers} />
    </I18nProvider>,
  );
}

function find(query: string) {
  fireEvent.change(screen.getByTestId("viewer-find"), { target: { value: query } });
}

const press = (key: string, shiftKey = false) => fireEvent.keyDown(screen.getByTestId("viewer-find"), { key, shiftKey });
const count = () => screen.getByTestId("viewer-find-count").textContent;
const current = () => screen.getByTestId("find-current");

describe("find in a response body", () => {
  it("opens the tree down to each match, past folded levels and the first page of an array", () => {
    // Depth 3 starts folded; item 150 is beyond the first 100 shown.
    const items = Array.from({ length: 200 }, (_, i) => ({ id: i, deep: { deeper: { label: i === 150 ? "Needle" : "hay" } } }));
    show(JSON.stringify({ items, note: "needle in a haystack" }));
    expect(screen.queryByText(/Needle/)).toBeNull();

    find("needle");
    expect(count()).toBe("1 of 2");
    expect(current().textContent).toBe("Needle");
    expect(current().closest("[data-testid=json-tree]")).not.toBeNull();

    press("Enter");
    expect(count()).toBe("2 of 2");
    expect(current().textContent).toBe("needle");
    expect(current().parentElement?.textContent).toBe('"needle in a haystack"');
    // All matches stay marked; Shift+Enter goes back, wrapping round.
    expect(document.querySelectorAll("mark.find-hit").length).toBe(2);
    press("Enter", true);
    expect(current().textContent).toBe("Needle");
    press("Enter", true);
    expect(count()).toBe("2 of 2");
  });

  it("leaves a node the user folds folded until they move to the next match", () => {
    show('{"a": {"x": "needle", "y": "needle"}}');
    find("needle");
    expect(count()).toBe("1 of 2");
    fireEvent.click(screen.getByRole("button", { name: "Collapse root" }));
    expect(screen.queryByTestId("find-current")).toBeNull();
    press("Enter");
    expect(count()).toBe("2 of 2");
    expect(current().closest(".rv-json-line")?.textContent).toContain('"y": "needle"');
  });

  it("finds keys and exact numbers as the tree shows them", () => {
    show('{"owner_id": 9007199254740993, "name": "x"}');
    find("owner");
    expect(current().parentElement?.className).toBe("rv-json-key");
    find("740993");
    expect(count()).toBe("1 of 1");
    expect(current().parentElement?.textContent).toBe("9007199254740993");
  });

  it("searches the raw text in the raw view, and says when nothing matches", () => {
    show("line one\nline two\nthree", [["Content-Type", "text/plain"]]);
    find("LINE");
    expect(count()).toBe("1 of 2");
    expect(screen.getByTestId("raw-body").querySelectorAll("mark").length).toBe(2);
    find("four");
    expect(count()).toBe("No match");
    expect(screen.getByTestId("raw-body").querySelectorAll("mark").length).toBe(0);
  });

  it("keeps the query when the view changes, and Escape clears it", () => {
    show('{"a": "needle"}');
    find("needle");
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(count()).toBe("1 of 1");
    expect(current().textContent).toBe("needle");
    press("Escape");
    expect((screen.getByTestId("viewer-find") as HTMLInputElement).value).toBe("");
    expect(document.querySelector("mark")).toBeNull();
  });

  it("has no find field for views it cannot search", () => {
    show({ base64: btoa("\u0000\u0001binary") }, [["Content-Type", "application/octet-stream"]]);
    expect(screen.getByTestId("hex-view")).toBeTruthy();
    expect(screen.queryByTestId("viewer-find")).toBeNull();
    expect(focusBodyFind()).toBe(false);
    // Its raw view (servers mislabel text as binary) can be searched.
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    find("binary");
    expect(count()).toBe("1 of 1");
  });

  it("is reached from the page's find shortcut, selected for a new query", () => {
    show('{"a": 1}');
    find("old");
    act(() => {
      expect(focusBodyFind()).toBe(true);
    });
    const field = screen.getByTestId("viewer-find") as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 3]);
  });
});
