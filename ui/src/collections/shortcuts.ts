/**
 * The Collections page's keyboard shortcuts. Ctrl on Linux and Windows, Cmd on macOS.
 * Ctrl+Enter and Ctrl+S work while typing in a field (that is when they are wanted);
 * Ctrl+N and Ctrl+K too, since the browser's own meaning (new window, search bar) does not
 * apply in the app. Ctrl+F finds in the response body (the embedded webview has no find
 * in page of its own).
 */
export type Shortcut = "send" | "save" | "newCase" | "search" | "find";

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

export function shortcutOf(event: KeyLike): Shortcut | null {
  const command = event.ctrlKey || event.metaKey;
  if (!command || event.altKey) return null;
  switch (event.key.toLowerCase()) {
    case "enter":
      return "send";
    case "s":
      return event.shiftKey ? null : "save";
    case "n":
      return event.shiftKey ? null : "newCase";
    case "k":
      return "search";
    case "f":
      return event.shiftKey ? null : "find";
    default:
      return null;
  }
}
