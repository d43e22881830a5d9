import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { ParamsTable } from "./ParamsTable";

afterEach(cleanup);

/** A URL input and the params table over the same URL, as in the editor. */
function UrlAndParams({ initial }: { initial: string }) {
  const [url, setUrl] = useState(initial);
  return (
    <I18nProvider lang="en">
      <input data-testid="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <ParamsTable url={url} onUrlChange={setUrl} known={new Set()} />
    </I18nProvider>
  );
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const keys = () => [...document.querySelectorAll<HTMLInputElement>(".ed-kv-key")].map((e) => e.value);
const values = () => [...document.querySelectorAll<HTMLInputElement>('[data-testid^="editor-params-value-"]')].map((e) => e.value);

describe("ParamsTable", () => {
  it("shows the URL's parameters, decoded, disabled ones unchecked", () => {
    render(<UrlAndParams initial="https://a/x?q=big+cat&~id={{id}}" />);
    expect(keys()).toEqual(["q", "id", ""]);
    expect(values()).toEqual(["big cat", "{{id}}", ""]);
    expect(input("editor-params-enabled-0").checked).toBe(true);
    expect(input("editor-params-enabled-1").checked).toBe(false);
  });

  it("switches a parameter off and on, keeping it in the URL", () => {
    render(<UrlAndParams initial="https://a/x?q=1&page=2" />);
    fireEvent.click(input("editor-params-enabled-0"));
    expect(input("url").value).toBe("https://a/x?~q=1&page=2");
    fireEvent.click(input("editor-params-enabled-0"));
    expect(input("url").value).toBe("https://a/x?q=1&page=2");
  });

  it("re-reads the table when the URL is edited", () => {
    render(<UrlAndParams initial="https://a/x?q=1" />);
    fireEvent.change(input("url"), { target: { value: "https://a/x?q=2&page=3" } });
    expect(keys()).toEqual(["q", "page", ""]);
    expect(values()).toEqual(["2", "3", ""]);
  });

  it("rewrites the URL when the table is edited", () => {
    render(<UrlAndParams initial="https://a/x?q=1#top" />);
    fireEvent.change(input("editor-params-value-0"), { target: { value: "a b" } });
    expect(input("url").value).toBe("https://a/x?q=a+b#top");
    fireEvent.change(input("editor-params-key-1"), { target: { value: "page" } });
    expect(input("url").value).toBe("https://a/x?q=a+b&page=#top");
    fireEvent.change(input("editor-params-value-1"), { target: { value: "2" } });
    expect(input("url").value).toBe("https://a/x?q=a+b&page=2#top");
    fireEvent.click(screen.getByTestId("editor-params-delete-0"));
    expect(input("url").value).toBe("https://a/x?page=2#top");
  });

  it("keeps a row emptied in the middle while the URL drops it", () => {
    render(<UrlAndParams initial="https://a/x?a=&b=2" />);
    fireEvent.change(input("editor-params-key-0"), { target: { value: "" } });
    expect(input("url").value).toBe("https://a/x?b=2");
    expect(keys()).toEqual(["", "b", ""]);
    fireEvent.change(input("editor-params-key-0"), { target: { value: "c" } });
    expect(input("url").value).toBe("https://a/x?c=&b=2");
  });
});
