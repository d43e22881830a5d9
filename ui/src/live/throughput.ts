/** Results per second over the last few seconds, from (time, done) samples. */
export class ThroughputMeter {
  private samples: { t: number; done: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  sample(done: number, t: number = Date.now()): void {
    this.samples.push({ t, done });
    const cutoff = t - this.windowMs;
    // Keep one sample older than the window, so the rate covers the whole window.
    while (this.samples.length > 2 && this.samples[1].t <= cutoff) this.samples.shift();
  }

  /** Results per second, or null before there are two samples a moment apart. */
  rate(): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.t - first.t) / 1000;
    if (seconds < 0.5) return null;
    return Math.max(0, (last.done - first.done) / seconds);
  }

  /** Seconds left for `remaining` results at the current rate. */
  eta(remaining: number): number | null {
    const rate = this.rate();
    if (rate === null || rate <= 0 || remaining <= 0) return null;
    return remaining / rate;
  }

  reset(): void {
    this.samples = [];
  }
}
