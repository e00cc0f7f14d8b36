// GraphQL over HTTP conformance: graphql-http's server audits against the app with its default settings.
import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed, testConfig } from '../helpers.ts';

describe('graphql-http server audits, default settings', async () => {
  const store = new MemoryStore();
  await store.load(await seed());
  const app = createApp({ store, config: testConfig });
  // One audit at a time, as a client within the per-client concurrency limit; all at once they would meet 429s.
  const audits = serverAudits({
    url: 'http://liner.test/graphql',
    fetchFn: (input: string, init?: RequestInit) => app.fetch(input, init ?? {}),
  });

  it('has audits to run', () => {
    expect(audits.length).toBeGreaterThan(50);
  });

  it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    // Every audit passes, the MAYs included: before GET reads went without a CSRF header, the three GET audits were
    // notices ("MAY accept … GET requests": 403).
    const result = await audit.fn();
    if (result.status !== 'ok') expect.fail(`${result.status}: ${result.reason}`);
  });
});
