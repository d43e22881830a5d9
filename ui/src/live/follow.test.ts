import { describe, expect, it, vi } from "vitest";
import type { AttachMessage } from "../bindings/AttachMessage";
import type { FollowCursor } from "../bindings/FollowCursor";
import type { FollowReply } from "../bindings/FollowReply";
import { followBatch, lastSeqIn, type FollowPoll } from "./follow";
import { results, summary } from "./testData";

const counters = (done: number) => ({ total: 100, done, passed: done, failed: 0, errored: 0 });
const cursor = (announced_seq: number): FollowCursor => ({ state: ["RUNNING", null], announced_seq });
const reply = (messages: AttachMessage[], poll_after_ms = 200, announced = 0): FollowReply => ({
  messages,
  cursor: cursor(announced),
  poll_after_ms,
});
const flush = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A shell that answers polls from a script of replies, recording each request. */
function scriptedShell(replies: (FollowReply | Error)[]) {
  const asked: { afterSeq: number; cursor: FollowCursor | null }[] = [];
  const poll: FollowPoll = vi.fn(async (_id, afterSeq, c) => {
    asked.push({ afterSeq, cursor: c });
    const next = replies.shift();
    if (next === undefined) return new Promise<FollowReply>(() => {}); // a poll left waiting
    if (next instanceof Error) throw next;
    return next;
  });
  const waits: number[] = [];
  const wait = async (ms: number) => {
    waits.push(ms);
  };
  return { poll, asked, waits, wait };
}

describe("followBatch", () => {
  it("asks from the last seq delivered, with the last cursor, pausing as each reply says", async () => {
    const shell = scriptedShell([
      reply([{ type: "state", batch: summary() }, { type: "results", results: results(6, 8), counters: counters(8) }]),
      reply([], 200, 0), // a long poll that timed out
      reply(
        [
          {
            type: "columns",
            columns: { first_seq: 9, verdicts: "pp", durations_ms: [1, 2] },
            tail: results(11, 12),
            counters: counters(12),
          },
        ],
        1000,
        12,
      ),
      reply([{ type: "progress", counters: counters(20), last_seq: 20 }], 1000, 20),
    ]);
    const got: AttachMessage[] = [];
    await followBatch(shell.poll, "b1", 5, (m) => got.push(m), () => {}, shell.wait);
    await flush();

    expect(got.map((m) => m.type)).toEqual(["state", "results", "columns", "progress"]);
    expect(shell.asked.map((a) => a.afterSeq)).toEqual([5, 8, 8, 12, 12]);
    expect(shell.asked[0].cursor).toBeNull();
    expect(shell.asked[4].cursor).toEqual(cursor(20));
    // No pause after the empty reply; the pause each other reply asked for.
    expect(shell.waits).toEqual([200, 1000, 1000]);
  });

  it("stops after the end", async () => {
    const shell = scriptedShell([
      reply([{ type: "results", results: results(1, 2), counters: counters(2) }, { type: "end" }]),
      reply([{ type: "results", results: results(3, 3), counters: counters(3) }]),
    ]);
    const got: AttachMessage[] = [];
    await followBatch(shell.poll, "b1", 0, (m) => got.push(m), () => {}, shell.wait);
    await flush();
    expect(got.map((m) => m.type)).toEqual(["results", "end"]);
    expect(shell.poll).toHaveBeenCalledTimes(1);
  });

  it("delivers nothing after stop, even a reply already on its way", async () => {
    let answer: (r: FollowReply) => void = () => {};
    const poll: FollowPoll = vi
      .fn<FollowPoll>()
      .mockResolvedValueOnce(reply([{ type: "results", results: results(1, 1), counters: counters(1) }]))
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const got: AttachMessage[] = [];
    const following = await followBatch(poll, "b1", 0, (m) => got.push(m), () => {}, async () => {});
    await flush();
    following.stop();
    answer(reply([{ type: "results", results: results(2, 2), counters: counters(2) }]));
    await flush();
    expect(got).toHaveLength(1);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it("rejects when the first poll fails, and reports a later failure once", async () => {
    const failing = scriptedShell([new Error("not found")]);
    await expect(followBatch(failing.poll, "b1", 0, () => {}, () => {}, failing.wait)).rejects.toThrow(
      "not found",
    );

    const later = scriptedShell([reply([{ type: "progress", counters: counters(1), last_seq: 1 }]), new Error("gone")]);
    const errors: unknown[] = [];
    await followBatch(later.poll, "b1", 0, () => {}, (e) => errors.push(e), later.wait);
    await flush();
    expect(errors).toEqual([new Error("gone")]);
    expect(later.poll).toHaveBeenCalledTimes(2);
  });

  it("reads the last seq a message carries", () => {
    expect(lastSeqIn({ type: "results", results: results(3, 9), counters: counters(9) }, 2)).toBe(9);
    expect(
      lastSeqIn(
        { type: "columns", columns: { first_seq: 10, verdicts: "ppp", durations_ms: [1, 1, 1] }, tail: [], counters: counters(12) },
        9,
      ),
    ).toBe(12);
    expect(lastSeqIn({ type: "end" }, 7)).toBe(7);
  });
});
