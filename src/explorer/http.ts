// useExplorer(): serves the pre-built explorer page (explorer/dist) at /explore, as a yoga plugin.
// The files are read once at start: the URL → file map is the whole allow-list, so no path reaches the disk.
// Each is served as a StaticBody (ETag, 304, gzip or brotli made on first use), as the GraphiQL and landing pages are.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { type StaticBody, staticBody } from '../static-body.ts';
import { EXPLORER_DIST } from './source-hash.ts';

export interface ExplorerOptions {
  /** The URL path the page answers on; its files are under `${path}/`. Default `/explore`. */
  path?: string;
  /** The built page (`npm run explorer:build`). Default `explorer/dist` in the repository. */
  dir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page may load and call only its own origin: the explorer needs nothing from elsewhere at run time. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // cytoscape sizes its canvases through style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

interface StaticFile {
  body: StaticBody;
  type: string;
  cacheControl: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function load(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(join(dir, 'index.html'))) return files;
  for (const path of walk(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    files.set(name, {
      body: staticBody(readFileSync(path), { compress: /^text\/|json|javascript|svg/.test(type) }),
      type,
      // Vite names assets by content hash, so they never change; anything else is revalidated on each use.
      cacheControl: name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return files;
}

export function useExplorer({ path = '/explore', dir = EXPLORER_DIST }: ExplorerOptions = {}): Plugin {
  const files = load(dir);
  const prefix = `${path}/`;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path && !url.pathname.startsWith(prefix)) return;
      const text = (status: number, body: string, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } }),
        );
      if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      if (files.size === 0) return text(503, 'The explorer is not built: run `npm run explorer:build`.');
      const name = url.pathname === path || url.pathname === prefix ? 'index.html' : url.pathname.slice(prefix.length);
      const file = files.get(name);
      if (!file) return text(404, 'Not Found');

      const headers: Record<string, string> = {
        'content-type': file.type,
        'cache-control': file.cacheControl,
        'x-content-type-options': 'nosniff',
      };
      if (file.type.startsWith('text/html')) {
        headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        // For browsers that predate frame-ancestors.
        headers['x-frame-options'] = 'DENY';
        headers['referrer-policy'] = 'same-origin';
      }
      return file.body.respond(request, fetchAPI, headers).then(endResponse);
    },
  };
}
