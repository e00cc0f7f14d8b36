// Moving from the embedded store to Neo4j (npm run db:to-neo4j): what the embedded database held, Neo4j then holds.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { allRows, seed } from '../helpers.ts';
import { connection, describeNeo4j, neo4jStore, resetNeo4j } from './neo4j-env.ts';

const DB_CLI = fileURLToPath(new URL('../../src/cli/db.ts', import.meta.url));

describeNeo4j('npm run db:to-neo4j', () => {
  let neo4j: Neo4jStore;
  beforeAll(async () => {
    neo4j = neo4jStore();
    await resetNeo4j();
  });
  afterAll(async () => {
    await resetNeo4j();
    await neo4j.close();
  });

  it('loads the embedded database, written facts and their sources included, into Neo4j as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-to-neo4j-'));
    const { store } = await DurableStore.open({ dir, seed });
    const source = { document: 'thom-russo-article', citations: ['2'], quote: 'Engineered by Ada' };
    await store.write({
      nodes: [{ label: 'Person', slug: 'ada', set: { name: 'Ada', isGroup: false, aliases: [], searchText: 'ada' }, source }],
      rels: [
        {
          type: 'CREDITED',
          fromLabel: 'Person',
          from: 'ada',
          toLabel: 'Work',
          to: 'bobby',
          key: 'ENGINEER',
          set: { role: 'ENGINEER' },
          source,
        },
      ],
    });
    const held = await allRows(store);
    await store.close();

    const { uri, password } = connection();
    const child = spawn(process.execPath, [DB_CLI, 'to-neo4j'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, NEO4J_URI: uri, NEO4J_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    const [code] = await once(child, 'exit');
    expect(code, out).toBe(0);
    expect(out).toMatch(new RegExp(`loaded ${held.nodes.length} nodes, ${held.rels.length} relationships`));
    expect(await allRows(neo4j)).toEqual(held);
    const [credits] = await neo4j.creditsOfPeople(['ada'], {}, { offset: 0, limit: 10 });
    expect(credits?.items.map((c) => [c.work.slug, c.role, c.sources])).toEqual([['bobby', 'ENGINEER', [source]]]);
  }, 120_000);
});
