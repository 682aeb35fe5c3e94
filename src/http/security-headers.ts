// Headers every answer carries, and the Content-Security-Policy of the two pages (the map page
// at / and GraphiQL at /graphiql): scripts, styles and fonts only from this origin, no inline
// script, no eval, no plugins, and no framing by any site (frame-ancestors 'none').
import type { ServerResponse } from 'node:http';

/** The policy of a page; `scripts` and `styles` add sources (e.g. an inline block's 'sha256-…' hash). */
export function contentSecurityPolicy(extra: { scripts?: string[]; styles?: string[] } = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(extra.scripts ?? [])].join(' '),
    ["style-src 'self'", ...(extra.styles ?? [])].join(' '),
    // The pages' favicon is a data: URL.
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The map page's policy (its build has no inline script or style). */
export const MAP_PAGE_CSP = contentSecurityPolicy();

/** Sent with every answer, JSON included. */
export const BASELINE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function setBaselineHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
}
