// Bounded load loops: a fixed number of requests or a time limit, whichever comes first, with a
// given number of concurrent workers; latencies in milliseconds.

export interface LoopLimits {
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
  /** Requests run first and not measured (connection set-up, plan caching). */
  warmup: number;
}

export interface LatencySummary {
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  rps: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

/** Runs `request(i)` with i = 0, 1, 2, … across workers until a limit is reached. */
export async function runLoop(limits: LoopLimits, request: (i: number) => Promise<void>, firstIndex = 0): Promise<LatencySummary> {
  let next = firstIndex;
  for (let w = 0; w < limits.warmup; w++) await request(next++).catch(() => undefined);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + limits.maxSeconds * 1000;
  const last = next + limits.maxRequests;
  const worker = async () => {
    while (next < last && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        await request(i);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: limits.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    concurrency: limits.concurrency,
    requests: latencies.length,
    errors,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    rps: round(latencies.length / elapsed),
  };
}
