// The query page: GraphiQL served from npm packages (no CDN), so it works offline. A token can
// be set in GraphiQL's Headers tab as {"Authorization": "Bearer …"}; GraphiQL keeps it in local storage.
// Its one inline script is allowed by its hash in its Content-Security-Policy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from './security-headers.js';

const require = createRequire(import.meta.url);

// Files are found through each package's package.json (their `exports` hide the UMD builds).
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  '/assets/graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/assets/graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  '/assets/react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/assets/react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
};

const cache = new Map<string, Buffer>();

const EXAMPLE = `# Welcome to the ecosystem graph. Try:
query Directory {
  partners(first: 5, filter: { types: [RESELLER] }) {
    totalCount
    edges { node { id name types tier regions capabilities { level capability { name } } } }
  }
}
`;

const INLINE_STYLE = 'html,body,#graphiql{height:100%;margin:0}';

const INLINE_SCRIPT = `
  // GraphiQL fetches the schema when its fetcher changes, with the headers then in its editor. A token pasted into the
  // Headers tab therefore gets a new fetcher (after a short pause in typing), so the schema is fetched with it.
  const h = React.createElement;
  const newFetcher = () => GraphiQL.createFetcher({ url: '/graphql' });
  function QueryPage() {
    const [fetcher, setFetcher] = React.useState(newFetcher);
    const pause = React.useRef(undefined);
    const onEditHeaders = React.useCallback(() => {
      clearTimeout(pause.current);
      pause.current = setTimeout(() => setFetcher(newFetcher), 400);
    }, []);
    return h(GraphiQL, {
      fetcher,
      onEditHeaders,
      defaultQuery: ${JSON.stringify(EXAMPLE)},
      defaultHeaders: '{"Authorization": "Bearer <paste a token from npm start or npm run token>"}',
      shouldPersistHeaders: true,
    });
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(h(QueryPage));
`;

export const QUERY_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ecosystem Graph — query page</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/graphiql.min.css">
<style>${INLINE_STYLE}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/assets/react.production.min.js"></script>
<script src="/assets/react-dom.production.min.js"></script>
<script src="/assets/graphiql.min.js"></script>
<script>${INLINE_SCRIPT}</script>
</body>
</html>
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy: its inline script by hash; inline styles, which GraphiQL's dialogs add at run time. */
export const QUERY_PAGE_CSP = contentSecurityPolicy({ scripts: [sha256(INLINE_SCRIPT)], styles: ["'unsafe-inline'"] });

/** Serves the page's static assets; returns false when the path is not one of them. */
export function serveQueryPageAsset(path: string, res: ServerResponse): boolean {
  const asset = ASSETS[path];
  if (!asset) return false;
  let body = cache.get(path);
  if (!body) {
    body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(path, body);
  }
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  res.end(body);
  return true;
}

export function serveQueryPage(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': QUERY_PAGE_CSP });
  res.end(QUERY_PAGE_HTML);
}
