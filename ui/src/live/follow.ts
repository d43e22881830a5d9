/**
 * Following a batch by pulling: long polls to `follow_batch`, each from the last seq this
 * page holds, with the cursor of the reply before, after the pause that reply asked for.
 *
 * Why not the pushed `attach_batch` channel: WebKitGTK evaluates each pushed message as a
 * script and keeps its compiled form (~4 KB per 7 KB message, for good); a reply to an
 * invoke is an ordinary response, garbage once read (docs/performance.md, "Soak").
 *
 * Invariant: messages reach `onMessage` in the order the shell sent them, each seq once
 * (every poll asks for what follows the last seq delivered), and none after `stop()`.
 */
import type { AttachMessage } from "../bindings/AttachMessage";
import type { FollowCursor } from "../bindings/FollowCursor";
import type { FollowReply } from "../bindings/FollowReply";

/** One long poll: what follows `afterSeq` (`follow_batch`). */
export type FollowPoll = (
  batchId: string,
  afterSeq: number,
  cursor: FollowCursor | null,
) => Promise<FollowReply>;

/** A follow in progress. */
export type Following = { stop(): void };

/**
 * Starts following `batchId` from `afterSeq`. Resolves once the first reply was delivered
 * (rejects if the first poll fails: the batch is unknown, the shell refused); a later
 * failure ends the follow and goes to `onError`. The follow ends by itself after `end`.
 */
export async function followBatch(
  poll: FollowPoll,
  batchId: string,
  afterSeq: number,
  onMessage: (message: AttachMessage) => void,
  onError: (error: unknown) => void,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Following> {
  let stopped = false;
  let held = afterSeq;
  let cursor: FollowCursor | null = null;
  /** Delivers a reply; true when the follow goes on. */
  const deliver = (reply: FollowReply): boolean => {
    if (stopped) return false;
    cursor = reply.cursor;
    for (const message of reply.messages) {
      held = lastSeqIn(message, held);
      onMessage(message);
      if (message.type === "end") return false;
    }
    return true;
  };
  const first = await poll(batchId, held, cursor);
  const following: Following = { stop: () => (stopped = true) };
  if (!deliver(first)) return following;
  void (async () => {
    let reply = first;
    try {
      for (;;) {
        // An empty reply is a long poll that timed out: ask again at once.
        if (reply.messages.length > 0) await wait(reply.poll_after_ms);
        if (stopped) return;
        reply = await poll(batchId, held, cursor);
        if (!deliver(reply)) return;
      }
    } catch (e) {
      if (!stopped) onError(e);
    }
  })();
  return following;
}

/** The last seq a message carries, or `held` if it carries none. */
export function lastSeqIn(message: AttachMessage, held: number): number {
  switch (message.type) {
    case "results":
      return message.results.at(-1)?.seq ?? held;
    case "columns": {
      const tail = message.tail.at(-1)?.seq;
      if (tail !== undefined) return tail;
      const n = message.columns.durations_ms.length;
      return n > 0 ? message.columns.first_seq + n - 1 : held;
    }
    default:
      return held;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
