import { useLayoutEffect, useState, type RefObject } from "react";
import { rowWindow, type RowWindow } from "./rowWindow";

/** The rows of a fixed-height list in view in the scroll element `ref` (see rowWindow). */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setScrollTop(element.scrollTop);
      setViewportHeight(element.clientHeight);
    };
    // At most one update per frame, however fast the scroll events come.
    const onScroll = () => {
      frame ||= requestAnimationFrame(read);
    };
    read();
    element.addEventListener("scroll", onScroll, { passive: true });
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(onScroll);
    resize?.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return rowWindow(count, rowHeight, scrollTop, viewportHeight, overscan);
}
