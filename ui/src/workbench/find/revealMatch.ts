/** Marks the element whose own scrolling brings a match into view (the tree, the raw text). */
export const FIND_SCROLL_BOX = { "data-find-scroll": "" } as const;

/**
 * Centres the match in its scroll box, as editors do, then scrolls the page around only
 * as far as needed: scrolling the page first would push the find bar out of sight.
 */
export function revealMatch(mark: HTMLElement) {
  const box = mark.closest<HTMLElement>("[data-find-scroll]");
  if (box) {
    const outer = box.getBoundingClientRect();
    const inner = mark.getBoundingClientRect();
    if (inner.top < outer.top || inner.bottom > outer.bottom) {
      box.scrollTop += inner.top - outer.top - (outer.height - inner.height) / 2;
    }
    if (inner.left < outer.left || inner.right > outer.right) {
      box.scrollLeft += inner.left - outer.left - (outer.width - inner.width) / 2;
    }
  }
  mark.scrollIntoView?.({ block: "nearest", inline: "nearest" });
}
