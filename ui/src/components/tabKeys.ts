/**
 * WAI-ARIA tabs move with the keyboard: arrows go to the next or previous tab (wrapping),
 * Home and End to the first and last. Shared by every tab bar of the app.
 */
export function tabIndexForKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
