import { describe, expect, it } from "vitest";
import {
  EXPANDED_STORAGE_KEY,
  loadExpanded,
  parseExpanded,
  serializeExpanded,
  storeExpanded,
  withKey,
  withNewCollections,
  withRenamedFolder,
} from "./expandedStore";

describe("expandedStore", () => {
  it("round-trips through its stored text", () => {
    const state = { expanded: new Set(["c:a", "f:a:users"]), seenCollections: new Set(["a"]) };
    const back = parseExpanded(serializeExpanded(state));
    expect([...back.expanded]).toEqual(["c:a", "f:a:users"]);
    expect([...back.seenCollections]).toEqual(["a"]);
  });

  it("treats missing or broken text as nothing stored", () => {
    for (const text of [null, "", "not json", "42", "null", '{"expanded":"c:a"}']) {
      const state = parseExpanded(text);
      expect(state.expanded.size).toBe(0);
      expect(state.seenCollections.size).toBe(0);
    }
    expect([...parseExpanded('{"expanded":["c:a",3],"seen":[null,"a"]}').expanded]).toEqual(["c:a"]);
  });

  it("expands collections seen for the first time only", () => {
    const start = parseExpanded(null);
    const first = withNewCollections(start, ["a", "b"]);
    expect([...first.expanded]).toEqual(["c:a", "c:b"]);
    const collapsed = { ...first, expanded: withKey(first.expanded, "c:a", false) };
    const later = withNewCollections(collapsed, ["a", "b", "c"]);
    expect([...later.expanded].sort()).toEqual(["c:b", "c:c"]);
    expect(withNewCollections(later, ["a", "c"])).toBe(later);
  });

  it("adds and removes keys, keeping the same set when nothing changes", () => {
    const keys = new Set(["x"]);
    expect(withKey(keys, "x", true)).toBe(keys);
    expect(withKey(keys, "y", false)).toBe(keys);
    expect([...withKey(keys, "y", true)]).toEqual(["x", "y"]);
    expect([...withKey(keys, "x", false)]).toEqual([]);
  });

  it("moves the keys of a renamed folder and its subfolders only", () => {
    const keys = new Set(["c:a", "f:a:users", "f:a:users/admin", "f:a:usersX", "f:b:users"]);
    expect([...withRenamedFolder(keys, "a", "users", "people")]).toEqual([
      "c:a",
      "f:a:people",
      "f:a:people/admin",
      "f:a:usersX",
      "f:b:users",
    ]);
    expect(withRenamedFolder(keys, "a", "orders", "sales")).toBe(keys);
  });

  it("reads and writes the storage under its key, surviving storage errors", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
    storeExpanded(storage, { expanded: new Set(["c:a"]), seenCollections: new Set(["a"]) });
    expect(store.has(EXPANDED_STORAGE_KEY)).toBe(true);
    expect([...loadExpanded(storage).expanded]).toEqual(["c:a"]);
    const broken = {
      getItem: (): string | null => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadExpanded(broken).expanded.size).toBe(0);
    expect(() => storeExpanded(broken, loadExpanded(null))).not.toThrow();
  });
});
