/** Builders for tests. */
import type { BatchSummary } from "../bindings/BatchSummary";
import type { ResultSummary } from "../bindings/ResultSummary";
import type { Verdict } from "../bindings/Verdict";
import { DEFAULT_OPTIONS } from "../runner/options";

export function result(seq: number, verdict: Verdict = "passed"): ResultSummary {
  return {
    seq,
    position: seq - 1,
    case_index: seq - 1,
    iteration: 0,
    data_row: null,
    case_name: `case ${seq}`,
    verdict,
    error: verdict === "errored" ? { kind: "timeout", message: "timed out" } : null,
    status: verdict === "errored" ? null : 200,
    duration_ms: 10 + (seq % 7),
    failed_assertions: verdict === "failed" ? 1 : 0,
  };
}

export function results(from: number, to: number): ResultSummary[] {
  const out: ResultSummary[] = [];
  for (let seq = from; seq <= to; seq += 1) out.push(result(seq));
  return out;
}

export function summary(overrides: Partial<BatchSummary> = {}): BatchSummary {
  return {
    id: "0190a000-0000-7000-8000-000000000001",
    name: "Demo",
    state: "RUNNING",
    pause_reason: null,
    created_at: "2025-01-01T10:00:00Z",
    started_at: "2025-01-01T10:00:01Z",
    finished_at: null,
    counters: { total: 10, done: 0, passed: 0, failed: 0, errored: 0 },
    last_seq: 0,
    options: DEFAULT_OPTIONS,
    rerun_of: null,
    message: null,
    unknown_outcomes: 0,
    ...overrides,
  };
}
