// The embedded store keeps every acknowledged write in its SQLite database: through SIGKILL and restarts; the seed
// goes in once; one server owns a folder; a row changed behind its back stops the start.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readHop } from '../../src/graph/hops.ts';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
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

const upsert = (slug: string) => ({
  nodes: [{ label: 'Person' as const, slug, set: { name: slug, isGroup: false, aliases: [], searchText: slug } }],
});

describe('the embedded store on disk', () => {
  it('restarts after SIGKILL during parallel writes with every write it acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-durable-'));
    // The per-client rate limit is off: this test reads back hundreds of writes at once, and a 429 is not a lost write.
    const env = { DATA_DIR: dir, API_TOKENS: TOKEN, RATE_LIMIT_PER_SECOND: '0' };
    const first = startServer(env);
    const base = await first.ready();
    const acknowledged: string[] = [];
    let sent = 0;
    // Ten writers in parallel until the kill; the kill lands while requests are in flight.
    const writers = Array.from({ length: 10 }, async (_, w) => {
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

    // The killed server held the folder; its lock went with it, so this start is not refused.
    const second = startServer(env);
    const again = await second.ready();
    try {
      const missing: string[] = [];
      for (const slug of acknowledged) {
        const found = await fetch(`${again}/graphql?query=${encodeURIComponent(`{ person(slug: "${slug}") { slug } }`)}`, {
          headers: { 'x-liner-csrf': '1' },
        });
        // Anything but a 200 is a failure of the read, to be reported as such, never counted as a lost write.
        expect(found.status, `reading back ${slug}`).toBe(200);
        const body = (await found.json()) as { data?: { person?: { slug: string } | null } };
        if (body.data?.person?.slug !== slug) missing.push(slug);
      }
      expect(missing).toEqual([]);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 120_000);

  it('loads the seed into a new database once; afterwards the database is the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-seed-'));
    const rows = await seed();
    let seedReads = 0;
    const options = {
      dir,
      seed: async () => {
        seedReads++;
        return rows;
      },
    };
    const first = await DurableStore.open(options);
    expect(first.notes).toEqual([expect.stringMatching(/new database .*liner\.db, the seed loaded into it/)]);
    await first.store.write(upsert('written-after-seed'));
    await first.store.close();

    const second = await DurableStore.open(options);
    expect(seedReads).toBe(1);
    expect(second.notes).toEqual([
      expect.stringMatching(new RegExp(`liner\\.db: ${rows.nodes.length + 1} nodes, ${rows.rels.length} relationships`)),
    ]);
    const [person] = await second.store.nodesBySlug('Person', ['written-after-seed']);
    expect(person?.slug).toBe('written-after-seed');
    expect(await second.store.counts()).toEqual(await first.store.counts());
    await second.store.close();
  });

  it('applies a write to the graph only once it is committed, with the answer of the in-memory store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-write-'));
    const { store } = await DurableStore.open({ dir, seed });
    const source = { document: 'thom-russo-article', citations: ['1'], quote: 'q' };
    const result = await store.write({
      nodes: [{ label: 'Person', slug: 'ada', set: { name: 'Ada', isGroup: false, aliases: [] }, source }],
      rels: [
        {
          type: 'CREDITED',
          fromLabel: 'Person',
          from: 'ada',
          toLabel: 'Work',
          to: 'bobby',
          key: 'MIXER',
          set: { role: 'MIXER' },
          source,
        },
      ],
    });
    expect(result).toEqual({ nodesCreated: 1, relationshipsCreated: 1, relationshipsRemoved: 0, updated: 0 });
    // The same write again changes nothing, in the graph and in the database.
    expect(
      await store.write({ nodes: [{ label: 'Person', slug: 'ada', set: { name: 'Ada', isGroup: false, aliases: [] }, source }] }),
    ).toEqual({ nodesCreated: 0, relationshipsCreated: 0, relationshipsRemoved: 0, updated: 0 });
    // A relationship to a missing node is refused before the database is touched.
    await expect(
      store.write({
        rels: [{ type: 'CREDITED', fromLabel: 'Person', from: 'nobody', toLabel: 'Work', to: 'bobby', key: 'MIXER', set: {} }],
      }),
    ).rejects.toThrow(/no Person with slug "nobody"/);
    await store.write({
      removeRels: [{ type: 'CREDITED', fromLabel: 'Person', from: 'ada', toLabel: 'Work', to: 'bobby', key: 'MIXER' }],
    });
    const rels: unknown[] = [];
    for await (const batch of store.streamRelationships()) rels.push(...batch);
    await store.close();

    const reopened = await DurableStore.open({ dir });
    const again: unknown[] = [];
    for await (const batch of reopened.store.streamRelationships()) again.push(...batch);
    expect(again).toEqual(rels);
    const [ada] = await reopened.store.nodesBySlug('Person', ['ada']);
    expect(ada?.sources).toEqual([source]);
    await reopened.store.close();
  });

  it('loads a big dataset into a new database in bulk, and a load repeating a row ends as the graph does', async () => {
    const people = Array.from({ length: 6_000 }, (_, i) => ({
      label: 'Person' as const,
      slug: `p-${i}`,
      props: { name: `P ${i}`, isGroup: false, aliases: [], searchText: `p ${i}` },
    }));
    const rels = people.slice(1).map((p, i) => ({
      type: 'WORKED_WITH' as const,
      fromLabel: 'Person' as const,
      from: p.slug,
      toLabel: 'Person' as const,
      to: `p-${i}`,
      key: '',
      props: { detail: 'first' },
    }));
    // The same relationship again, later in the load, with other properties: the later row wins.
    const repeated = { ...(rels[0] as (typeof rels)[number]), props: { detail: 'second' } };
    for (const load of [
      { nodes: people, rels },
      { nodes: people, rels: [...rels, repeated] },
    ]) {
      const dir = mkdtempSync(join(tmpdir(), 'liner-bulk-'));
      const { store } = await DurableStore.open({ dir });
      await store.load(load);
      const loaded = await store.counts();
      const [first] = await readHop(store, 'associationsOf', ['p-1']);
      await store.close();
      const { store: reopened } = await DurableStore.open({ dir });
      expect(await reopened.counts()).toEqual(loaded);
      expect(loaded).toEqual({ nodes: { Person: 6_000 }, relationships: { WORKED_WITH: 5_999 } });
      expect((await readHop(reopened, 'associationsOf', ['p-1']))[0]).toEqual(first);
      expect(first?.find((a) => a.direction === 'OUT')?.detail).toBe(load.rels.length > rels.length ? 'second' : 'first');
      await reopened.close();
    }
  });

  it('migrates a folder the journal wrote (snapshot, records, a torn last one) into its new database once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-legacy-'));
    const record = (entry: unknown) => {
      const json = JSON.stringify(entry);
      return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    };
    const rows = await seed();
    const thom = rows.nodes.find((n) => n.slug === 'thom-russo');
    writeFileSync(
      join(dir, 'snapshot.json'),
      JSON.stringify({ nodes: [{ ...thom, props: { ...thom?.props, name: 'Thom R.' } }], rels: [] }),
    );
    writeFileSync(
      join(dir, 'journal.log'),
      record({ op: 'write', batch: upsert('from-the-journal') }) + '1a2b3c4d {"op":"write","batch":{"nodes":[{"label":"Pers',
    );
    const { store, notes } = await DurableStore.open({ dir, seed });
    expect(notes).toEqual([expect.stringMatching(/old journal .* \(1 records\) migrated into the new database/)]);
    const [person, russo] = await store.nodesBySlug('Person', ['from-the-journal', 'thom-russo']);
    expect(person?.slug).toBe('from-the-journal');
    expect(russo?.name).toBe('Thom R.');
    await store.close();
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.migrated'))
        .sort(),
    ).toEqual(['journal.log.migrated', 'snapshot.json.migrated']);
    const again = await DurableStore.open({ dir, seed });
    expect(again.notes).toEqual([expect.stringMatching(/liner\.db: \d+ nodes/)]);
    expect((await again.store.nodesBySlug('Person', ['from-the-journal']))[0]?.slug).toBe('from-the-journal');
    await again.store.close();
  });

  it('refuses a second store on the same folder, naming the folder and the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-lock-'));
    const { store } = await DurableStore.open({ dir });
    await expect(DurableStore.open({ dir })).rejects.toThrow(
      new RegExp(`DATA_DIR ${dir} is in use by another Liner server \\(process ${process.pid}`),
    );
    await store.close();
    // Released on close: the folder can be opened again.
    const again = await DurableStore.open({ dir });
    await again.store.close();
  });

  it('refuses to start on a row changed behind its back, naming the file and how to recover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-crc-'));
    const { store } = await DurableStore.open({ dir, seed });
    await store.close();
    // A bit flipped inside a row's text: SQLite's own checks cannot see it, the row's checksum does.
    const db = new DatabaseSync(join(dir, 'liner.db'));
    db.prepare("UPDATE nodes SET props = replace(props, 'Thom', 'Tham') WHERE slug = 'thom-russo'").run();
    db.close();
    await expect(DurableStore.open({ dir, seed })).rejects.toThrow(
      /the database .*liner\.db is damaged \(the row of node Person "thom-russo" fails its checksum\).*npm run db:restore/,
    );
    // The refusal released the folder: a restore could now take it.
    await expect(DurableStore.open({ dir, seed })).rejects.toThrow(/is damaged/);
  });
});
