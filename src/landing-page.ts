// useLandingPage(): GET / answers a small page saying what Liner is and where to go: GraphiQL, the explorer, the
// exports, health, the schema and the README's recipes. Static, with no script, so it costs nothing to serve.
import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';
import { type StaticBody, staticBody } from './static-body.ts';

const README = new URL('../README.md', import.meta.url);

/** Whether the schema may be shown to anyone: the same rule as introspection (plugins/introspection.ts). */
const schemaIsPublic = (config: Config) => config.INTROSPECTION && !config.REQUIRE_AUTH_FOR_READS;

function page(config: Config, haveReadme: boolean): string {
  const link = (href: string, text: string, note: string) => `<li><a href="${href}">${text}</a> — ${note}</li>`;
  const links = [
    config.GRAPHIQL
      ? link('/graphql', 'GraphiQL', 'ask the graph in GraphQL, with an example for each main question')
      : '<li><code>POST /graphql</code> — the GraphQL endpoint (GraphiQL is off on this server)</li>',
    link('/explore', 'Explorer', "search people and works, see a collaboration network, read every fact's source"),
    link(
      '/export/collaboration.graphml',
      'Exports',
      'the graph for Gephi, Cytoscape, networkx or neo4j-admin (GraphML, GEXF, Cytoscape JSON, node-link JSON, CSV)',
    ),
    link('/health', 'Health', '200 while the process is up; <a href="/ready">/ready</a> while the store answers'),
    schemaIsPublic(config) ? link('/schema.graphql', 'Schema', 'the GraphQL schema as SDL') : '',
    haveReadme
      ? link('/README.md', 'README', 'getting started, configuration and recipes: import MusicBrainz, back up, move to Neo4j')
      : '',
  ].filter((item) => item !== '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Liner</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
h1{margin-bottom:.25rem}p{margin-top:0}li{margin:.4rem 0}a{color:#1d4ed8}</style></head>
<body><h1>Liner</h1>
<p>A GraphQL server for music credits: who produced, engineered, mixed, wrote and performed what, which awards it
won, and how people are connected through their work — every fact with its source and a verbatim quote.</p>
<ul>
${links.join('\n')}
</ul></body></html>
`;
}

/** The README, read once per process: every app (tests make hundreds) serves the same file. */
let readmeText: string | null | undefined;
const readme = () => {
  readmeText ??= existsSync(README) ? readFileSync(README, 'utf8') : null;
  return readmeText;
};

/** The landing page has no script and needs nothing from elsewhere; no site may frame it (issue 24, finding 6). */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * `printSchema` is called on the first request for /schema.graphql, not when an app is made. Each page is built once,
 * compressed on first use (the README is about 50 kB, a third of that gzipped), with an ETag so a revisit is a 304.
 */
export function useLandingPage(config: Config, printSchema: () => string): Plugin {
  const text = readme();
  const html = staticBody(page(config, text !== null));
  let printed: StaticBody | undefined;
  const pages = new Map<string, [() => StaticBody, string]>([['/', [() => html, 'text/html; charset=utf-8']]]);
  if (schemaIsPublic(config))
    pages.set('/schema.graphql', [() => (printed ??= staticBody(printSchema())), 'text/plain; charset=utf-8']);
  if (text !== null) {
    const body = staticBody(text);
    pages.set('/README.md', [() => body, 'text/markdown; charset=utf-8']);
  }
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const found = pages.get(url.pathname);
      if (!found) return;
      const [bodyOf, type] = found;
      return bodyOf()
        .respond(request, fetchAPI, {
          'content-type': type,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'content-security-policy': PAGE_POLICY,
          'x-frame-options': 'DENY',
        })
        .then(endResponse);
    },
  };
}
