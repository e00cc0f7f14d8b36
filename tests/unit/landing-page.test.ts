// GET / says what Liner is and links everything a newcomer needs; the schema only where introspection is public.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';

const appWith = (env: Record<string, string> = {}) =>
  createApp({ store: new MemoryStore(), config: loadConfig({ LOG_LEVEL: 'silent', ...env }) });

describe('the landing page', () => {
  it('answers / with links to GraphiQL, the explorer, the exports, health, the schema and the README', async () => {
    const response = await appWith().fetch('http://liner.test/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      '/graphql',
      '/explore',
      '/export/collaboration.graphml',
      '/health',
      '/ready',
      '/schema.graphql',
      '/README.md',
    ]);
  });

  it('serves the schema and the README it links to', async () => {
    const app = appWith();
    const schema = await app.fetch('http://liner.test/schema.graphql');
    expect(schema.status).toBe(200);
    expect(await schema.text()).toContain('byIdentifier(scheme: IdentifierScheme!, value: String!): Node\n');
    const readme = await app.fetch('http://liner.test/README.md');
    expect(readme.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await readme.text()).toMatch(/^# Liner\n/);
  });

  it('neither shows nor links the schema where introspection is off', async () => {
    const app = appWith({ INTROSPECTION: 'false' });
    expect(await (await app.fetch('http://liner.test/')).text()).not.toContain('/schema.graphql');
    expect((await app.fetch('http://liner.test/schema.graphql')).status).toBe(404);
  });
});
