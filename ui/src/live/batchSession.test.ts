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
      return {};
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

  it("attaches once per batch in the registry", () => {
    const { deps } = fakeShell(0);
    const registry = new BatchRegistry(deps);
    registry.follow(summary());
    registry.follow(summary({ counters: counters(3) }));
    expect(deps.attach).toHaveBeenCalledTimes(1);
    expect(registry.getRunnerIds()).toEqual([summary().id]);
    expect(registry.get(summary().id)?.summary.counters.done).toBe(3);
  });

  it("loads a finished batch read-only", async () => {
    const { deps } = fakeShell(2500);
    const session = new BatchSession(summary({ state: "FAILED" }), deps);
    await session.loadAll();
    expect(session.results.size).toBe(2500);
    expect(session.final).toBe(true);
    expect(deps.fetchPage).toHaveBeenCalledTimes(3);
  });
});
