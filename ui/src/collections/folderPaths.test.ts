import { describe, expect, it } from "vitest";
import type { CaseSummary } from "../bindings/CaseSummary";
import { folderPaths } from "./folderPaths";

const inFolder = (folder: string | null): CaseSummary => ({
  id: "k",
  collection_id: "c",
  name: "n",
  folder,
  method: "GET",
  url: "/",
  captures: [],
});

describe("folderPaths", () => {
  it("lists settings folders first, then case folders with their parents, once each", () => {
    const settings = { variables: {}, auth: null, folders: [{ path: "b" }] };
    expect(folderPaths(settings, [inFolder("a/x"), inFolder(null), inFolder("b"), inFolder("a")])).toEqual([
      "b",
      "a",
      "a/x",
    ]);
  });
});
