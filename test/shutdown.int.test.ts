// SIGTERM drains: requests in flight when the signal arrives still complete, then the process
// closes the driver and exits 0. Runs the real entry point (src/main.ts) as a child process.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

/** Starts the real entry point against the test database; resolves with its URL once ready. */
async function startMain() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      NEO4J_DATABASE: inject('neo4jDatabase'),
      AUTH: 'off',
      SEED_DEMO: 'false',
      PORT: '0',
      // Not 'test': libraries change their signal handling there, and the real process runs without it.
      NODE_ENV: 'development',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { log: '' };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      state.log += d.toString();
      const m = /API ready at (http:\/\/[^\s]+\/graphql)/.exec(state.log);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited early (${code}):\n${state.log}`)));
  });
  return { child, url, state, exited };
}

/** The exit code, or 'still running' when the process has not exited within the bound. */
function exitWithin(exited: Promise<number | null>, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
    const { child, url, state, exited } = await startMain();
    try {
      const query = 'query Drain { partners(first: 50) { totalCount edges { node { id capabilities { level } accounts { status } } } } }';
      const inFlight = Array.from({ length: 8 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, operationName: 'Drain' }),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { data?: { partners?: { totalCount: number } } },
        })),
      );
      // Signal once every request is inside the server (its first Cypher statement is logged: the page compiled from the
      // selection, src/read/, or the id-ordered list when it is not compiled).
      const started = () =>
        (state.log.match(/cypher (?:read\/partners-page|relay\/list-partners-by-id) \{"operation":"Drain"/g) ?? []).length;
      // A bounded poll on the condition (30 s), not on a count of 5 ms naps: on two busy cores the eight may take more than 2 s.
      for (const until = Date.now() + 30_000; started() < 8 && Date.now() < until;) await new Promise((r) => setTimeout(r, 5));
      expect(started()).toBe(8);
      child.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      for (const a of answers) expect(typeof a.body.data?.partners?.totalCount).toBe('number');
      expect(await exitWithin(exited, 60_000)).toBe(0);
      expect(state.log).toMatch(/SIGTERM: draining requests and stopping/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('stops on Ctrl-C (SIGINT) when idle and exits 0', async () => {
    const { child, url, exited } = await startMain();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { version } }' }),
      });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      child.kill('SIGINT');
      expect(await exitWithin(exited, 60_000)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('stops gracefully when one Ctrl-C arrives twice at once (from the terminal and relayed by npm/tsx), and exits 0', async () => {
    const { child, exited, state } = await startMain();
    try {
      child.kill('SIGINT');
      // The relayed copy arrives once the first is being handled (two signals sent back to back may merge into one).
      for (const until = Date.now() + 30_000; !/SIGINT: draining/.test(state.log) && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGINT');
      expect(await exitWithin(exited, 60_000)).toBe(0);
      expect(state.log.match(/SIGINT: draining requests and stopping/g)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
