/**
 * One batch as the page follows it: its summary, its compact result columns (BatchResults),
 * a bounded cache of full rows (RowCache) filled on demand (RowFetcher), whether everything
 * was received, and throughput. Plain TypeScript; React subscribes through `subscribe` /
 * `getVersion` (useSyncExternalStore).
 *
 * Memory: columns cost 5 bytes a result (plus 4 or 8 for a failed/errored one); rows are at
 * most ROW_CACHE_CAPACITY, whatever the size of the batch.
 */
import type { AttachMessage } from "../bindings/AttachMessage";
import type { BatchState } from "../bindings/BatchState";
import type { BatchSummary } from "../bindings/BatchSummary";
import type { Counters } from "../bindings/Counters";
import type { ResultFilter } from "../bindings/ResultFilter";
import type { ResultColumns } from "../bindings/ResultColumns";
import type { ResultSummary } from "../bindings/ResultSummary";
import type { Verdict } from "../bindings/Verdict";
import { BatchResults, type CompactResult, type ResultView } from "./batchResults";
import type { Following } from "./follow";
import { RowCache } from "./rowCache";
import { RowFetcher } from "./rowFetcher";
import { SearchCursor } from "./searchCursor";
import { ThroughputMeter } from "./throughput";

/** Page size when filling a gap in live results. */
export const PAGE_SIZE = 1000;
/** Page size when a read-only load fills the columns in the background. */
export const COLUMN_PAGE_SIZE = 5000;

export const ACTIVE_STATES: readonly BatchState[] = ["QUEUED", "RUNNING", "PAUSED"];

export function isActive(state: BatchState): boolean {
  return ACTIVE_STATES.includes(state);
}

export type SessionDeps = {
  /** `batch_results`: seq > afterSeq, in seq order, at most `limit`; filter "all" by default. */
  fetchPage: (
    batchId: string,
    afterSeq: number,
    limit: number,
    filter?: ResultFilter,
    search?: string,
  ) => Promise<ResultSummary[]>;
  /**
   * Follow the batch from `afterSeq`: resolves once set up; messages go to `onMessage` in
   * order, a later failure to `onError`; nothing arrives after `stop()`.
   */
  attach: (
    batchId: string,
    afterSeq: number,
    onMessage: (message: AttachMessage) => void,
    onError: (error: unknown) => void,
  ) => Promise<Following>;
  describeError: (error: unknown) => string;
};

export type SessionMemory = { held: number; cachedRows: number };

export class BatchSession {
  readonly id: string;
  readonly results = new BatchResults();
  readonly rows = new RowCache();
  readonly rowFetcher: RowFetcher;
  readonly throughput = new ThroughputMeter();
  summary: BatchSummary;
  /** Everything was received (`end` message, or a read-only load completed). */
  final = false;
  loading = false;
  error: string | null = null;
  /** The live follow, once set up. */
  private live: Following | null = null;
  /** Counts attaches: only the newest one may deliver or stay running. */
  private attachGeneration = 0;
  private version = 0;
  private filling = false;
  private following = false;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    summary: BatchSummary,
    private readonly deps: SessionDeps,
  ) {
    this.id = summary.id;
    this.summary = summary;
    this.throughput.sample(summary.counters.done);
    this.rowFetcher = new RowFetcher({
      fetchPage: (afterSeq, limit, filter) => deps.fetchPage(this.id, afterSeq, limit, filter),
      cache: this.rows,
      countInRange: (view, first, last) => this.results.countInRange(view, first, last),
      onRows: () => this.changed(),
      onError: (e) => this.fail(e),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Attach (again) from what is held; messages update the session. */
  async attach(): Promise<void> {
    this.live?.stop();
    this.live = null;
    const generation = ++this.attachGeneration;
    const current = () => generation === this.attachGeneration && this.following && !this.closed;
    this.final = false;
    this.error = null;
    this.following = true;
    this.changed();
    try {
      const live = await this.deps.attach(
        this.id,
        this.results.lastSeq,
        (m) => {
          if (current()) this.handle(m);
        },
        (e) => {
          if (!current()) return;
          this.following = false;
          this.fail(e);
        },
      );
      // A detach (or a newer attach) while this one was being set up wins.
      if (current()) this.live = live;
      else live.stop();
    } catch (e) {
      if (!current()) return;
      this.following = false;
      this.fail(e);
    }
  }

  /**
   * Read-only (History): the "all" view lists every stored seq at once (rows come on demand),
   * while the columns fill in the background, page by page, for the filtered views and chart.
   */
  async loadColumns(): Promise<void> {
    this.results.declareStored(this.summary.last_seq);
    this.loading = true;
    this.changed();
    try {
      for (;;) {
        const before = this.results.lastSeq;
        const page = await this.deps.fetchPage(this.id, before, COLUMN_PAGE_SIZE);
        if (this.closed) return;
        this.results.add(page);
        this.rows.putIfRoom(page); // the top of the table, shown first
        this.changed();
        if (page.length < COLUMN_PAGE_SIZE || this.results.lastSeq === before) break;
      }
      this.final = true;
    } catch (e) {
      this.error = this.deps.describeError(e);
    } finally {
      this.loading = false;
      this.changed();
    }
  }

  handle(message: AttachMessage): void {
    switch (message.type) {
      case "results":
        this.setCounters(message.counters);
        this.addLiveResults(message.results);
        break;
      case "columns":
        // Verdicts and durations only, then the newest few in full (they go to the cache);
        // other rows the table needs come from the store.
        this.setCounters(message.counters);
        this.addColumns(message.columns);
        this.addLiveResults(message.tail);
        break;
      case "progress":
        // Sent while the window is hidden; the results follow when it is shown again.
        this.setCounters(message.counters);
        this.summary = { ...this.summary, last_seq: Math.max(this.summary.last_seq, message.last_seq) };
        break;
      case "state":
        this.updateSummary(message.batch);
        break;
      case "end":
        this.final = true;
        // A stored result we never got (a lost message) is pulled now.
        if (this.summary.last_seq > this.results.lastSeq) void this.fillGaps(this.summary.last_seq);
        break;
    }
    this.changed();
  }

  updateSummary(summary: BatchSummary): void {
    this.summary = summary;
    this.throughput.sample(summary.counters.done);
    this.changed();
  }

  /** The full row of a seq if cached (marked as just used); otherwise ask `rowFetcher`. */
  row(seq: number): ResultSummary | undefined {
    return this.rows.get(seq);
  }

  /** A cursor over the results whose case name contains `search`, within a view. */
  search(view: ResultView, search: string): SearchCursor {
    return new SearchCursor(
      (afterSeq, limit, filter, text) => this.deps.fetchPage(this.id, afterSeq, limit, filter, text),
      view,
      search,
      this.deps.describeError,
    );
  }

  memory(): SessionMemory {
    return { held: this.results.size, cachedRows: this.rows.size };
  }

  /** Stop following (the panel was closed, or the batch is gone). */
  detach(): void {
    this.attachGeneration += 1;
    this.live?.stop();
    this.live = null;
    this.following = false;
  }

  /** The batch is gone: stop loading, drop the rows. */
  close(): void {
    this.detach();
    this.closed = true;
    this.rowFetcher.close();
    this.rows.clear();
  }

  get attached(): boolean {
    return this.following;
  }

  private setCounters(counters: Counters): void {
    this.summary = { ...this.summary, counters };
    this.throughput.sample(counters.done);
  }

  /** Live rows are the newest, what a user looks at: they go into the cache. */
  private addLiveResults(results: readonly ResultSummary[]): void {
    if (results.length === 0) return;
    this.rows.put(results);
    const { gap } = this.results.add(results);
    if (gap) void this.fillGaps(gap.beforeSeq - 1);
  }

  private addColumns(columns: ResultColumns): void {
    const { gap } = this.results.add(columnResults(columns));
    if (gap) void this.fillGaps(gap.beforeSeq - 1);
  }

  /** Pull missing results, page by page, until nothing is missing up to `upTo`. */
  private async fillGaps(upTo: number): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      let target = upTo;
      for (;;) {
        const gap = this.results.gap();
        if (gap) target = Math.max(target, gap.beforeSeq - 1);
        const before = this.results.lastSeq;
        if (before >= target || this.closed) break;
        const page = await this.deps.fetchPage(this.id, before, PAGE_SIZE);
        this.results.add(page);
        this.rows.putIfRoom(page);
        this.changed();
        if (this.results.lastSeq === before) break; // the shell has nothing more: give up
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.filling = false;
    }
  }

  private fail(error: unknown): void {
    this.error = this.deps.describeError(error);
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

const VERDICT_OF: Record<string, Verdict> = { p: "passed", f: "failed", e: "errored" };

/** The compact results a `columns` message stands for, seq by seq. */
export function columnResults(columns: ResultColumns): CompactResult[] {
  const out: CompactResult[] = new Array<CompactResult>(columns.durations_ms.length);
  for (let i = 0; i < columns.durations_ms.length; i += 1) {
    out[i] = {
      seq: columns.first_seq + i,
      verdict: VERDICT_OF[columns.verdicts[i]] ?? "errored",
      duration_ms: columns.durations_ms[i],
    };
  }
  return out;
}
