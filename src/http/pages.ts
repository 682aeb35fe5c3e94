// Which page a GET asks for: GraphiQL's files under /assets/, the map page's under /app/, the map
// page at / when it is built (npm run web:build), and the query page at /graphiql (and at / or
// /graphql for a browser when the map page is not built).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveQueryPage, serveQueryPageAsset } from './query-page.js';
import { serveWebPage } from './web-page.js';

/** Answers a page or page file and returns true, or returns false when the request is not for one. */
export function servePage(req: IncomingMessage, url: URL, res: ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  if (serveQueryPageAsset(url.pathname, res) || (url.pathname !== '/' && serveWebPage(url.pathname, res))) return true;
  const wantsHtml = (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
  if (!wantsHtml) return false;
  if (url.pathname === '/' && serveWebPage(url.pathname, res)) return true;
  if (url.pathname === '/graphql' || url.pathname === '/graphiql' || url.pathname === '/') {
    serveQueryPage(res);
    return true;
  }
  return false;
}
