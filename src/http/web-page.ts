// The ecosystem map page: the static build of src/web in dist/web (npm run web:build), served at /
// with its files under /app/. Paths are resolved inside dist/web only; anything else is not ours.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAP_PAGE_CSP } from './security-headers.js';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const ASSET_PREFIX = '/app/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Whether the page has been built (GET / serves it then, the query page otherwise). */
export function webPageBuilt(root = WEB_ROOT): boolean {
  return existsSync(resolve(root, 'index.html'));
}

/** The file under root a URL path names, or null when it escapes root, is not a file or has an unknown type. */
export function resolveWebFile(pathname: string, root = WEB_ROOT): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return null;
  if (!(extname(file) in CONTENT_TYPES)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, file: string, cacheControl: string): void {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)]!,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    ...(extname(file) === '.html' ? { 'content-security-policy': MAP_PAGE_CSP } : {}),
  });
  res.end(readFileSync(file));
}

/** Serves the page for / and its built files under /app/; returns false when the path is neither. */
export function serveWebPage(pathname: string, res: ServerResponse, root = WEB_ROOT): boolean {
  if (pathname === '/' || pathname === '/index.html') {
    if (!webPageBuilt(root)) return false;
    send(res, resolve(root, 'index.html'), 'no-cache');
    return true;
  }
  if (!pathname.startsWith(ASSET_PREFIX)) return false;
  const file = resolveWebFile(pathname, root);
  if (!file) return false;
  // Built file names carry a content hash, so they never change.
  send(res, file, 'public, max-age=31536000, immutable');
  return true;
}
