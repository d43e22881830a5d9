/**
 * The results of one batch as the page holds them: compact columns, never the summaries.
 *
 * Seqs of a batch are 1, 2, 3, ... in commit order with no gap in the store, so the columns
 * are indexed by `seq - 1` and hold every seq from 1 to `lastSeq` (5 bytes a result: a
 * verdict code and a float32 duration). A result that arrives past a gap (a reattach, a
 * hidden window, a lost message) waits in `pending` until the gap is filled; `add` reports
 * the gap so the caller pulls the missing range with `batch_results`. Duplicates are ignored.
 *
 * The filtered views keep their seqs as sorted Uint32 lists, appended as results arrive,
 * so row i of the "failed" view is `failed[i]`. Full rows live in a RowCache, not here.
 */
import type { ResultSummary } from "../bindings/ResultSummary";
import type { Verdict } from "../bindings/Verdict";
import { growableFloat32, growableUint32, growableUint8, type GrowableArray } from "./growableArray";

/** Seqs `afterSeq + 1 .. beforeSeq - 1` are missing (beforeSeq is the next one held). */
export type Gap = { afterSeq: number; beforeSeq: number };

export type AddOutcome = { added: number; gap: Gap | null };

export type VerdictCounts = { passed: number; failed: number; errored: number };

/** What the columns need of a result. */
export type CompactResult = Pick<ResultSummary, "seq" | "verdict" | "duration_ms">;

/** The table's views: every result, or only those with a given outcome. */
export type ResultView = "all" | "failed" | "errored" | "not_passed";

/** Verdict codes in the verdict column; 0 is never stored. */
export const VERDICT_CODE: Record<Verdict, number> = { passed: 1, failed: 2, errored: 3 };
const VERDICT_OF_CODE: readonly (Verdict | null)[] = [null, "passed", "failed", "errored"];

export class BatchResults {
  private readonly verdicts = growableUint8();
  private readonly durations = growableFloat32();
  private readonly lists: Record<Exclude<ResultView, "all">, GrowableArray<Uint32Array>> = {
    failed: growableUint32(64),
    errored: growableUint32(64),
    not_passed: growableUint32(64),
  };
  private readonly counts: VerdictCounts = { passed: 0, failed: 0, errored: 0 };
  /** Results past a gap, by seq; every key is > lastSeq + 1. Small and short-lived. */
  private readonly pending = new Map<number, CompactResult>();
  private pendingSorted: number[] | null = null;
  /** The store is known to hold every seq up to this one (a read-only load announces it). */
  private storedSeq = 0;

  /** Every seq from 1 to this one is held in the columns. */
  get lastSeq(): number {
    return this.verdicts.length;
  }

  /** The highest seq held (past `lastSeq` while a gap is open). */
  get maxSeq(): number {
    const sorted = this.sortedPending();
    return sorted.length > 0 ? sorted[sorted.length - 1] : this.lastSeq;
  }

  /** How many results are held (columns and pending). */
  get size(): number {
    return this.lastSeq + this.pending.size;
  }

  /** Bytes the columns and lists occupy. */
  get byteLength(): number {
    const lists = Object.values(this.lists).reduce((sum, list) => sum + list.byteLength, 0);
    return this.verdicts.byteLength + this.durations.byteLength + lists;
  }

  has(seq: number): boolean {
    return (seq >= 1 && seq <= this.lastSeq) || this.pending.has(seq);
  }

  add(results: readonly CompactResult[]): AddOutcome {
    let added = 0;
    for (const result of results) {
      const seq = result.seq;
      if (!Number.isInteger(seq) || seq <= 0 || this.has(seq)) continue;
      added += 1;
      if (seq === this.lastSeq + 1) this.append(result);
      else {
        this.pending.set(seq, { seq, verdict: result.verdict, duration_ms: result.duration_ms });
        this.pendingSorted = null;
      }
    }
    this.drainPending();
    return { added, gap: this.gap() };
  }

  /** The first missing range, if any seq past it is held. */
  gap(): Gap | null {
    const sorted = this.sortedPending();
    return sorted.length === 0 ? null : { afterSeq: this.lastSeq, beforeSeq: sorted[0] };
  }

  /** The store holds every seq up to `seq`: the "all" view lists them before the columns fill. */
  declareStored(seq: number): void {
    this.storedSeq = Math.max(this.storedSeq, seq);
  }

  /** Rows in a view: for "all", every seq up to the listed end plus those past a gap. */
  rowCount(view: ResultView): number {
    if (view !== "all") return this.lists[view].length;
    return this.listedEnd() + this.pendingAfterListed().length;
  }

  /** The seq shown at row `index` of a view (0 when out of range). */
  seqAt(view: ResultView, index: number): number {
    if (view !== "all") return this.lists[view].at(index) ?? 0;
    const listed = this.listedEnd();
    if (index < listed) return index + 1;
    return this.pendingAfterListed()[index - listed] ?? 0;
  }

  /** How many rows of a view have a seq in `first .. last`. */
  countInRange(view: ResultView, first: number, last: number): number {
    if (last < first) return 0;
    if (view === "all") return last - first + 1;
    const list = this.lists[view];
    return list.countBelow(last + 1) - list.countBelow(first);
  }

  /** The seqs the "all" view lists, in order (the end-to-end hook). */
  seqs(): number[] {
    const out: number[] = [];
    for (let seq = 1; seq <= this.listedEnd(); seq += 1) out.push(seq);
    return out.concat(this.pendingAfterListed());
  }

  verdictCounts(): VerdictCounts {
    return { ...this.counts };
  }

  verdictAt(seq: number): Verdict | null {
    return VERDICT_OF_CODE[this.verdicts.at(seq - 1) ?? 0] ?? this.pending.get(seq)?.verdict ?? null;
  }

  /** Views (no copies) of the last `n` durations (ms) and verdict codes, in seq order. */
  recent(n: number): { durations: Float32Array; verdicts: Uint8Array } {
    const from = this.lastSeq - n;
    return { durations: this.durations.tail(from), verdicts: this.verdicts.tail(from) };
  }

  private append(result: CompactResult): void {
    const seq = this.lastSeq + 1;
    this.verdicts.push(VERDICT_CODE[result.verdict]);
    this.durations.push(result.duration_ms);
    this.counts[result.verdict] += 1;
    if (result.verdict !== "passed") {
      this.lists[result.verdict].push(seq);
      this.lists.not_passed.push(seq);
    }
  }

  private drainPending(): void {
    if (this.pending.size === 0) return;
    let next = this.pending.get(this.lastSeq + 1);
    while (next) {
      this.pending.delete(next.seq);
      this.pendingSorted = null;
      this.append(next);
      next = this.pending.get(this.lastSeq + 1);
    }
  }

  private listedEnd(): number {
    return Math.max(this.lastSeq, this.storedSeq);
  }

  private pendingAfterListed(): number[] {
    const listed = this.listedEnd();
    const sorted = this.sortedPending();
    return listed <= this.lastSeq ? sorted : sorted.filter((seq) => seq > listed);
  }

  private sortedPending(): number[] {
    this.pendingSorted ??= [...this.pending.keys()].sort((a, b) => a - b);
    return this.pendingSorted;
  }
}
