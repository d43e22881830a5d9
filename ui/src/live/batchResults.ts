/**
 * The results of one batch as the page holds them: by seq, without duplicates, in seq order.
 *
 * Results arrive over the attach channel in seq order, but a message can start past what we
 * hold (a reattach, a hidden window that only got progress, a lost message). `add` reports
 * such a gap so the caller pulls the missing range with `batch_results`; pages may arrive in
 * any order and overlap, duplicates are ignored.
 */
import type { ResultSummary } from "../bindings/ResultSummary";

/** Seqs `afterSeq + 1 .. beforeSeq - 1` are missing (beforeSeq is the next one held). */
export type Gap = { afterSeq: number; beforeSeq: number };

export type AddOutcome = { added: number; gap: Gap | null };

export type VerdictCounts = { passed: number; failed: number; errored: number };

export class BatchResults {
  private readonly rows: ResultSummary[] = [];
  private readonly held = new Set<number>();
  private contiguous = 0;
  private readonly counts: VerdictCounts = { passed: 0, failed: 0, errored: 0 };

  /** Every seq from 1 to this one is held. */
  get lastSeq(): number {
    return this.contiguous;
  }

  /** The highest seq held (can be past `lastSeq` while a gap is open). */
  get maxSeq(): number {
    return this.rows.length === 0 ? 0 : this.rows[this.rows.length - 1].seq;
  }

  get size(): number {
    return this.rows.length;
  }

  has(seq: number): boolean {
    return this.held.has(seq);
  }

  add(results: readonly ResultSummary[]): AddOutcome {
    let added = 0;
    for (const result of results) {
      if (result.seq <= 0 || this.held.has(result.seq)) continue;
      this.insert(result);
      this.held.add(result.seq);
      this.counts[result.verdict] += 1;
      added += 1;
    }
    while (this.held.has(this.contiguous + 1)) this.contiguous += 1;
    return { added, gap: this.gap() };
  }

  /** The first missing range, if any seq past it is held. */
  gap(): Gap | null {
    if (this.maxSeq <= this.contiguous) return null;
    const index = this.indexOfFirstAbove(this.contiguous);
    return { afterSeq: this.contiguous, beforeSeq: this.rows[index].seq };
  }

  /** The held results in seq order. Do not mutate. */
  list(): readonly ResultSummary[] {
    return this.rows;
  }

  seqs(): number[] {
    return this.rows.map((r) => r.seq);
  }

  verdictCounts(): VerdictCounts {
    return { ...this.counts };
  }

  /** The last `n` results in seq order. */
  tail(n: number): readonly ResultSummary[] {
    return this.rows.slice(Math.max(0, this.rows.length - n));
  }

  private insert(result: ResultSummary): void {
    if (this.rows.length === 0 || result.seq > this.maxSeq) {
      this.rows.push(result);
      return;
    }
    this.rows.splice(this.indexOfFirstAbove(result.seq), 0, result);
  }

  /** Index of the first row whose seq is > `seq` (binary search). */
  private indexOfFirstAbove(seq: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
