// The expiry schedule's own behaviour (src/policy/expiry.ts, scheduleExpiryRecording), apart from the database: a
// failed sweep is logged and tried again at the next tick without stopping the schedule, sweeps never overlap, the
// stopper waits for a sweep in progress, and an interval of 0 runs nothing. (The sweep itself against a real Neo4j:
// test/policy-expiry-schedule.int.test.ts.)
import { describe, expect, it } from 'vitest';
import type { CypherExecutor } from '../src/db/executor.js';
import { createLogger } from '../src/logger.js';
import { scheduleExpiryRecording } from '../src/policy/expiry.js';

/** An executor whose write transactions are answered by `answer` (the n-th call, from 0); counts calls and overlaps. */
function fakeExecutor(answer: (n: number) => Promise<string[]>) {
  const state = { calls: 0, running: 0, overlapped: false };
  const executor = {
    async writeTransaction() {
      const n = state.calls++;
      state.running++;
      if (state.running > 1) state.overlapped = true;
      try {
        return await answer(n);
      } finally {
        state.running--;
      }
    },
  } as unknown as CypherExecutor;
  return { executor, state };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduleExpiryRecording', () => {
  it('logs a failed sweep and tries again at the next tick', async () => {
    const lines: string[] = [];
    const { executor, state } = fakeExecutor(async (n) => {
      if (n === 0) throw new Error('database away');
      return n === 1 ? ['deal-1'] : [];
    });
    const stop = scheduleExpiryRecording(
      executor,
      20,
      createLogger('info', (l) => lines.push(l)),
    );
    await expect.poll(() => state.calls, { timeout: 2000, interval: 10 }).toBeGreaterThanOrEqual(3);
    await stop();
    expect(lines.some((l) => /WARN .*recording expired registrations failed; trying again later.*database away/.test(l))).toBe(true);
    expect(lines.filter((l) => /recorded 1 expired registrations/.test(l))).toHaveLength(1);
    const after = state.calls;
    await wait(80);
    expect(state.calls).toBe(after);
  });

  it('never overlaps a slow sweep, and the stopper waits for it', async () => {
    let finished = false;
    const { executor, state } = fakeExecutor(async () => {
      await wait(120);
      finished = true;
      return [];
    });
    const stop = scheduleExpiryRecording(
      executor,
      10,
      createLogger('error', () => undefined),
    );
    await wait(60);
    await stop();
    expect(finished).toBe(true);
    expect(state.calls).toBe(1);
    expect(state.overlapped).toBe(false);
  });

  it('runs nothing with an interval of 0', async () => {
    const { executor, state } = fakeExecutor(async () => []);
    const stop = scheduleExpiryRecording(
      executor,
      0,
      createLogger('error', () => undefined),
    );
    await wait(50);
    await stop();
    expect(state.calls).toBe(0);
  });
});
