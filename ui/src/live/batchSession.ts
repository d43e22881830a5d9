/**
 * One batch as the page follows it: its summary, its results (a BatchResults store),
 * whether everything was received, and throughput. Plain TypeScript; React subscribes
 * through `subscribe` / `getVersion` (useSyncExternalStore).
 */
import type { AttachMessage } from "../bindings/AttachMessage";
import type { BatchState } from "../bindings/BatchState";
import type { BatchSummary } from "../bindings/BatchSummary";
import type { Counters } from "../bindings/Counters";
import type { ResultSummary } from "../bindings/ResultSummary";
import { BatchResults } from "./batchResults";
import { ThroughputMeter } from "./throughput";

export const PAGE_SIZE = 1000;

export const ACTIVE_STATES: readonly BatchState[] = ["QUEUED", "RUNNING", "PAUSED"];

export function isActive(state: BatchState): boolean {
  return ACTIVE_STATES.includes(state);
}

export type SessionDeps = {
  /** `batch_results` with filter "all": seq > afterSeq, in seq order, at most `limit`. */
  fetchPage: (batchId: string, afterSeq: number, limit: number) => Promise<ResultSummary[]>;
  /** `attach_batch`: resolves once set up; messages go to `onMessage`. */
  attach: (
    batchId: string,
    afterSeq: number,
    onMessage: (message: AttachMessage) => void,
  ) => Promise<unknown>;
  describeError: (error: unknown) => string;
};

export class BatchSession {
  readonly id: string;
  readonly results = new BatchResults();
  readonly throughput = new ThroughputMeter();
  summary: BatchSummary;
  /** Everything was received (`end` message, or a read-only load completed). */
  final = false;
  loading = false;
  error: string | null = null;
  private version = 0;
  private filling = false;
  private readonly listeners = new Set<() => void>();
  /** Attached, or attaching: the channel is kept referenced here. */
  channel: unknown = null;
  private following = false;

  constructor(
    summary: BatchSummary,
    private readonly deps: SessionDeps,
  ) {
    this.id = summary.id;
    this.summary = summary;
    this.throughput.sample(summary.counters.done);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Attach (again) from what is held; messages update the session. */
  async attach(): Promise<void> {
    this.final = false;
    this.error = null;
    this.following = true;
    this.changed();
    try {
      this.channel = await this.deps.attach(this.id, this.results.lastSeq, (m) => this.handle(m));
    } catch (e) {
      this.following = false;
      this.error = this.deps.describeError(e);
      this.changed();
    }
  }

  /** Read-only: pull every stored result in pages (History). */
  async loadAll(): Promise<void> {
    this.loading = true;
    this.changed();
    try {
      for (;;) {
        const before = this.results.lastSeq;
        const page = await this.deps.fetchPage(this.id, before, PAGE_SIZE);
        this.addResults(page);
        if (page.length < PAGE_SIZE || this.results.lastSeq === before) break;
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
        this.addResults(message.results);
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

  /** Forget the attach (the panel was closed); the shell drops a dead channel itself. */
  detach(): void {
    this.channel = null;
    this.following = false;
  }

  get attached(): boolean {
    return this.following;
  }

  private setCounters(counters: Counters): void {
    this.summary = { ...this.summary, counters };
    this.throughput.sample(counters.done);
  }

  private addResults(results: readonly ResultSummary[]): void {
    if (results.length === 0) return;
    const { gap } = this.results.add(results);
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
        if (before >= target) break;
        const page = await this.deps.fetchPage(this.id, before, PAGE_SIZE);
        this.results.add(page);
        this.changed();
        if (this.results.lastSeq === before) break; // the shell has nothing more: give up
      }
    } catch (e) {
      this.error = this.deps.describeError(e);
      this.changed();
    } finally {
      this.filling = false;
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
