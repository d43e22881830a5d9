/**
 * Full result rows by seq, least recently used dropped first. Bounded: it never holds more
 * than `capacity` rows, whatever the size of the batch. A Map keeps insertion order, so the
 * first key is always the least recently used one.
 */
import type { ResultSummary } from "../bindings/ResultSummary";

export const ROW_CACHE_CAPACITY = 5000;

export class RowCache {
  private readonly rows = new Map<number, ResultSummary>();

  constructor(readonly capacity = ROW_CACHE_CAPACITY) {}

  get size(): number {
    return this.rows.size;
  }

  has(seq: number): boolean {
    return this.rows.has(seq);
  }

  /** The row, marked as just used. */
  get(seq: number): ResultSummary | undefined {
    const row = this.rows.get(seq);
    if (row) {
      this.rows.delete(seq);
      this.rows.set(seq, row);
    }
    return row;
  }

  /** Add (or refresh) rows as the most recently used, dropping the oldest past capacity. */
  put(rows: readonly ResultSummary[]): void {
    // Only the last `capacity` rows of a big page could stay anyway.
    for (let i = Math.max(0, rows.length - this.capacity); i < rows.length; i += 1) {
      const row = rows[i];
      this.rows.delete(row.seq);
      this.rows.set(row.seq, row);
    }
    this.evict();
  }

  /** Add rows only while there is room, never evicting (bulk loads must not push out what is shown). */
  putIfRoom(rows: readonly ResultSummary[]): void {
    for (const row of rows) {
      if (this.rows.size >= this.capacity) return;
      if (!this.rows.has(row.seq)) this.rows.set(row.seq, row);
    }
  }

  clear(): void {
    this.rows.clear();
  }

  private evict(): void {
    const keys = this.rows.keys();
    while (this.rows.size > this.capacity) this.rows.delete(keys.next().value as number);
  }
}
