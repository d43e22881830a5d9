import { describe, expect, it } from "vitest";
import { shortcutOf } from "./shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutOf", () => {
  it("maps Ctrl (or Cmd) combinations", () => {
    expect(shortcutOf(key("Enter", { ctrlKey: true }))).toBe("send");
    expect(shortcutOf(key("s", { metaKey: true }))).toBe("save");
    expect(shortcutOf(key("N", { ctrlKey: true }))).toBe("newCase");
    expect(shortcutOf(key("k", { ctrlKey: true }))).toBe("search");
    expect(shortcutOf(key("f", { ctrlKey: true }))).toBe("find");
  });

  it("ignores plain keys and other combinations", () => {
    expect(shortcutOf(key("Enter"))).toBeNull();
    expect(shortcutOf(key("s", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key("s", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key("x", { ctrlKey: true }))).toBeNull();
  });
});
