/**
 * Copying text. The async Clipboard API first; where the webview refuses it (no secure
 * context, no permission), the older selection-and-copy way, which WebKitGTK supports
 * inside a user gesture.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the selection way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("the clipboard is not available");
}
