import { describe, expect, it } from "vitest";
import { RowCache } from "./rowCache";
import { result, results } from "./testData";

describe("RowCache", () => {
  it("never holds more than its capacity, dropping the least recently used", () => {
    const cache = new RowCache(3);
    cache.put(results(1, 3));
    expect(cache.get(1)?.seq).toBe(1); // 1 is now the most recently used
    cache.put([result(4)]);
    expect(cache.size).toBe(3);
    expect(cache.has(2)).toBe(false);
    expect([1, 3, 4].every((seq) => cache.has(seq))).toBe(true);
  });

  it("keeps only the last rows of a page bigger than itself", () => {
    const cache = new RowCache(100);
    cache.put(results(1, 10_000));
    expect(cache.size).toBe(100);
    expect(cache.has(9_901)).toBe(true);
    expect(cache.has(9_900)).toBe(false);
  });

  it("fills only free room on a bulk load", () => {
    const cache = new RowCache(5);
    cache.put(results(1, 3));
    cache.putIfRoom(results(100, 110));
    expect(cache.size).toBe(5);
    expect([1, 2, 3, 100, 101].every((seq) => cache.has(seq))).toBe(true);
  });
});
