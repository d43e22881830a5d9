/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in text fields. WebKitGTK, the web view of the Linux app,
 * keeps an undo history for inputs and text areas but binds no key to it (only browsers
 * built on it add the binding), so without this Ctrl+Z does nothing in any field of the
 * app. The keys run the same editing commands the browser's own binding would, on the
 * field's own history; where the web view already binds them (macOS, Windows) the result
 * is the same, and the default is prevented so it happens once.
 */

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

export type EditingCommand = "undo" | "redo";

/** The command a key press asks for, or null. Cmd on macOS, Ctrl elsewhere. */
export function undoCommandOf(event: KeyLike): EditingCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

/** Whether `target` is a field whose text the user edits. */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) {
    const typed = ["text", "search", "url", "email", "password", "number", "tel"].includes(target.type);
    return typed && !target.readOnly && !target.disabled;
  }
  return target instanceof HTMLElement && target.isContentEditable;
}

function onKeyDown(event: KeyboardEvent): void {
  const command = undoCommandOf(event);
  if (command === null || !isTextField(event.target)) return;
  if (typeof document.execCommand !== "function") return;
  event.preventDefault();
  document.execCommand(command);
}

/** Installs the keys on the whole page; returns the uninstaller. */
export function installUndoKeys(target: Window = window): () => void {
  target.addEventListener("keydown", onKeyDown);
  return () => target.removeEventListener("keydown", onKeyDown);
}
