// `npm run import -- --from discogs` end to end: --out writes a valid dataset, the embedded store in DATA_DIR takes it
// (once: a second import changes nothing) and `npm start` serves it; bad input names file and line and loads nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { loadDatasetFile } from '../../src/ingest/pipeline.ts';
import { allRows, graphqlClient } from '../helpers.ts';
import { startServer } from '../server-process.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/discogs/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'liner-discogs-import-'));
const dataDir = join(work, 'data');

const runImport = (args: string[], env: Record<string, string> = { DATA_DIR: dataDir }) =>
  spawnSync(process.execPath, [IMPORT, '--from', 'discogs', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });

describe('importing Discogs with the CLI', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes a valid dataset with --out, and says what it read and could not use', async () => {
    const out = join(work, 'discogs.json');
    const run = runImport([FIXTURES, '--out', out, '--dry-run'], { DATA_DIR: 'off' });
    expect(run.status, run.stderr).toBe(0);
    // --dry-run: validated and summarised, nothing written.
    expect(existsSync(out)).toBe(false);
    expect(run.stdout).toMatch(/^Discogs: 12 file\(s\) converted/m);
    // Releases 2 and 3, artists 1-3, label 1 and master 4242 are given twice (an answer and a dump record): the
    // first read is kept, so "Presenter" on release 3 is counted once.
    expect(run.stdout).toContain('unknown roles (not imported): Presenter 1');
    expect(run.stdout).toMatch(/records given more than once \(the first read is kept\): .*release 2/);
    const written = runImport([FIXTURES, '--out', out], { DATA_DIR: 'off' });
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toContain(`Wrote ${out}`);
    const dataset = await readDatasetFile(out);
    // Releases 2, 3, 79, masters 4242, 248927, 66526, and 4 + 14 + 4 tracks.
    expect(dataset.works).toHaveLength(28);
    expect(dataset.documents.every((d) => d.kind === 'DISCOGS' && d.licence === 'CC0 1.0')).toBe(true);
  });

  // Issue 25, finding 3: the JSON Lines form is the same dataset, written by --out and read by `npm run import`.
  it('writes the same dataset with --out x.ndjson as with --out x.json, which loads to the same answers', async () => {
    const asJson = join(work, 'same.json');
    const asLines = join(work, 'same.ndjson');
    for (const out of [asJson, asLines]) {
      const run = runImport([FIXTURES, '--out', out], { DATA_DIR: 'off' });
      expect(run.status, run.stderr).toBe(0);
    }
    const lines = (await readFile(asLines, 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(50);
    const fromLines = await readDatasetFile(asLines);
    expect(fromLines).toEqual(await readDatasetFile(asJson));
    const validated = spawnSync(process.execPath, [IMPORT, asLines], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: 'off' },
      encoding: 'utf8',
    });
    expect(validated.status, validated.stderr).toBe(0);
    expect(validated.stdout).toContain(`${asLines} is valid: `);

    const stores = [new MemoryStore(), new MemoryStore()] as const;
    await loadDatasetFile(stores[0], asLines);
    await loadDatasetFile(stores[1], asJson);
    const sorted = async (store: MemoryStore) => {
      const { nodes, rels } = await allRows(store);
      return { nodes: nodes.map((n) => JSON.stringify(n)).sort(), rels: rels.map((r) => JSON.stringify(r)).sort() };
    };
    expect(await sorted(stores[0])).toEqual(await sorted(stores[1]));
    const query = /* GraphQL */ `{ byIdentifier(scheme: DISCOGS_ARTIST, value: "1") { ... on Person { name sortName } }
      work(slug: "a-sea-apart-dgr2-a1") { title kind lengthMs } }`;
    const answer = await graphqlClient(stores[0])(query);
    expect(answer.data).toEqual({
      byIdentifier: { name: 'The Persuader', sortName: 'Persuader, The' },
      work: { title: 'A Sea Apart', kind: 'RECORDING', lengthMs: 308000 },
    });
    expect(answer).toEqual(await graphqlClient(stores[1])(query));
  });

  it('loads into the embedded store once, and npm start serves it', async () => {
    const first = runImport([FIXTURES]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Imported into the embedded store .* created \d+ nodes/);
    const second = runImport([FIXTURES]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/created 0 nodes and 0 relationships, updated 0/);
    const server = startServer({ DATA_DIR: dataDir });
    try {
      const base = await server.ready();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ byIdentifier(scheme: DISCOGS_ARTIST, value: "1") { ... on Person { name sortName } }
                    work(slug: "a-sea-apart-dgr2-a1") { title kind lengthMs } }`,
        }),
      });
      expect(await response.json()).toEqual({
        data: {
          byIdentifier: { name: 'The Persuader', sortName: 'Persuader, The' },
          work: { title: 'A Sea Apart', kind: 'RECORDING', lengthMs: 308000 },
        },
      });
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses bad input naming the file and line, writing and loading nothing', async () => {
    const inputs = join(work, 'bad');
    await mkdir(inputs, { recursive: true });
    await copyFile(join(FIXTURES, 'release-2.json'), join(inputs, 'a-release-2.json'));
    const bad = join(inputs, 'discogs_20260101_releases.xml');
    writeFileSync(
      bad,
      '<releases>\n<release id="7"><title>Broken</title>\n<tracklist><track></tracklist>\n</release>\n</releases>\n',
    );
    const freshData = join(work, 'untouched');
    const out = join(work, 'never.json');
    const run = runImport([inputs, '--out', out], { DATA_DIR: freshData });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${bad.replaceAll('.', '\\.')}: line 3, column \\d+: not well-formed XML`));
    expect(existsSync(out)).toBe(false);
    expect(existsSync(freshData) ? readdirSync(freshData) : []).toEqual([]);
  });
});
