/**
 * Which rows of a fixed-height list are in view: O(rows in view), whatever the count.
 *
 * Why not a general virtualizer: TanStack Virtual keeps a measurement object per row and
 * rebuilds the list when the count changes; a live batch changes the count five times a
 * second, so at 1M results that was 1M objects rebuilt per tick (the soak's web process
 * grew ~200 bytes per result while shown; docs/performance.md).
 *
 * Engines cap an element's height (WebKit near 33.5M px), so past `MAX_SCROLL_HEIGHT` the
 * scroll range is compressed: the scroll fraction picks the first row, and rows are drawn
 * from the scroll position (a pixel of scroll then moves more than a pixel of rows).
 */

/** Scroll heights stay below this (well under every engine's limit). */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export type RowWindow = {
  /** First and last row to draw (last < first when there is none). */
  first: number;
  last: number;
  /** Height of the scrolled content. */
  totalHeight: number;
  /** Where row `index` goes, from the top of the content. */
  top: (index: number) => number;
};

export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowWindow {
  const natural = count * rowHeight;
  const totalHeight = Math.min(natural, MAX_SCROLL_HEIGHT);
  const inView = Math.max(1, Math.ceil(viewportHeight / rowHeight));
  let exactFirst: number;
  let top: (index: number) => number;
  if (natural <= MAX_SCROLL_HEIGHT) {
    exactFirst = scrollTop / rowHeight;
    top = (index) => index * rowHeight;
  } else {
    const range = Math.max(1, totalHeight - viewportHeight);
    const fraction = Math.min(1, Math.max(0, scrollTop / range));
    exactFirst = fraction * Math.max(0, count - inView);
    const anchor = exactFirst;
    top = (index) => scrollTop + (index - anchor) * rowHeight;
  }
  const firstInView = Math.min(Math.max(0, Math.floor(exactFirst)), Math.max(0, count - 1));
  const first = Math.max(0, firstInView - overscan);
  const last = Math.min(count - 1, firstInView + inView + overscan);
  return { first, last, totalHeight, top };
}
