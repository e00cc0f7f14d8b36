// useLandingPage(): GET / answers a small page saying what Liner is and where to go: GraphiQL, the explorer, the
// exports, health, the schema and the README's recipes. Static, with no script, so it costs nothing to serve.
import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';

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

/** `printSchema` is called on the first request for /schema.graphql, not when an app is made. */
export function useLandingPage(config: Config, printSchema: () => string): Plugin {
  const text = readme();
  const html = page(config, text !== null);
  let printed: string | undefined;
  const pages = new Map<string, [() => string, string]>([['/', [() => html, 'text/html; charset=utf-8']]]);
  if (schemaIsPublic(config)) pages.set('/schema.graphql', [() => (printed ??= printSchema()), 'text/plain; charset=utf-8']);
  if (text !== null) pages.set('/README.md', [() => text, 'text/markdown; charset=utf-8']);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const found = pages.get(url.pathname);
      if (!found) return;
      const [bodyOf, type] = found;
      const body = bodyOf();
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
        }),
      );
    },
  };
}
