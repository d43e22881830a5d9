import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { ResultSummary } from "../bindings/ResultSummary";
import { BatchSession } from "./batchSession";
import { shellDeps } from "./index";
import { SEARCH_CAP, SEARCH_PAGE } from "./searchCursor";
import { result, summary } from "./testData";

/** A stored batch: every 3rd case is a "Login" case, every 2nd of those failed. */
function storedResult(seq: number): ResultSummary {
  const login = seq % 3 === 0;
  const row = result(seq, login && seq % 2 === 0 ? "failed" : "passed");
  return { ...row, case_name: login ? `POST /Login ${seq}` : `GET /items ${seq}` };
}

/** `batch_results` as the shell answers it, recording the arguments it was called with. */
function mockShell(stored: number) {
  const calls: Record<string, unknown>[] = [];
  mockIPC((cmd, payload) => {
    if (cmd !== "batch_results") throw new Error(`unexpected ${cmd}`);
    const args = payload as { afterSeq: number; limit: number; filter: string; search?: string };
    calls.push({ ...args });
    const needle = args.search?.toLowerCase() ?? "";
    const out: ResultSummary[] = [];
    for (let seq = args.afterSeq + 1; seq <= stored && out.length < args.limit; seq += 1) {
      const row = storedResult(seq);
      if (args.filter === "not_passed" && row.verdict === "passed") continue;
      if (row.case_name.toLowerCase().includes(needle)) out.push(row);
    }
    return out;
  });
  return calls;
}

afterEach(() => clearMocks());

const session = () => new BatchSession(summary({ state: "PASSED" }), shellDeps);

describe("SearchCursor", () => {
  it("follows the cursor page by page with batch_results and its argument names", async () => {
    const calls = mockShell(3000); // 1000 Login cases
    const cursor = session().search("all", "login");
    await cursor.loadMore();
    expect(cursor.rows.length).toBe(SEARCH_PAGE);
    expect(cursor.done).toBe(false);
    await cursor.loadMore();
    await cursor.loadMore();
    expect(calls).toEqual([
      { batchId: summary().id, afterSeq: 0, limit: 500, filter: "all", search: "login" },
      { batchId: summary().id, afterSeq: 1500, limit: 500, filter: "all", search: "login" },
      { batchId: summary().id, afterSeq: 3000, limit: 500, filter: "all", search: "login" },
    ]);
    expect(cursor.rows.length).toBe(1000);
    expect(cursor.rows.every((r, i) => r.seq === 3 * (i + 1))).toBe(true);
    expect(cursor.done).toBe(true);
    await cursor.loadMore(); // nothing more to ask
    expect(calls.length).toBe(3);
  });

  it("asks not_passed for a failed view and keeps only the failed rows", async () => {
    const calls = mockShell(60);
    const cursor = session().search("failed", "LOGIN");
    await cursor.loadMore();
    expect(calls[0].filter).toBe("not_passed");
    expect(cursor.rows.map((r) => r.seq)).toEqual([6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
    expect(cursor.done).toBe(true);
  });

  it("stops at the cap and says so", async () => {
    const calls = mockShell(3 * (SEARCH_CAP + 1000));
    const cursor = session().search("all", "login");
    while (!cursor.done) await cursor.loadMore();
    expect(cursor.rows.length).toBe(SEARCH_CAP);
    expect(cursor.capped).toBe(true);
    expect(calls.length).toBe(SEARCH_CAP / SEARCH_PAGE + 1);
  });

  it("drops an answer that arrives after close", async () => {
    mockShell(300);
    const cursor = session().search("all", "login");
    const pending = cursor.loadMore();
    cursor.close();
    await pending;
    expect(cursor.rows.length).toBe(0);
    await cursor.loadMore();
    expect(cursor.rows.length).toBe(100);
  });
});
