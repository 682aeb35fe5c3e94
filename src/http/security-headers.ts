// Headers every answer carries, and the Content-Security-Policy of the two pages (the map page
// at / and GraphiQL at /graphiql): scripts, styles, images and fonts only from this origin, no
// inline script but GraphiQL's one (by its hash), no eval, no plugins, no <base>, and no framing
// by any site (frame-ancestors 'none'). Inline styles are allowed where the libraries need them:
// sigma sets style attributes (style-src-attr), GraphiQL's dialogs add <style> elements.
import type { ServerResponse } from 'node:http';

/** A page's policy; `scripts` adds script sources (an inline block's 'sha256-…' hash), `styles` the same for styles. */
export function contentSecurityPolicy(extra: { scripts?: string[]; styles?: string[]; styleAttributes?: boolean } = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(extra.scripts ?? [])].join(' '),
    ["style-src 'self'", ...(extra.styles ?? [])].join(' '),
    ...(extra.styleAttributes ? ["style-src-attr 'unsafe-inline'"] : []),
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

/** The map page's policy: its build has no inline script or <style>; sigma sets style attributes. */
export const MAP_PAGE_CSP = contentSecurityPolicy({ styleAttributes: true });

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
