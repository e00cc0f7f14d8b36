// GraphiQL's page as Liner serves it: yoga's bundled GraphiQL (no CDN), laid out so the query editor gets most of the
// window's width instead of half of it, built once and kept compressed.
import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';
import { EXAMPLE_OPERATIONS } from './graphiql-examples.ts';
import { type StaticBody, staticBody } from './static-body.ts';

/**
 * The query editor's share of the width, against 1 for the response pane: GraphiQL's own starting split, the
 * `graphiql:editorFlex` preference it keeps in localStorage, which dragging the divider overwrites. At 1 (GraphiQL's
 * default) the editor had half the window, and the response pane, empty until a run, the other half, so the
 * examples' longer lines were cut at a laptop's width.
 */
export const EDITOR_SHARE = 2;

/**
 * Set before GraphiQL reads it, and only where the user has not chosen a split, so a dragged divider is kept. The page
 * fills the window (no body margin, full height), which GraphiQL's own CSS leaves to the host page.
 */
const HEAD = `
    <script>
      try {
        if (localStorage.getItem('graphiql:editorFlex') === null) localStorage.setItem('graphiql:editorFlex', '${EDITOR_SHARE}');
      } catch {}
    </script>
    <style>
      html, body, #root { margin: 0; width: 100%; height: 100%; }
    </style>`;

export function renderLinerGraphiQL(options?: GraphiQLOptions): string {
  const page = renderGraphiQL(options);
  const head = page.indexOf('<head>');
  if (head < 0) throw new Error('GraphiQL page without <head>: @graphql-yoga/render-graphiql changed its template');
  return `${page.slice(0, head + 6)}${HEAD}${page.slice(head + 6)}`;
}

/** The page with Liner's options, as yoga's `graphiql` option passed them: the same for every app, so built once. */
let built: { body: StaticBody; csp: string } | undefined;
function linerPage() {
  if (built) return built;
  const html = renderLinerGraphiQL({ title: 'Liner', defaultQuery: EXAMPLE_OPERATIONS });
  built = { body: staticBody(html), csp: contentSecurityPolicy(html) };
  return built;
}

/**
 * Scripts may run only if they are the page's own inline ones, named by hash; everything else the page loads is its
 * own (GraphiQL's editor starts its workers from blobs) and it calls only this origin. No site may frame it.
 */
function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] as string)
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src ${hashes.join(' ')}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * GraphiQL at GET `endpoint` for a browser (Accept: text/html), in place of yoga's `graphiql` option, which rendered
 * the 9 MB page on every request and sent it uncompressed, unframed-protected and uncached, before any rate limit
 * (issue 24, finding 6). Here it is built once, sent gzip- or brotli-compressed (1.9 MB) with an ETag (a revisit is a
 * 304), under a CSP that forbids framing, after the client's rate limit.
 */
export function useGraphiQLPage(config: Pick<Config, 'GRAPHIQL'>, endpoint: string): Plugin {
  if (!config.GRAPHIQL) return {};
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return;
      if (!request.headers.get('accept')?.includes('text/html')) return;
      const { body, csp } = linerPage();
      return body
        .respond(request, fetchAPI, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-cache',
          'content-security-policy': csp,
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'same-origin',
        })
        .then(endResponse);
    },
  };
}
