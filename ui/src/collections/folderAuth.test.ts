import { describe, expect, it } from "vitest";
import { withFolderAuth, withFolderScripts } from "./folderAuth";

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

describe("withFolderScripts", () => {
  it("sets a folder's scripts beside its auth, and keeps the folder's entry", () => {
    const auth = { bearer: { token: "t" } };
    const folders = [{ path: "a", auth }, { path: "b" }];
    const withPre = withFolderScripts(folders, "a", { pre: "pm.variables.set('x', 1)" });
    expect(withPre).toEqual([{ path: "a", auth, scripts: { pre: "pm.variables.set('x', 1)" } }, { path: "b" }]);
    expect(withFolderScripts(withPre, "a", undefined)).toEqual([{ path: "a", auth }, { path: "b" }]);
    expect(withFolderScripts(folders, "new", { test: "pm.test('x', () => {})" })).toEqual([
      ...folders,
      { path: "new", scripts: { test: "pm.test('x', () => {})" } },
    ]);
    expect(withFolderScripts([{ path: "c", scripts: { pre: "x" } }], "c", undefined)).toEqual([{ path: "c" }]);
  });
});
