// SIGTERM drains: requests in flight when the signal arrives still complete, then the process
// closes the driver and exits 0. Runs the real entry point (src/main.ts) as a child process.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

describe('graceful shutdown', () => {
  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
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
        NODE_ENV: 'test',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        const m = /API ready at (http:\/\/[^\s]+\/graphql)/.exec(log);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${log}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const query = 'query Drain { partners(first: 50) { totalCount edges { node { id capabilities { level } accounts { status } } } } }';
    const inFlight = Array.from({ length: 8 }, () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName: 'Drain' }) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { data?: { partners?: { totalCount: number } } },
      })),
    );
    // Signal once every request is inside the server (its first Cypher statement is logged).
    const started = () => (log.match(/cypher partners\/list-partners \{"operation":"Drain"/g) ?? []).length;
    for (let i = 0; i < 400 && started() < 8; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started()).toBe(8);
    child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    for (const a of answers) expect(typeof a.body.data?.partners?.totalCount).toBe('number');
    expect(await exited).toBe(0);
    expect(log).toMatch(/SIGTERM: draining requests and stopping/);
  }, 120_000);
});
