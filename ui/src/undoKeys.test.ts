import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installUndoKeys, undoCommandOf } from "./undoKeys";

describe("undoCommandOf", () => {
  const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
    undoCommandOf({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

  it("reads Ctrl or Cmd with Z, Shift+Z and Y", () => {
    expect(key("z", { ctrlKey: true })).toBe("undo");
    expect(key("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(key("y", { ctrlKey: true })).toBe("redo");
    expect(key("z", { metaKey: true })).toBe("undo");
    expect(key("z")).toBeNull();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeNull();
    expect(key("s", { ctrlKey: true })).toBeNull();
  });
});

describe("installUndoKeys", () => {
  let uninstall: () => void;
  const execCommand = vi.fn(() => true);
  beforeEach(() => {
    // jsdom has no editing commands; the web views all do.
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    uninstall = installUndoKeys();
  });
  afterEach(() => {
    uninstall();
    execCommand.mockClear();
    document.body.innerHTML = "";
  });

  const press = (element: Element, init: KeyboardEventInit) => {
    const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
    element.dispatchEvent(event);
    return event;
  };

  it("runs undo and redo in text fields, and prevents the key's default", () => {
    document.body.innerHTML = '<textarea></textarea><input type="text"><input type="checkbox"><button>b</button>';
    const [area, text, box, button] = [...document.body.children];
    expect(press(area, { key: "z", ctrlKey: true }).defaultPrevented).toBe(true);
    expect(execCommand).toHaveBeenLastCalledWith("undo");
    expect(press(text, { key: "z", ctrlKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    expect(execCommand).toHaveBeenLastCalledWith("redo");

    execCommand.mockClear();
    expect(press(box, { key: "z", ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press(button, { key: "z", ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press(area, { key: "z" }).defaultPrevented).toBe(false);
    expect(execCommand).not.toHaveBeenCalled();
  });
});
