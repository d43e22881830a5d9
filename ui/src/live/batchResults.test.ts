import { describe, expect, it } from "vitest";
import type { ResultSummary } from "../bindings/ResultSummary";
import { BatchResults, VERDICT_CODE, type ResultView } from "./batchResults";
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

  it("keeps the last durations and verdicts for the chart", () => {
    const store = new BatchResults();
    store.add([result(1), result(2, "failed"), result(3), result(4, "errored")]);
    const { durations, verdicts } = store.recent(3);
    expect(Array.from(durations)).toEqual([2, 3, 4].map((seq) => result(seq).duration_ms));
    expect(Array.from(verdicts)).toEqual([VERDICT_CODE.failed, VERDICT_CODE.passed, VERDICT_CODE.errored]);
    expect(store.recent(100).durations.length).toBe(4);
  });

  it("lists the seqs of each filtered view as results arrive", () => {
    const store = new BatchResults();
    store.add([result(1), result(2, "failed"), result(3, "errored"), result(4), result(5, "failed")]);
    const rows = (view: ResultView) =>
      Array.from({ length: store.rowCount(view) }, (_, i) => store.seqAt(view, i));
    expect(rows("all")).toEqual([1, 2, 3, 4, 5]);
    expect(rows("failed")).toEqual([2, 5]);
    expect(rows("errored")).toEqual([3]);
    expect(rows("not_passed")).toEqual([2, 3, 5]);
    expect(store.countInRange("not_passed", 3, 5)).toBe(2);
    expect(store.countInRange("failed", 1, 4)).toBe(1);
    expect(store.countInRange("all", 2, 4)).toBe(3);
    expect(store.verdictAt(3)).toBe("errored");
    expect(store.verdictAt(9)).toBeNull();
  });

  it("adds a result past a gap to the views only once the gap is filled", () => {
    const store = new BatchResults();
    store.add([result(1), result(3, "failed")]);
    expect(store.rowCount("failed")).toBe(0);
    expect(store.rowCount("all")).toBe(2);
    expect(store.seqAt("all", 1)).toBe(3);
    store.add([result(2, "errored")]);
    expect(store.rowCount("failed")).toBe(1);
    expect(store.seqAt("not_passed", 0)).toBe(2);
    expect(store.seqAt("not_passed", 1)).toBe(3);
  });

  it("grows past its initial capacity without losing anything", () => {
    const store = new BatchResults();
    const n = 5000;
    for (let seq = 1; seq <= n; seq += 1) store.add([result(seq, seq % 3 === 0 ? "failed" : "passed")]);
    expect(store.lastSeq).toBe(n);
    expect(store.rowCount("failed")).toBe(Math.floor(n / 3));
    expect(store.seqAt("failed", 1665)).toBe(4998);
    expect(store.recent(1).durations[0]).toBe(result(n).duration_ms);
    expect(store.verdictCounts()).toEqual({ passed: n - 1666, failed: 1666, errored: 0 });
  });

  it("costs a few bytes a result: 200k results stay under 2 MB", () => {
    const store = new BatchResults();
    const n = 200_000;
    const page: ResultSummary[] = [];
    for (let seq = 1; seq <= n; seq += 1) {
      page.push(result(seq, seq % 10 === 0 ? "failed" : seq % 25 === 0 ? "errored" : "passed"));
      if (page.length === 1000) store.add(page.splice(0));
    }
    expect(store.lastSeq).toBe(n);
    expect(store.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(store.byteLength).toBeGreaterThanOrEqual(5 * n); // the columns really are there
  });

  it("lists every stored seq of a read-only batch before its columns fill", () => {
    const store = new BatchResults();
    store.declareStored(8);
    store.add(results(1, 3));
    expect(store.lastSeq).toBe(3);
    expect(store.rowCount("all")).toBe(8);
    expect(store.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.gap()).toBeNull();
  });
});
