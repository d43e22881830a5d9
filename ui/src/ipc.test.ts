import { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { AttachMessage } from "./bindings/AttachMessage";
import * as ipc from "./ipc";
import { DEFAULT_OPTIONS } from "./runner/options";

type Call = { cmd: string; args: Record<string, unknown> | undefined };

function record(reply: (cmd: string, args: Record<string, unknown> | undefined) => unknown = () => null) {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = payload as Record<string, unknown> | undefined;
    calls.push({ cmd, args });
    return reply(cmd, args);
  });
  return calls;
}

afterEach(() => clearMocks());

describe("ipc", () => {
  it("sends camelCase argument names", async () => {
    const calls = record();
    await ipc.openCollection("/tmp/a.yaml");
    await ipc.startBatch({ collectionPath: "/tmp/a.yaml" }, DEFAULT_OPTIONS, { host: "x" });
    await ipc.listBatches(200);
    await ipc.batchResults("b1", 10, 1000, "not_passed");
    await ipc.batchResults("b1", 0, 500, "all", "login");
    await ipc.batchResults("b1", 0, 500, "all", "");
    await ipc.resultDetail("b1", 7);
    await ipc.followBatch("b1", 12, null);
    await ipc.pauseBatch("b1");
    await ipc.resumeBatch("b1");
    await ipc.resumeBatch("b1", true);
    await ipc.cancelBatch("b1");
    await ipc.rerunFailed("b1");
    await ipc.deleteBatch("b1");
    await ipc.exportReport("b1", "junit", "/tmp/r.xml");
    await ipc.setRetention({ older_than_days: 30, keep_newest: null });
    expect(calls).toEqual([
      { cmd: "open_collection", args: { path: "/tmp/a.yaml" } },
      { cmd: "start_batch", args: { collectionPath: "/tmp/a.yaml", options: DEFAULT_OPTIONS, variables: { host: "x" } } },
      { cmd: "list_batches", args: { limit: 200 } },
      { cmd: "batch_results", args: { batchId: "b1", afterSeq: 10, limit: 1000, filter: "not_passed" } },
      { cmd: "batch_results", args: { batchId: "b1", afterSeq: 0, limit: 500, filter: "all", search: "login" } },
      { cmd: "batch_results", args: { batchId: "b1", afterSeq: 0, limit: 500, filter: "all" } },
      { cmd: "result_detail", args: { batchId: "b1", seq: 7 } },
      { cmd: "follow_batch", args: { batchId: "b1", afterSeq: 12, cursor: null } },
      { cmd: "pause_batch", args: { batchId: "b1" } },
      { cmd: "resume_batch", args: { batchId: "b1", resendUnknown: false } },
      { cmd: "resume_batch", args: { batchId: "b1", resendUnknown: true } },
      { cmd: "cancel_batch", args: { batchId: "b1" } },
      { cmd: "rerun_failed", args: { batchId: "b1" } },
      { cmd: "delete_batch", args: { batchId: "b1" } },
      { cmd: "export_report", args: { batchId: "b1", format: "junit", path: "/tmp/r.xml" } },
      { cmd: "set_retention", args: { retention: { older_than_days: 30, keep_newest: null } } },
    ]);
  });

  it("passes a Channel as onEvent and delivers its messages", async () => {
    const calls = record();
    const received: AttachMessage[] = [];
    await ipc.attachBatch("b1", 0, (m) => received.push(m));
    expect(calls[0].cmd).toBe("attach_batch");
    const args = calls[0].args!;
    expect(args.batchId).toBe("b1");
    expect(args.afterSeq).toBe(0);
    expect(args.onEvent).toBeInstanceOf(Channel);
    (args.onEvent as Channel<AttachMessage>).onmessage({ type: "end" });
    expect(received).toEqual([{ type: "end" }]);
  });

  it("turns a rejection into a CommandError", async () => {
    record(() => {
      throw { kind: "invalid_collection", message: "demo.yaml:3:5: unknown field" };
    });
    await expect(ipc.openCollection("demo.yaml")).rejects.toEqual({
      kind: "invalid_collection",
      message: "demo.yaml:3:5: unknown field",
    });
  });

  it("turns a plain string rejection into an internal CommandError", async () => {
    record(() => Promise.reject("command start_batch not found"));
    await expect(ipc.activeBatches()).rejects.toEqual({ kind: "internal", message: "command start_batch not found" });
  });

  it("returns the command's value", async () => {
    record((cmd) => (cmd === "set_retention" ? 3 : null));
    await expect(ipc.setRetention({ older_than_days: null, keep_newest: 10 })).resolves.toBe(3);
  });
});
