/**
 * An append-only typed array that doubles its buffer when full: a compact column of numbers.
 * Invariant: `length <= capacity`; items at indexes >= `length` are unused (zero).
 */
type TypedArray = Uint8Array | Uint32Array | Float32Array;

export class GrowableArray<T extends TypedArray> {
  private buffer: T;
  private used = 0;

  constructor(
    private readonly allocate: (capacity: number) => T,
    initialCapacity = 1024,
  ) {
    this.buffer = allocate(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.used;
  }

  get capacity(): number {
    return this.buffer.length;
  }

  /** Bytes held by the buffer (what this column costs in memory). */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  push(value: number): void {
    if (this.used === this.buffer.length) this.grow();
    this.buffer[this.used] = value;
    this.used += 1;
  }

  /** The item at `index`, or undefined past the end. */
  at(index: number): number | undefined {
    return index >= 0 && index < this.used ? this.buffer[index] : undefined;
  }

  /** A view (no copy) of items `from .. length - 1`; it goes stale after the next push. */
  tail(from: number): T {
    return this.buffer.subarray(Math.max(0, from), this.used) as T;
  }

  /** The number of items < `value`; the items must be sorted ascending (binary search). */
  countBelow(value: number): number {
    let lo = 0;
    let hi = this.used;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.buffer[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const bigger = this.allocate(this.buffer.length * 2);
    bigger.set(this.buffer);
    this.buffer = bigger;
  }
}

export const growableUint8 = (capacity?: number) =>
  new GrowableArray((n) => new Uint8Array(n), capacity);
export const growableUint32 = (capacity?: number) =>
  new GrowableArray((n) => new Uint32Array(n), capacity);
export const growableFloat32 = (capacity?: number) =>
  new GrowableArray((n) => new Float32Array(n), capacity);
