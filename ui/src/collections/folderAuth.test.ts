import { describe, expect, it } from "vitest";
import { withFolderAuth } from "./folderAuth";

describe("withFolderAuth", () => {
  it("sets and removes a folder's auth and keeps its scripts", () => {
    const folders = [{ path: "a", scripts: { pre: "pm.variables.set('x', 1);" } }, { path: "b" }];
    const set = withFolderAuth(folders, "a", { bearer: { token: "{{t}}" } });
    expect(set).toEqual([
      { path: "a", scripts: { pre: "pm.variables.set('x', 1);" }, auth: { bearer: { token: "{{t}}" } } },
      { path: "b" },
    ]);
    expect(withFolderAuth(set, "a", null)).toEqual(folders);
    expect(withFolderAuth(folders, "c", "none")).toEqual([...folders, { path: "c", auth: "none" }]);
  });
});
