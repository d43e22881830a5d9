/**
 * Fills the row cache with the rows a table shows: the store is the truth, the page pulls
 * the pages it shows. The table says which seqs it shows (`want`); a little later (debounce)
 * the seqs not cached are coalesced into one contiguous range and pulled with one
 * `batch_results` call, unless a request in flight already covers that range.
 *
 * A filtered view ("failed", "errored", "not_passed") asks with filter "not_passed" and a
 * limit of exactly the not-passed seqs in the range (known from the columns), so a sparse
 * view costs as little as a dense one.
 */
import type { ResultFilter } from "../bindings/ResultFilter";
import type { ResultSummary } from "../bindings/ResultSummary";
import type { ResultView } from "./batchResults";
import type { RowCache } from "./rowCache";

/** The most rows one `batch_results` call may ask for (the shell's own limit). */
export const MAX_PAGE = 5000;
export const ROW_FETCH_DEBOUNCE_MS = 40;

export type RowFetcherDeps = {
  /** `batch_results`: seq > afterSeq in seq order, at most `limit`, narrowed by `filter`. */
  fetchPage: (afterSeq: number, limit: number, filter: ResultFilter) => Promise<ResultSummary[]>;
  cache: RowCache;
  /** How many seqs in `first .. last` a view (here "all" or "not_passed") has. */
  countInRange: (view: ResultView, first: number, last: number) => number;
  /** Rows arrived (re-render) or a request failed. */
  onRows: () => void;
  onError: (error: unknown) => void;
  debounceMs?: number;
};

/** A contiguous seq range asked of the store. */
type RangeRequest = { filter: ResultFilter; first: number; last: number };

const rangeKey = (r: RangeRequest) => `${r.filter}:${r.first}-${r.last}`;

export class RowFetcher {
  private wish: { view: ResultView; seqs: readonly number[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly inFlight = new Map<string, RangeRequest>();
  /** Ranges already asked that came back short or failed: not asked again (no loop). */
  private readonly exhausted = new Set<string>();
  private closed = false;

  constructor(private readonly deps: RowFetcherDeps) {}

  /** The seqs a table shows now (ascending); replaces an earlier wish not yet sent. */
  want(view: ResultView, seqs: readonly number[]): void {
    if (this.closed) return;
    this.wish = { view, seqs };
    this.timer ??= setTimeout(() => this.flush(), this.deps.debounceMs ?? ROW_FETCH_DEBOUNCE_MS);
  }

  /** Send the pending wish now (the debounce timer calls this). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const wish = this.wish;
    this.wish = null;
    if (!wish) return;
    const request = this.rangeFor(wish.view, wish.seqs);
    if (!request || this.isCovered(request)) return;
    void this.send(request);
  }

  get pendingRequests(): number {
    return this.inFlight.size;
  }

  /** Stop: nothing more is asked, and answers in flight are dropped. */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The one range covering every uncached seq of the wish, or null if all are cached. */
  private rangeFor(view: ResultView, seqs: readonly number[]): RangeRequest | null {
    const missing = seqs.filter((seq) => seq > 0 && !this.deps.cache.has(seq));
    if (missing.length === 0) return null;
    const filter: ResultFilter = view === "all" ? "all" : "not_passed";
    const first = missing[0];
    let last = missing[missing.length - 1];
    // A wider range than one page allows is cut; the rest is asked on the next wish.
    while (this.limitFor(filter, first, last) > MAX_PAGE) last = first + Math.floor((last - first) / 2);
    return { filter, first, last };
  }

  private limitFor(filter: ResultFilter, first: number, last: number): number {
    return this.deps.countInRange(filter === "all" ? "all" : "not_passed", first, last);
  }

  private isCovered(request: RangeRequest): boolean {
    if (this.exhausted.has(rangeKey(request))) return true;
    for (const other of this.inFlight.values()) {
      const broadEnough = other.filter === "all" || other.filter === request.filter;
      if (broadEnough && other.first <= request.first && other.last >= request.last) return true;
    }
    return false;
  }

  private async send(request: RangeRequest): Promise<void> {
    const key = rangeKey(request);
    const limit = Math.max(1, this.limitFor(request.filter, request.first, request.last));
    this.inFlight.set(key, request);
    try {
      const rows = await this.deps.fetchPage(request.first - 1, limit, request.filter);
      if (this.closed) return;
      this.deps.cache.put(rows.filter((r) => r.seq >= request.first && r.seq <= request.last));
      if (rows.length < limit) this.markExhausted(key);
      this.deps.onRows();
    } catch (e) {
      if (this.closed) return;
      this.markExhausted(key);
      this.deps.onError(e);
    } finally {
      this.inFlight.delete(key);
    }
  }

  private markExhausted(key: string): void {
    if (this.exhausted.size >= 256) this.exhausted.clear();
    this.exhausted.add(key);
  }
}
