// The bulk first load of JSON Lines datasets through `npm run neo4j:import` itself, on a real Neo4j of its own (as
// bulk-import.test.ts): streamed line by line, the result must be the graph an online load of the same datasets read
// whole makes; a repeated identifier or credit is imported once with the count check exact; a bad line is named and
// nothing is imported.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryLine } from '../../src/dataset/dataset-lines.ts';
import type { Dataset } from '../../src/dataset/format.ts';
import { readDatasetFile, validateDataset } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { NodeRow, Props, RelRow } from '../../src/graph/rows.ts';
import { convertFiles } from '../../src/import/musicbrainz/convert-files.ts';
import { localHome } from '../../src/ingest/bulk/bulk-load.ts';
import { ingestRows } from '../../src/ingest/pipeline.ts';
import { withSeedDocuments, writeLines } from '../bulk-csv.ts';
import { MUSICBRAINZ_OPERATIONS, musicbrainzRows } from '../contract/musicbrainz.ts';
import { QUESTION_OPERATIONS } from '../contract/questions.ts';
import { allRows, graphqlClient, SEED_FILE, seed } from '../helpers.ts';
import { connection, describeNeo4j, withTestDriver } from './neo4j-env.ts';

const PORT = Number(process.env.NEO4J_BULK_PORT ?? 7698);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run neo4j:import -- …args` into the instance on PORT; its exit status and output. */
function neo4jImport(...args: string[]) {
  const run = spawnSync(process.execPath, ['src/cli/bulk-import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_BOLT_PORT: String(PORT), NEO4J_PASSWORD: connection().password },
    timeout: 300_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** neo4j-admin cannot write `[]` or `[""]` (csv-parts.ts): a bulk import leaves those properties out. */
function withoutUnwritableLists<T extends { props: Props }>(row: T): T {
  const props = Object.fromEntries(
    Object.entries(row.props).filter(([, v]) => !(Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === '')))),
  );
  return { ...row, props };
}
const nodeKey = (n: NodeRow) => `${n.label}|${n.slug}`;
const relKey = (r: RelRow) => `${r.type}|${r.fromLabel}|${r.from}|${r.toLabel}|${r.to}|${r.key}`;
const sorted = <T extends { props: Props }>(rows: T[], key: (row: T) => string) =>
  rows.map(withoutUnwritableLists).sort((a, b) => key(a).localeCompare(key(b)));

describeNeo4j('bulk first load of JSON Lines, streamed', () => {
  let dir: string;
  let seedFile: string;
  let seedDataset: Dataset;
  let imported: ReturnType<typeof neo4jImport>;
  let bulk: Neo4jStore;
  const memory = new MemoryStore();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'liner-bulk-stream-'));
    seedDataset = await readDatasetFile(SEED_FILE);
    seedFile = await withSeedDocuments(await writeLines(join(dir, 'seed.ndjson'), seedDataset));
    const musicbrainz = await convertFiles([fileURLToPath(new URL('../fixtures/musicbrainz/', import.meta.url))]);
    const mbFile = await writeLines(join(dir, 'musicbrainz.ndjson.gz'), validateDataset(musicbrainz.dataset));
    // The same two datasets read whole and loaded online: what the streamed import must equal.
    const [seedRows, mbRows] = [await seed(), await musicbrainzRows()];
    await ingestRows(memory, { nodes: [...seedRows.nodes, ...mbRows.nodes], rels: [...seedRows.rels, ...mbRows.rels] });
    imported = neo4jImport(seedFile, mbFile, '--csv', join(dir, 'csv'));
    bulk = new Neo4jStore({ ...connection(), uri: `bolt://127.0.0.1:${PORT}` });
  }, 600_000);

  afterAll(async () => {
    await bulk?.close();
    spawnSync('bash', ['tools/neo4j-local/stop.sh'], { cwd: ROOT, env: { ...process.env, NEO4J_BOLT_PORT: String(PORT) } });
    await rm(localHome(PORT), { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('imports through npm run neo4j:import, its count check passing', () => {
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('seed.ndjson read and written as CSV');
    expect(imported.stdout).toContain('IMPORT DONE');
  });

  it('holds exactly the nodes and relationships an online load of the datasets read whole holds', async () => {
    const fromBulk = await allRows(bulk);
    const fromMemory = await allRows(memory);
    expect(fromBulk.nodes.length).toBeGreaterThan(500);
    expect(sorted(fromBulk.nodes, nodeKey)).toEqual(sorted(fromMemory.nodes, nodeKey));
    expect(sorted(fromBulk.rels, relKey)).toEqual(sorted(fromMemory.rels, relKey));
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

  it('names the file and line of a bad entry and imports nothing: Neo4j keeps serving what it held', async () => {
    const before = await bulk.counts();
    const file = await withSeedDocuments(
      await writeLines(join(dir, 'bad', 'bad.ndjson'), seedDataset, [
        entryLine('works', { slug: 'no-title', kind: 'SONG', sources: seedDataset.works[0]?.sources }),
      ]),
    );
    const csvDir = join(dir, 'bad', 'csv');
    const run = neo4jImport(file, '--csv', csvDir);
    expect(run.status).toBe(1);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').length;
    expect(run.stderr).toContain(`${file}:${lines}: works[${seedDataset.works.length}].title`);
    expect(run.stdout).not.toContain('Stopping Neo4j');
    expect((await readdir(csvDir)).filter((f) => f.endsWith('.csv') || f === 'counts.json')).toEqual([]);
    expect(await bulk.counts()).toEqual(before);
  }, 300_000);

  it('imports an identifier two people share, and a credit given twice, once each: the count check exact', async () => {
    const id = { scheme: 'WIKIDATA' as const, value: 'Q2718281' };
    const people = seedDataset.people.map((p, i) => (i < 2 ? { ...p, identifiers: [id] } : p));
    const credit = seedDataset.credits[0] as Dataset['credits'][number];
    const file = await withSeedDocuments(
      await writeLines(join(dir, 'repeats', 'repeats.ndjson'), { ...seedDataset, people }, [
        entryLine('credits', { ...credit, detail: 'stated again' }),
      ]),
    );
    const run = neo4jImport(file, '--csv', join(dir, 'repeats', 'csv'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // A store of its own: Neo4j was restarted under the one the other tests share.
    const again = new Neo4jStore({ ...connection(), uri: `bolt://127.0.0.1:${PORT}` });
    const counts = await again.counts().finally(() => again.close());
    expect(counts.nodes.Identifier).toBe(1);
    expect(counts.relationships.IDENTIFIES).toBe(2);
    expect(counts.relationships.CREDITED).toBe(seedDataset.credits.length);
    await withTestDriver(async (driver) => {
      const session = driver.session({ database: connection().database });
      try {
        const result = await session.run(
          'MATCH (:Person {slug: $person})-[c:CREDITED {key: $role}]->(:Work {slug: $work}) RETURN c.detail AS detail',
          { person: credit.person, work: credit.work, role: credit.role },
        );
        expect(result.records.map((r) => r.get('detail'))).toEqual(['stated again']);
      } finally {
        await session.close();
      }
    }, `bolt://127.0.0.1:${PORT}`);
  }, 300_000);
});
