import { describe, expect, it } from "vitest";
import { childPath, FoldMemory, ROOT_PATH } from "./foldMemory";

describe("FoldMemory", () => {
  it("builds unambiguous paths", () => {
    expect(childPath(childPath(ROOT_PATH, "user"), 0)).toBe("$/user/0");
    expect(childPath(ROOT_PATH, "a/b")).not.toBe(childPath(childPath(ROOT_PATH, "a"), "b"));
    expect(childPath(ROOT_PATH, "~1")).toBe("$/~01");
  });

  it("follows the policy until the user decides", () => {
    const memory = new FoldMemory();
    expect(memory.isOpen("$/user", 1, "default")).toBe(true);
    memory.remember("$/user", false);
    expect(memory.isOpen("$/user", 1, "default")).toBe(false);
    expect(memory.isOpen("$/user/meta", 2, "default")).toBe(false);
    memory.forget();
    expect(memory.isOpen("$/user", 1, "default")).toBe(true);
  });
});
