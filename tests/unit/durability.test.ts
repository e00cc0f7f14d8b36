// The embedded store keeps every acknowledged write: through SIGKILL, compaction and a torn last record.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableMemoryStore } from '../../src/graph/memory/durable-store.ts';
import { seed } from '../helpers.ts';
import { startServer } from '../server-process.ts';

const TOKEN = 'durability-test-token-0123456789';
const SOURCE = { document: 'thom-russo-article', citations: [], quote: 'Thom Russo' };

async function mutate(base: string, slug: string): Promise<boolean> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }',
      variables: { input: { slug, name: `Person ${slug}`, source: SOURCE } },
    }),
  });
  const body = (await response.json()) as { data?: { upsertPerson?: { slug: string } } };
  return body.data?.upsertPerson?.slug === slug;
}

describe('the embedded store on disk', () => {
  it('restarts after SIGKILL mid-stream with every write it acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-durable-'));
    const env = { DATA_DIR: dir, API_TOKENS: TOKEN, COMPACT_AFTER: '40' };
    const first = startServer(env);
    const base = await first.ready();
    const acknowledged: string[] = [];
    let sent = 0;
    // Four writers in parallel until the kill; the kill lands while requests are in flight.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 10_000; i++) {
        const slug = `durable-${w}-${i}`;
        sent++;
        try {
          if (await mutate(base, slug)) acknowledged.push(slug);
        } catch {
          return; // the connection died with the server: this write was never acknowledged
        }
      }
    });
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = startServer(env);
    const again = await second.ready();
    try {
      const response = await fetch(`${again}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ people(search: "person durable", first: 100) { totalCount } }' }),
      });
      const { data } = (await response.json()) as { data: { people: { totalCount: number } } };
      expect(data.people.totalCount).toBeGreaterThanOrEqual(acknowledged.length);
      const missing: string[] = [];
      for (const slug of acknowledged) {
        const found = await fetch(`${again}/graphql?query=${encodeURIComponent(`{ person(slug: "${slug}") { slug } }`)}`, {
          headers: { 'x-liner-csrf': '1' },
        });
        const body = (await found.json()) as { data?: { person?: { slug: string } | null } };
        if (body.data?.person?.slug !== slug) missing.push(slug);
      }
      expect(missing).toEqual([]);
      // Compaction ran (COMPACT_AFTER=40): the snapshot exists and the journal is short.
      expect(readFileSync(join(dir, 'snapshot.json'), 'utf8').length).toBeGreaterThan(1000);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 120_000);

  it('drops a torn last record with a warning, keeps the records before it, and appends cleanly after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-torn-'));
    const base = await seed();
    const store = await DurableMemoryStore.open({ dir, compactAfter: 1000, base });
    const upsert = (slug: string) =>
      store.write({ nodes: [{ label: 'Person', slug, set: { name: slug, isGroup: false, aliases: [], searchText: slug } }] });
    await upsert('kept-one');
    await upsert('kept-two');
    await store.close();
    // A power cut mid-append: half a record, no newline.
    appendFileSync(join(dir, 'journal.log'), '1a2b3c4d {"op":"write","batch":{"nodes":[{"label":"Pers');

    const warnings: string[] = [];
    const reopened = await DurableMemoryStore.open({ dir, compactAfter: 1000, base, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/dropped a torn last journal record/);
    expect((await reopened.nodesBySlug('Person', ['kept-one', 'kept-two'])).map((p) => p?.slug)).toEqual([
      'kept-one',
      'kept-two',
    ]);
    await reopened.write({ nodes: [{ label: 'Person', slug: 'after-tear', set: { name: 'after', isGroup: false } }] });
    await reopened.close();

    const third = await DurableMemoryStore.open({ dir, compactAfter: 1000, base, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect((await third.nodesBySlug('Person', ['after-tear']))[0]?.slug).toBe('after-tear');
    await third.close();
  });

  it('refuses to start over a journal corrupted before its last record, rather than lose writes silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-corrupt-'));
    const store = await DurableMemoryStore.open({ dir, compactAfter: 1000 });
    await store.write({ nodes: [{ label: 'Person', slug: 'a', set: { name: 'a' } }] });
    await store.write({ nodes: [{ label: 'Person', slug: 'b', set: { name: 'b' } }] });
    await store.close();
    const journal = join(dir, 'journal.log');
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('"a"', '"z"'));
    await expect(DurableMemoryStore.open({ dir, compactAfter: 1000 })).rejects.toThrow(/record at byte 0 is corrupt/);
  });
});
