import { describe, expect, it } from "vitest";
import { MAX_SCROLL_HEIGHT, rowWindow } from "./rowWindow";

describe("rowWindow", () => {
  it("draws the rows in view plus the overscan, at their natural place", () => {
    const w = rowWindow(1000, 20, 2000, 200, 5);
    expect([w.first, w.last]).toEqual([95, 115]);
    expect(w.totalHeight).toBe(20_000);
    expect(w.top(100)).toBe(2000);
  });

  it("clamps at both ends and draws nothing for an empty list", () => {
    expect(rowWindow(1000, 20, 0, 200, 5)).toMatchObject({ first: 0, last: 15 });
    expect(rowWindow(1000, 20, 19_800, 200, 5)).toMatchObject({ first: 985, last: 999 });
    const empty = rowWindow(0, 20, 0, 200, 5);
    expect(empty.last).toBeLessThan(empty.first);
    expect(empty.totalHeight).toBe(0);
  });

  it("compresses a huge list under the height cap and still reaches its last row", () => {
    const count = 2_000_000;
    const rowHeight = 26;
    const viewport = 520;
    const top = rowWindow(count, rowHeight, 0, viewport, 0);
    expect(top.totalHeight).toBe(MAX_SCROLL_HEIGHT);
    expect(top.first).toBe(0);

    const bottom = rowWindow(count, rowHeight, MAX_SCROLL_HEIGHT - viewport, viewport, 0);
    expect(bottom.last).toBe(count - 1);
    // The last row is drawn inside the viewport, not past the content.
    const lastTop = bottom.top(count - 1);
    expect(lastTop).toBeGreaterThanOrEqual(MAX_SCROLL_HEIGHT - viewport);
    expect(lastTop + rowHeight).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT + 0.001);

    const middle = rowWindow(count, rowHeight, (MAX_SCROLL_HEIGHT - viewport) / 2, viewport, 0);
    expect(Math.abs(middle.first - (count - 20) / 2)).toBeLessThanOrEqual(1);
    // Rows in view sit one row height apart from the scroll position.
    expect(middle.top(middle.first + 1) - middle.top(middle.first)).toBe(rowHeight);
  });

  it("costs the same for ten rows and ten million", () => {
    const small = rowWindow(10, 26, 0, 520, 12);
    const huge = rowWindow(10_000_000, 26, 4_000_000, 520, 12);
    expect(small.last - small.first).toBeLessThanOrEqual(huge.last - huge.first);
    expect(huge.last - huge.first + 1).toBe(12 + 20 + 12 + 1);
  });
});
