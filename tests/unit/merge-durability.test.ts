// A merge and its undo, once acknowledged, survive a SIGKILL of the server: the embedded store commits each to
// SQLite (one transaction, fsynced) before it answers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOGS_FILE } from '../contract/identity.ts';
import { startServer } from '../server-process.ts';

const TOKEN = 'merge-durability-token-0123456789';

async function graphql(base: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

const STATE = /* GraphQL */ `{
  thom: person(slug: "thom-russo") { aliases identifiers { value } }
  byDiscogs: byIdentifier(scheme: DISCOGS_ARTIST, value: "253104") { ... on Person { slug } }
  merges { edges { node { id undone } } }
}`;

describe('hand merges on disk', () => {
  it('keeps an acknowledged merge, and an acknowledged undo, through SIGKILL', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-merge-kill-')), API_TOKENS: TOKEN, RATE_LIMIT_PER_SECOND: '0' };
    const run = async <T>(work: (base: string) => Promise<T>): Promise<T> => {
      const server = startServer(env);
      try {
        return await work(await server.ready());
      } finally {
        // No SIGTERM and no graceful close: what was acknowledged must already be on disk.
        server.child.kill('SIGKILL');
        await new Promise((resolve) => server.child.once('exit', resolve));
      }
    };
    const dataset = JSON.parse(readFileSync(DISCOGS_FILE, 'utf8'));
    const id = await run(async (base) => {
      expect(
        (await graphql(base, `mutation($d: JSON!) { importDataset(dataset: $d) { nodesCreated } }`, { d: dataset })).errors,
      ).toBeUndefined();
      const merged = await graphql(
        base,
        `mutation { mergeNodes(label: PERSON, keep: "thom-russo", merge: "thom-russo-253104") { id } }`,
      );
      expect(merged.errors).toBeUndefined();
      return merged.data?.mergeNodes.id as string;
    });
    await run(async (base) => {
      const state = await graphql(base, STATE);
      expect(state.data).toEqual({
        thom: { aliases: ['Thomas Russo'], identifiers: [{ value: '253104' }] },
        byDiscogs: { slug: 'thom-russo' },
        merges: { edges: [{ node: { id, undone: false } }] },
      });
      expect((await graphql(base, `mutation { splitNode(merge: "${id}") { undone } }`)).errors).toBeUndefined();
    });
    await run(async (base) => {
      const state = await graphql(base, STATE);
      expect(state.data).toEqual({
        thom: { aliases: [], identifiers: [] },
        byDiscogs: { slug: 'thom-russo-253104' },
        merges: { edges: [{ node: { id, undone: true } }] },
      });
    });
  }, 120_000);
});
