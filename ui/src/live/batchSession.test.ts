import { describe, expect, it, vi } from "vitest";
import type { AttachMessage } from "../bindings/AttachMessage";
import { BatchSession, type SessionDeps } from "./batchSession";
import { BatchRegistry } from "./registry";
import { results, summary } from "./testData";

function fakeShell(stored: number) {
  let onMessage: ((m: AttachMessage) => void) | null = null;
  const deps: SessionDeps = {
    fetchPage: vi.fn(async (_id: string, afterSeq: number, limit: number) =>
      results(afterSeq + 1, Math.min(stored, afterSeq + limit)),
    ),
    attach: vi.fn(async (_id: string, _afterSeq: number, handler: (m: AttachMessage) => void) => {
      onMessage = handler;
      return { stop: () => (onMessage = null) };
    }),
    describeError: (e: unknown) => String(e),
  };
  const send = (m: AttachMessage) => onMessage?.(m);
  return { deps, send };
}

const counters = (done: number) => ({ total: 5000, done, passed: done, failed: 0, errored: 0 });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("BatchSession", () => {
  it("fills a gap with batch_results pages of 1000", async () => {
    const { deps, send } = fakeShell(2600);
    const session = new BatchSession(summary(), deps);
    await session.attach();
    send({ type: "results", results: results(1, 10), counters: counters(10) });
    send({ type: "results", results: results(2501, 2600), counters: counters(2600) });
    for (let i = 0; i < 10; i += 1) await flush();
    expect(deps.fetchPage).toHaveBeenCalledWith(session.id, 10, 1000);
    expect(deps.fetchPage).toHaveBeenCalledWith(session.id, 1010, 1000);
    expect(deps.fetchPage).toHaveBeenCalledWith(session.id, 2010, 1000);
    expect(session.results.seqs()).toEqual(results(1, 2600).map((r) => r.seq));
    expect(session.summary.counters.done).toBe(2600);
  });

  it("ignores replayed duplicates and marks the end", async () => {
    const { deps, send } = fakeShell(5);
    const session = new BatchSession(summary(), deps);
    await session.attach();
    send({ type: "results", results: results(1, 5), counters: counters(5) });
    send({ type: "results", results: results(3, 5), counters: counters(5) });
    send({ type: "state", batch: summary({ state: "PASSED", last_seq: 5, counters: counters(5) }) });
    send({ type: "end" });
    expect(session.results.seqs()).toEqual([1, 2, 3, 4, 5]);
    expect(session.final).toBe(true);
    expect(session.summary.state).toBe("PASSED");
    expect(deps.fetchPage).not.toHaveBeenCalled();
  });

  it("takes columns without rows, and the tail in full into the cache", async () => {
    const { deps, send } = fakeShell(3000);
    const session = new BatchSession(summary(), deps);
    await session.attach();
    const verdicts = "p".repeat(1999) + "f";
    const durations_ms = Array.from({ length: 2000 }, (_, i) => i / 10);
    send({ type: "columns", columns: { first_seq: 1, verdicts, durations_ms }, tail: [], counters: counters(2000) });
    send({
      type: "columns",
      columns: { first_seq: 2001, verdicts: "p".repeat(980), durations_ms: new Array<number>(980).fill(1) },
      tail: results(2981, 3000),
      counters: counters(3000),
    });
    expect(session.results.seqs()).toEqual(results(1, 3000).map((r) => r.seq));
    expect(session.results.verdictAt(2000)).toBe("failed");
    expect(session.results.rowCount("failed")).toBe(1);
    expect(session.row(1500)).toBeUndefined();
    expect(session.row(2500)).toBeUndefined();
    expect(session.row(2990)?.seq).toBe(2990);
    expect(deps.fetchPage).not.toHaveBeenCalled();
  });

  it("attaches once per batch in the registry", () => {
    const { deps } = fakeShell(0);
    const registry = new BatchRegistry(deps);
    registry.follow(summary());
    registry.follow(summary({ counters: counters(3) }));
    expect(deps.attach).toHaveBeenCalledTimes(1);
    expect(registry.getRunnerIds()).toEqual([summary().id]);
    expect(registry.get(summary().id)?.summary.counters.done).toBe(3);
  });

  it("loads a finished batch read-only: every seq listed at once, columns in pages of 5000", async () => {
    const { deps } = fakeShell(12_000);
    const session = new BatchSession(summary({ state: "FAILED", last_seq: 12_000 }), deps);
    const loading = session.loadColumns();
    expect(session.results.rowCount("all")).toBe(12_000);
    await loading;
    expect(session.results.lastSeq).toBe(12_000);
    expect(session.final).toBe(true);
    expect(vi.mocked(deps.fetchPage).mock.calls).toEqual([
      [session.id, 0, 5000],
      [session.id, 5000, 5000],
      [session.id, 10_000, 5000],
    ]);
    // The first rows are cached (the top of the table); the cache stays bounded.
    expect(session.row(1)?.case_name).toBe("case 1");
    expect(session.memory()).toEqual({ held: 12_000, cachedRows: 5000 });
  });

  it("caches live rows, bounded, while the columns keep every result", async () => {
    const { deps, send } = fakeShell(0);
    const session = new BatchSession(summary(), deps);
    await session.attach();
    for (let from = 1; from <= 20_000; from += 1000) {
      send({ type: "results", results: results(from, from + 999), counters: counters(from + 999) });
    }
    expect(session.memory()).toEqual({ held: 20_000, cachedRows: 5000 });
    expect(session.row(20_000)?.seq).toBe(20_000); // the newest are cached
    expect(session.row(1)).toBeUndefined();
    expect(session.results.recent(60).durations.length).toBe(60);
    expect(deps.fetchPage).not.toHaveBeenCalled();
  });

  it("pulls the rows a table shows that are not cached", async () => {
    const { deps } = fakeShell(30_000);
    const session = new BatchSession(summary({ state: "PASSED", last_seq: 30_000 }), deps);
    await session.loadColumns();
    vi.mocked(deps.fetchPage).mockClear();
    const changed = vi.fn();
    session.subscribe(changed);
    session.rowFetcher.want("all", Array.from({ length: 40 }, (_, i) => 20_001 + i));
    session.rowFetcher.flush();
    await flush();
    expect(deps.fetchPage).toHaveBeenCalledWith(session.id, 20_000, 40, "all");
    expect(session.row(20_040)?.seq).toBe(20_040);
    expect(changed).toHaveBeenCalled();
  });
});

describe("BatchRegistry read-only", () => {
  it("holds one batch opened from History at a time, unless the Runner shows it", () => {
    const { deps } = fakeShell(0);
    const registry = new BatchRegistry(deps);
    const a = summary({ id: "a", state: "PASSED" });
    const b = summary({ id: "b", state: "PASSED" });
    const c = summary({ id: "c", state: "PASSED" });
    registry.openReadOnly(a);
    registry.openReadOnly(b);
    expect(registry.get("a")).toBeUndefined();
    expect(registry.get("b")).toBeDefined();
    registry.follow(b); // now in the Runner: kept
    registry.openReadOnly(c);
    expect(registry.get("b")).toBeDefined();
    expect(registry.get("c")).toBeDefined();
  });
});
