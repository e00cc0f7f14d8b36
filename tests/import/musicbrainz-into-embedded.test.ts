// `npm run import -- --from musicbrainz` with no NEO4J_URI writes into the embedded store's database in DATA_DIR,
// which `npm start` then serves beside the seed; while a server owns DATA_DIR the import refuses, naming it. With
// `--out x.ndjson` it streams into that file and writes nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/dataset/validate.ts';
import { startServer } from '../server-process.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/musicbrainz/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'liner-mb-import-'));

const runImport = (args: string[] = [FIXTURES], env: Record<string, string> = { DATA_DIR: dataDir }) =>
  spawnSync(process.execPath, [IMPORT, '--from', 'musicbrainz', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });

describe('importing MusicBrainz into the embedded store', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the database with the seed, adds the import, and changes nothing the second time', () => {
    const first = runImport();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/the seed loaded into it/);
    expect(first.stdout).toMatch(/created 687 nodes and 437 relationships/);
    const second = runImport();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/created 0 nodes and 0 relationships, updated 0, left 1124 unchanged/);
  });

  it('is served by npm start beside the seed, and refused while the server owns DATA_DIR', async () => {
    const server = startServer({ DATA_DIR: dataDir });
    try {
      const base = await server.ready();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ byIdentifier(scheme: MUSICBRAINZ, value: "f6596571-9ce2-4d79-8e92-fa8cfc181b91") { ... on Person { name } }
                    person(slug: "thom-russo") { name } }`,
        }),
      });
      expect(await response.json()).toEqual({ data: { byIdentifier: { name: 'Mary Hopkin' }, person: { name: 'Thom Russo' } } });
      const refused = runImport();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(dataDir);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('importing MusicBrainz into a JSON Lines file (issue 25)', () => {
  const work = mkdtempSync(join(tmpdir(), 'liner-mb-out-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const sorted = (dataset: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(dataset).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.map((e) => JSON.stringify(e)).sort() : value,
      ]),
    );

  it('streams the dataset --out x.json writes, and writes nothing else', async () => {
    const asJson = join(work, 'mb.json');
    const asLines = join(work, 'mb.ndjson');
    const untouched = join(work, 'data');
    for (const out of [asJson, asLines]) {
      const run = runImport([FIXTURES, '--out', out], { DATA_DIR: untouched });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^MusicBrainz: 9 file\(s\) converted/m);
      expect(run.stdout).toContain(`Wrote ${out}. Nothing else was written`);
    }
    // The whole converter's dataset, in the order entries went out: a place as the record that made it closed, before
    // later records' documents (x.json is written section by section).
    expect(sorted(await readDatasetFile(asLines))).toEqual(sorted(await readDatasetFile(asJson)));
    const sections = (await readFile(asLines, 'utf8'))
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => Object.keys(JSON.parse(line))[0]);
    expect(sections.indexOf('places')).toBeLessThan(sections.lastIndexOf('documents'));
    expect(existsSync(untouched)).toBe(false);
  });

  it('leaves no file when a line is bad, and names it', async () => {
    const dir = join(work, 'bad');
    const answer = JSON.parse(await readFile(join(FIXTURES, 'recording-search-burn-the-witch.json'), 'utf8'));
    const lines = (answer.recordings as unknown[]).map((r) => JSON.stringify(r));
    lines[20] = (lines[20] as string).slice(0, 100);
    await mkdir(dir);
    await writeFile(join(dir, 'recording'), `${lines.join('\n')}\n`);
    const out = join(work, 'never.ndjson');
    const run = runImport([join(dir, 'recording'), '--out', out], { DATA_DIR: 'off' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'recording')}: line 21: not valid JSON`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('never'))).toEqual([]);
  });
});
