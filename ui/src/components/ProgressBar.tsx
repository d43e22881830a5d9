import type { BatchSummary } from "../bindings/BatchSummary";

/** done/total as a bar; its data-* attributes are read by end-to-end tests. */
export function ProgressBar({ batch }: { batch: BatchSummary }) {
  const { done, total, passed, failed, errored } = batch.counters;
  const width = (n: number) => (total > 0 ? `${(100 * n) / total}%` : "0%");
  return (
    <div
      className="progress"
      data-testid="batch-progress"
      data-batch-id={batch.id}
      data-done={done}
      data-total={total}
      data-state={batch.state}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      <div className="progress-track">
        <span className="progress-passed" style={{ width: width(passed) }} />
        <span className="progress-failed" style={{ width: width(failed) }} />
        <span className="progress-errored" style={{ width: width(errored) }} />
      </div>
      <span className="progress-text">
        {done}/{total}
      </span>
    </div>
  );
}
