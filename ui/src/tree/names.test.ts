import { describe, expect, it } from "vitest";
import { childFolderPath, nameProblem } from "./names";

describe("names", () => {
  const existingFolders = new Set(["users", "users/admin", "orders"]);

  it("requires a name for every kind", () => {
    for (const kind of ["collection", "folder", "case"] as const) {
      expect(nameProblem(kind, "")?.key).toBe("tree.error.empty");
    }
    expect(nameProblem("case", "Get user")).toBeNull();
    expect(nameProblem("collection", "a/b")).toBeNull();
  });

  it("refuses a slash in a folder name", () => {
    expect(nameProblem("folder", "a/b")?.key).toBe("tree.error.slash");
    expect(nameProblem("folder", "a/b", { parent: null, existingFolders })?.key).toBe("tree.error.slash");
  });

  it("refuses a folder that already exists next to it", () => {
    expect(nameProblem("folder", "users", { parent: null, existingFolders })).toEqual({
      key: "tree.error.folderExists",
      params: { name: "users" },
    });
    expect(nameProblem("folder", "admin", { parent: "users", existingFolders })?.key).toBe("tree.error.folderExists");
    expect(nameProblem("folder", "admin", { parent: null, existingFolders })).toBeNull();
    // Renaming a folder to its own name is no clash.
    expect(nameProblem("folder", "admin", { parent: "users", existingFolders, currentPath: "users/admin" })).toBeNull();
  });

  it("joins folder paths", () => {
    expect(childFolderPath(null, "users")).toBe("users");
    expect(childFolderPath("users", "admin")).toBe("users/admin");
  });
});
