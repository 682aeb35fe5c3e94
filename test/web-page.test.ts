// The map page's static file handler: only files inside the build folder, with their content types.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveWebFile, serveWebPage, webPageBuilt } from '../src/http/web-page.js';

const base = mkdtempSync(join(tmpdir(), 'web-page-'));
const root = join(base, 'web');
mkdirSync(join(root, 'app'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>map</title>');
writeFileSync(join(root, 'app', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'app', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'app', 'notes.txt'), 'not served');
writeFileSync(join(base, 'secret.js'), 'outside');
afterAll(() => rmSync(base, { recursive: true, force: true }));

function fakeResponse() {
  const sent: { status?: number; headers?: Record<string, string>; body?: Buffer } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      sent.status = status;
      sent.headers = headers;
      return res;
    },
    end(body: Buffer) {
      sent.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, sent };
}

describe('the map page files', () => {
  it('serves index.html at / and the built files under /app/ with their content types', () => {
    const page = fakeResponse();
    expect(serveWebPage('/', page.res, root)).toBe(true);
    expect(page.sent.status).toBe(200);
    expect(page.sent.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.sent.body?.toString()).toBe('<!doctype html><title>map</title>');

    const script = fakeResponse();
    expect(serveWebPage('/app/index-abc.js', script.res, root)).toBe(true);
    expect(script.sent.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.sent.headers?.['cache-control']).toBe('public, max-age=31536000, immutable');

    const style = fakeResponse();
    expect(serveWebPage('/app/index-abc.css', style.res, root)).toBe(true);
    expect(style.sent.headers?.['content-type']).toBe('text/css; charset=utf-8');
  });

  it('refuses paths that leave the build folder, unknown types, folders and missing files', () => {
    for (const path of [
      '/app/../../secret.js',
      '/app/..%2f..%2fsecret.js',
      '/app/%2e%2e/%2e%2e/secret.js',
      '/app/..\\..\\secret.js',
      '/app/notes.txt',
      '/app/',
      '/app/missing.js',
      '/app/%00.js',
      '/app/%E0%A4%A.js',
    ]) {
      expect(resolveWebFile(path, root), path).toBeNull();
      const { res, sent } = fakeResponse();
      expect(serveWebPage(path, res, root), path).toBe(false);
      expect(sent.status).toBeUndefined();
    }
    expect(serveWebPage('/graphql', fakeResponse().res, root)).toBe(false);
  });

  it('serves nothing at / before the page is built', () => {
    const empty = join(base, 'empty');
    mkdirSync(empty);
    expect(webPageBuilt(empty)).toBe(false);
    expect(serveWebPage('/', fakeResponse().res, empty)).toBe(false);
    expect(webPageBuilt(root)).toBe(true);
  });
});
