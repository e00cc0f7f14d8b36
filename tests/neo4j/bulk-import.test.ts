// The bulk first load on a real Neo4j: neo4j-admin imports Liner's CSV into an instance of its own (an import needs
// the database offline, so the shared test instance is left alone), and the result must be the very graph an online
// load makes: every node's and relationship's properties, the counts, and the answers to GraphQL operations.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { GraphRows, NodeRow, Props, RelRow } from '../../src/graph/rows.ts';
import {
  type BulkReport,
  bulkLoadLocal,
  countDifferences,
  importLocal,
  localHome,
  readBulkFiles,
} from '../../src/ingest/bulk/bulk-load.ts';
import { ingestRows } from '../../src/ingest/pipeline.ts';
import { MUSICBRAINZ_OPERATIONS, musicbrainzRows } from '../contract/musicbrainz.ts';
import { QUESTION_OPERATIONS } from '../contract/questions.ts';
import { allRows, graphqlClient, seed } from '../helpers.ts';
import { connection, describeNeo4j, withTestDriver } from './neo4j-env.ts';

const PORT = Number(process.env.NEO4J_BULK_PORT ?? 7698);

/**
 * neo4j-admin cannot write `[]` or `[""]` (store-csv.ts): an online load holds them, a bulk import leaves the property
 * out. Everything else must be identical.
 */
function withoutUnwritableLists<T extends { props: Props }>(row: T): T {
  const props = Object.fromEntries(
    Object.entries(row.props).filter(([, v]) => !(Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === '')))),
  );
  return { ...row, props };
}

const byNode = (a: NodeRow, b: NodeRow) => `${a.label}|${a.slug}`.localeCompare(`${b.label}|${b.slug}`);
const relKey = (r: RelRow) => `${r.type}|${r.fromLabel}|${r.from}|${r.toLabel}|${r.to}|${r.key}`;

describeNeo4j('bulk first load with neo4j-admin', () => {
  let rows: GraphRows;
  let csvDir: string;
  let report: BulkReport;
  let bulk: Neo4jStore;
  const memory = new MemoryStore();
  const log: string[] = [];

  beforeAll(async () => {
    const [seedRows, mbRows] = [await seed(), await musicbrainzRows()];
    // Both datasets together: the article (multi-line document text, quotes with commas and double quotes) and the
    // MusicBrainz import (identifiers, partial dates, numbers, lists).
    rows = { nodes: [...seedRows.nodes, ...mbRows.nodes], rels: [...seedRows.rels, ...mbRows.rels] };
    await ingestRows(memory, rows);
    csvDir = await mkdtemp(join(tmpdir(), 'liner-bulk-csv-'));
    const store = () => new Neo4jStore({ ...connection(), uri: `bolt://127.0.0.1:${PORT}` });
    report = await bulkLoadLocal({
      rows,
      csvDir,
      port: PORT,
      connect: async () => store(),
      log: (line) => log.push(line),
    });
    bulk = store();
  }, 600_000);

  afterAll(async () => {
    await bulk?.close();
    await rm(csvDir, { recursive: true, force: true });
    const { spawnSync } = await import('node:child_process');
    spawnSync('bash', ['tools/neo4j-local/stop.sh'], { env: { ...process.env, NEO4J_BOLT_PORT: String(PORT) } });
    await rm(localHome(PORT), { recursive: true, force: true });
  }, 120_000);

  it('imports every row and says so: counts per label and type equal the rows written', async () => {
    expect(report.csv.nodes).toBeGreaterThan(500);
    expect(report.csv.relationships).toBeGreaterThan(500);
    expect(countDifferences(report.csv, await bulk.counts())).toEqual([]);
    expect(log.some((line) => line.includes('IMPORT DONE'))).toBe(true);
  });

  it("checks with the count store's totals, which equal the counts read by scanning", async () => {
    expect(await bulk.storedCounts()).toEqual(await bulk.counts());
  });

  it('parses multi-line fields only in the files that have them (the article text), and says so', () => {
    const multiline = report.csv.files.filter((f) => f.multiline).map((f) => f.path.split('/').at(-1));
    expect(multiline).toContain('nodes-Document.csv');
    expect(report.csv.files.find((f) => f.path.endsWith('relationships-CREDITED-Person-Work.csv'))?.multiline).toBe(false);
  });

  it('holds exactly the nodes and relationships an online load holds, properties included', async () => {
    const { nodes: bulkNodes, rels: bulkRels } = await allRows(bulk);
    const { nodes: memoryNodes, rels: memoryRels } = await allRows(memory);
    expect(bulkNodes.length).toBe(memoryNodes.length);
    // The seed and the MusicBrainz import both have facts without citation markers, and people without aliases.
    expect(memoryNodes.filter((n) => (n.props.sourceCitations as string[])?.[0] === '').length).toBeGreaterThan(100);
    const nodes = (list: NodeRow[]) => list.map(withoutUnwritableLists).sort(byNode);
    expect(nodes(bulkNodes)).toEqual(nodes(memoryNodes));
    const sortRels = (list: RelRow[]) => list.map(withoutUnwritableLists).sort((a, b) => relKey(a).localeCompare(relKey(b)));
    expect(sortRels(bulkRels)).toEqual(sortRels(memoryRels));
  });

  it('takes writes as an online load does: a second source on a fact written without citation markers', async () => {
    const person = rows.nodes.find(
      (n) =>
        n.label === 'Person' &&
        (n.props.sourceCitations as string[]).length === 1 &&
        (n.props.sourceCitations as string[])[0] === '',
    ) as NodeRow;
    const source = { document: 'thom-russo-article', citations: ['7'], quote: 'A second source, with a marker' };
    const batch = { nodes: [{ label: 'Person' as const, slug: person.slug, set: {}, source }] };
    expect(await bulk.write(batch)).toMatchObject({ updated: 1 });
    await memory.write(batch);
    const sources = async (store: Neo4jStore | MemoryStore) =>
      (await graphqlClient(store)(`{ person(slug: "${person.slug}") { sources { documentSlug citations quote } } }`)).data;
    const fromBulk = await sources(bulk);
    expect(fromBulk).toEqual(await sources(memory));
    expect(JSON.stringify(fromBulk)).toContain('"citations":[]');
    expect(JSON.stringify(fromBulk)).toContain('"citations":["7"]');
  });

  it('has the slug constraints and the full-text index, online', async () => {
    await withTestDriver(async (driver) => {
      const session = driver.session({ database: connection().database });
      try {
        const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
        expect(constraints.records[0]?.get('names')).toEqual(expect.arrayContaining(['person_slug', 'work_slug']));
        const index = await session.run("SHOW INDEXES YIELD name, state WHERE name = 'liner_search' RETURN state");
        expect(index.records[0]?.get('state')).toBe('ONLINE');
      } finally {
        await session.close();
      }
    }, `bolt://127.0.0.1:${PORT}`);
  });

  describe('answers as the embedded store does', () => {
    const operations = { ...QUESTION_OPERATIONS, ...MUSICBRAINZ_OPERATIONS } as Record<string, string>;
    it.each(Object.keys(operations))('%s', async (name) => {
      const operation = operations[name] as string;
      const fromBulk = await graphqlClient(bulk)(operation);
      expect(fromBulk.errors).toBeUndefined();
      expect(fromBulk).toEqual(await graphqlClient(memory)(operation));
    });
  });

  it('imports the written folder again without the rows (readBulkFiles, importLocal): the same graph', async () => {
    const again = await importLocal({
      csv: await readBulkFiles(csvDir),
      port: PORT,
      connect: async () => new Neo4jStore({ ...connection(), uri: `bolt://127.0.0.1:${PORT}` }),
      log: () => {},
    });
    expect(again.seconds.csv).toBe(0);
    expect(again.csv.relationships).toBe(report.csv.relationships);
    expect(countDifferences(report.csv, await bulk.counts())).toEqual([]);
  }, 300_000);

  it('refuses rows whose relationship names a missing node, before stopping Neo4j', async () => {
    const broken: GraphRows = {
      nodes: rows.nodes.slice(0, 10),
      rels: [
        { type: 'CREDITED', fromLabel: 'Person', from: 'nobody', toLabel: 'Work', to: 'nothing', key: 'PRODUCER', props: {} },
      ],
    };
    const dir = await mkdtemp(join(tmpdir(), 'liner-bulk-broken-'));
    const lines: string[] = [];
    try {
      await expect(
        bulkLoadLocal({
          rows: broken,
          csvDir: dir,
          port: PORT,
          connect: async () => new Neo4jStore({ ...connection(), uri: `bolt://127.0.0.1:${PORT}` }),
          log: (line) => lines.push(line),
        }),
      ).rejects.toThrow('no Person with slug "nobody"');
      // Refused before anything was touched: the instance still serves the earlier import.
      expect(countDifferences(report.csv, await bulk.counts())).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
