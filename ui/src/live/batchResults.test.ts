import { describe, expect, it } from "vitest";
import { BatchResults } from "./batchResults";
import { result, results } from "./testData";

describe("BatchResults", () => {
  it("keeps results in seq order and counts verdicts", () => {
    const store = new BatchResults();
    const outcome = store.add([result(1), result(2, "failed"), result(3, "errored")]);
    expect(outcome).toEqual({ added: 3, gap: null });
    expect(store.seqs()).toEqual([1, 2, 3]);
    expect(store.lastSeq).toBe(3);
    expect(store.verdictCounts()).toEqual({ passed: 1, failed: 1, errored: 1 });
  });

  it("ignores seqs already held", () => {
    const store = new BatchResults();
    store.add(results(1, 5));
    const outcome = store.add(results(3, 7));
    expect(outcome.added).toBe(2);
    expect(store.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(store.add(results(1, 7)).added).toBe(0);
    expect(store.size).toBe(7);
    expect(store.verdictCounts().passed).toBe(7);
  });

  it("reports a gap when a message starts past lastSeq + 1", () => {
    const store = new BatchResults();
    store.add(results(1, 3));
    const outcome = store.add(results(8, 10));
    expect(outcome.gap).toEqual({ afterSeq: 3, beforeSeq: 8 });
    expect(store.lastSeq).toBe(3);
    expect(store.maxSeq).toBe(10);
  });

  it("reports a gap from the start", () => {
    const store = new BatchResults();
    expect(store.add(results(5, 6)).gap).toEqual({ afterSeq: 0, beforeSeq: 5 });
  });

  it("closes the gap when the missing page arrives", () => {
    const store = new BatchResults();
    store.add(results(1, 3));
    store.add(results(8, 10));
    const outcome = store.add(results(4, 9)); // overlaps what is held
    expect(outcome).toEqual({ added: 4, gap: null });
    expect(store.lastSeq).toBe(10);
    expect(store.seqs()).toEqual(results(1, 10).map((r) => r.seq));
  });

  it("orders pages that arrive out of order", () => {
    const store = new BatchResults();
    store.add(results(2001, 3000));
    store.add(results(1, 1000));
    expect(store.gap()).toEqual({ afterSeq: 1000, beforeSeq: 2001 });
    store.add(results(1001, 2000));
    expect(store.gap()).toBeNull();
    const seqs = store.seqs();
    expect(seqs.length).toBe(3000);
    expect(seqs.every((seq, i) => seq === i + 1)).toBe(true);
  });

  it("inserts single results into the middle", () => {
    const store = new BatchResults();
    store.add([result(5), result(1), result(3)]);
    expect(store.seqs()).toEqual([1, 3, 5]);
    expect(store.gap()).toEqual({ afterSeq: 1, beforeSeq: 3 });
    store.add([result(2), result(4)]);
    expect(store.seqs()).toEqual([1, 2, 3, 4, 5]);
    expect(store.gap()).toBeNull();
  });

  it("keeps the tail", () => {
    const store = new BatchResults();
    store.add(results(1, 10));
    expect(store.tail(3).map((r) => r.seq)).toEqual([8, 9, 10]);
  });
});
