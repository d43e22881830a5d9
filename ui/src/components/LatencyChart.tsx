import { formatMs } from "../format";
import { VERDICT_CODE } from "../live/batchResults";

const WIDTH = 240;
const HEIGHT = 48;

type Props = {
  /** Durations (ms) of the most recent results, oldest first. */
  durations: Float32Array;
  /** Their verdict codes (VERDICT_CODE), same length. */
  verdicts: Uint8Array;
  label: string;
};

/** Durations of recent results as bars (red for failed/errored), scaled to the slowest. */
export function LatencyChart({ durations, verdicts, label }: Props) {
  const bars = Array.from(durations);
  const max = Math.max(1, ...bars);
  const step = bars.length > 0 ? WIDTH / bars.length : WIDTH;
  return (
    <figure className="latency" title={label}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="latency-axis" />
        {bars.map((duration, i) => {
          const h = Math.max(1, (duration / max) * (HEIGHT - 2));
          const passed = verdicts[i] === VERDICT_CODE.passed;
          return (
            <rect
              key={i}
              x={i * step}
              y={HEIGHT - h}
              width={Math.max(1, step - 0.5)}
              height={h}
              className={passed ? "latency-bar" : "latency-bar latency-bad"}
            />
          );
        })}
      </svg>
      <figcaption>max {formatMs(max)} ms</figcaption>
    </figure>
  );
}
