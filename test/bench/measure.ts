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

/**
 * Several kinds of request timed in turn at concurrency 1 (`sides[0](i)`, `sides[1](i)`, ..., then `sides[0](i + 1)`,
 * ...), so all see the same moments of a shared machine's load: the API, the same statements through the driver, and
 * the bare HTTP server over them (test/bench/bare.ts). One summary per side, in order.
 */
export async function runInTurn(
  limits: Omit<LoopLimits, 'concurrency'>,
  sides: readonly ((i: number) => Promise<unknown>)[],
): Promise<LatencySummary[]> {
  for (let w = 0; w < limits.warmup; w++) for (const request of sides) await request(w).catch(() => undefined);
  const measured = sides.map((request) => ({ request, latencies: [] as number[], errors: 0, busy: 0 }));
  const deadline = performance.now() + limits.maxSeconds * 1000;
  for (let i = limits.warmup; i < limits.warmup + limits.maxRequests && performance.now() < deadline; i++) {
    for (const side of measured) {
      const t = performance.now();
      try {
        await side.request(i);
        side.latencies.push(performance.now() - t);
      } catch {
        side.errors++;
      }
      side.busy += performance.now() - t;
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return measured.map(({ latencies, errors, busy }) => {
    latencies.sort((x, y) => x - y);
    return {
      concurrency: 1,
      requests: latencies.length,
      errors,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      mean: round(latencies.reduce((x, y) => x + y, 0) / Math.max(1, latencies.length)),
      max: round(latencies[latencies.length - 1] ?? NaN),
      // Requests per second of its own time (the other sides' turns left out).
      rps: round(latencies.length / Math.max(busy / 1000, 1e-9)),
    };
  });
}
