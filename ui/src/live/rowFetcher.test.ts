import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ResultFilter } from "../bindings/ResultFilter";
import type { ResultSummary } from "../bindings/ResultSummary";
import { BatchResults } from "./batchResults";
import { RowCache } from "./rowCache";
import { RowFetcher } from "./rowFetcher";
import { result } from "./testData";

const STORED = 10_000;
/** Every 7th seq failed, every 11th errored (the rest passed). */
const stored = (seq: number) => result(seq, seq % 7 === 0 ? "failed" : seq % 11 === 0 ? "errored" : "passed");

/** A fake `batch_results` over STORED results; resolves when `release` is called. */
function fakeStore() {
  const pending: (() => void)[] = [];
  const fetchPage = vi.fn((afterSeq: number, limit: number, filter: ResultFilter) => {
    const out: ResultSummary[] = [];
    for (let seq = afterSeq + 1; seq <= STORED && out.length < limit; seq += 1) {
      const row = stored(seq);
      if (filter === "all" || row.verdict !== "passed") out.push(row);
    }
    return new Promise<ResultSummary[]>((resolve) => pending.push(() => resolve(out)));
  });
  const release = async () => {
    for (const go of pending.splice(0)) go();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { fetchPage, release };
}

function setup() {
  const store = fakeStore();
  const columns = new BatchResults();
  for (let seq = 1; seq <= STORED; seq += 1) columns.add([stored(seq)]);
  const cache = new RowCache(1000);
  const onRows = vi.fn();
  const fetcher = new RowFetcher({
    fetchPage: store.fetchPage,
    cache,
    countInRange: (view, first, last) => columns.countInRange(view, first, last),
    onRows,
    onError: vi.fn(),
    debounceMs: 20,
  });
  return { ...store, columns, cache, onRows, fetcher };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("RowFetcher", () => {
  it("coalesces the wishes of one debounce into one request for the visible range", async () => {
    const { fetcher, fetchPage, release, cache, onRows } = setup();
    fetcher.want("all", range(1, 40));
    fetcher.want("all", range(30, 70));
    fetcher.want("all", range(101, 150)); // the user scrolled on: only this one counts
    expect(fetchPage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenCalledWith(100, 50, "all");
    vi.useRealTimers();
    await release();
    expect(range(101, 150).every((seq) => cache.has(seq))).toBe(true);
    expect(onRows).toHaveBeenCalledTimes(1);
  });

  it("asks only for the part not cached", () => {
    const { fetcher, fetchPage, cache } = setup();
    cache.put(range(1, 20).map(stored));
    fetcher.want("all", range(1, 30));
    fetcher.flush();
    expect(fetchPage).toHaveBeenCalledWith(20, 10, "all");
    fetchPage.mockClear();
    cache.put(range(21, 30).map(stored));
    fetcher.want("all", range(1, 30));
    fetcher.flush();
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it("never sends a request a request in flight already covers", async () => {
    const { fetcher, fetchPage, release } = setup();
    fetcher.want("all", range(1, 50));
    fetcher.flush();
    fetcher.want("all", range(1, 50));
    fetcher.flush();
    fetcher.want("all", range(10, 40));
    fetcher.flush();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetcher.pendingRequests).toBe(1);
    fetcher.want("all", range(41, 60)); // reaches past it: asked
    fetcher.flush();
    expect(fetchPage).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
    await release();
    expect(fetcher.pendingRequests).toBe(0);
  });

  it("asks a filtered view for exactly its not-passed rows in the range", async () => {
    const { fetcher, fetchPage, release, columns, cache } = setup();
    const failed = range(0, 29).map((i) => columns.seqAt("failed", 100 + i));
    fetcher.want("failed", failed);
    fetcher.flush();
    const first = failed[0];
    const last = failed[failed.length - 1];
    expect(fetchPage).toHaveBeenCalledWith(first - 1, columns.countInRange("not_passed", first, last), "not_passed");
    vi.useRealTimers();
    await release();
    expect(failed.every((seq) => cache.has(seq))).toBe(true);
  });

  it("keeps one request within the shell's page limit", () => {
    const { fetcher, fetchPage } = setup();
    fetcher.want("all", [1, 9000]);
    fetcher.flush();
    const [afterSeq, limit] = fetchPage.mock.calls[0];
    expect(afterSeq).toBe(0);
    expect(limit).toBeLessThanOrEqual(5000);
  });

  it("does not ask again for a range the store could not fill", async () => {
    const { fetcher, fetchPage, release } = setup();
    const wanted = range(STORED - 5, STORED + 5); // 5 seqs past the end of the store
    vi.useRealTimers();
    for (let i = 0; i < 4; i += 1) {
      fetcher.want("all", wanted);
      fetcher.flush();
      await release();
    }
    expect(fetchPage.mock.calls).toEqual([
      [STORED - 6, 11, "all"],
      [STORED, 5, "all"], // what is still missing, once
    ]);
  });
});
