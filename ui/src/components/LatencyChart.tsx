import { formatMs } from "../format";
import type { ResultSummary } from "../bindings/ResultSummary";

const WIDTH = 240;
const HEIGHT = 48;

/** Durations of recent results as bars (red for failed/errored), scaled to the slowest. */
export function LatencyChart({ recent, label }: { recent: readonly ResultSummary[]; label: string }) {
  const max = Math.max(1, ...recent.map((r) => r.duration_ms));
  const step = recent.length > 0 ? WIDTH / recent.length : WIDTH;
  return (
    <figure className="latency" title={label}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="latency-axis" />
        {recent.map((r, i) => {
          const h = Math.max(1, (r.duration_ms / max) * (HEIGHT - 2));
          return (
            <rect
              key={r.seq}
              x={i * step}
              y={HEIGHT - h}
              width={Math.max(1, step - 0.5)}
              height={h}
              className={r.verdict === "passed" ? "latency-bar" : "latency-bar latency-bad"}
            />
          );
        })}
      </svg>
      <figcaption>max {formatMs(max)} ms</figcaption>
    </figure>
  );
}
