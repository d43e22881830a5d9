import { describe, expect, it } from "vitest";
import { indentInsertion } from "./indentKeys";

const key = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  isComposing: false,
  ...extra,
});

/** `text` with `|` marking the caret. */
const at = (marked: string) => {
  const caret = marked.indexOf("|");
  return [marked.replace("|", ""), caret, caret] as const;
};

describe("indentInsertion", () => {
  it("keeps the line's indentation on Enter", () => {
    expect(indentInsertion(key("Enter"), ...at('{\n    "a": 1,|\n}'))).toBe("\n    ");
    expect(indentInsertion(key("Enter"), ...at("|"))).toBe("\n");
  });

  it("goes one level in after an opening bracket, and puts a closing one on its own line", () => {
    expect(indentInsertion(key("Enter"), ...at('  "a": {|'))).toBe("\n    ");
    expect(indentInsertion(key("Enter"), ...at('  "a": [ |'))).toBe("\n    ");
    expect(indentInsertion(key("Enter"), ...at("  {|}"))).toBe("\n    \n  ");
    expect(indentInsertion(key("Enter"), ...at("[|]"))).toBe("\n  \n");
  });

  it("types two spaces on Tab and leaves Shift+Tab, modified keys and IME input alone", () => {
    expect(indentInsertion(key("Tab"), ...at("a|"))).toBe("  ");
    expect(indentInsertion(key("Tab", { shiftKey: true }), ...at("a|"))).toBeNull();
    expect(indentInsertion(key("Enter", { ctrlKey: true }), ...at("a|"))).toBeNull();
    expect(indentInsertion(key("Enter", { shiftKey: true }), ...at("a|"))).toBeNull();
    expect(indentInsertion(key("Enter", { isComposing: true }), ...at("a|"))).toBeNull();
    expect(indentInsertion(key("a"), ...at("a|"))).toBeNull();
  });
});
