import { useEffectEvent, useLayoutEffect, type RefObject } from "react";
import type { RowWindow } from "../hooks/rowWindow";

type Where = {
  /** The tree's scroll container. */
  container: RefObject<HTMLElement | null>;
  /** The keys of the lines in display order. */
  keys: readonly string[];
  /** Set when the tree is windowed: rows out of view are not in the DOM to measure. */
  window: RowWindow | null;
  rowHeight: number;
  rowDomId: (key: string) => string;
};

/**
 * Scrolls the tree just enough to show the focused row whenever the focus moves (arrow
 * keys, a reveal after creating or moving), and never on a plain scroll: reading the
 * lines through an effect event keeps them out of the effect's dependencies.
 */
export function useRevealFocused(focusedKey: string | null, where: Where): void {
  const reveal = useEffectEvent((key: string) => {
    const { container, keys, window, rowHeight, rowDomId } = where;
    const element = container.current;
    const index = keys.indexOf(key);
    if (!element || index < 0) return;
    let top: number;
    let height = rowHeight;
    if (window) {
      top = window.top(index);
    } else {
      const row = document.getElementById(rowDomId(key));
      if (!row) return;
      top = row.offsetTop;
      height = row.offsetHeight;
    }
    scrollToShow(element, top, height);
  });
  useLayoutEffect(() => {
    if (focusedKey) reveal(focusedKey);
  }, [focusedKey]);
}

/** Scrolls `container` the least that shows the band from `top` (px), `height` high. */
function scrollToShow(container: HTMLElement, top: number, height: number): void {
  if (top < container.scrollTop) container.scrollTop = top;
  else if (top + height > container.scrollTop + container.clientHeight) {
    container.scrollTop = top + height - container.clientHeight;
  }
}
