// Issue 25, finding 3: every command that reads a dataset file reads its JSON Lines form too, as the same dataset:
// `SEED_DATASET=x.ndjson npm start` serves it, and `npm run neo4j:import -- x.ndjson --files-only` writes the same CSV.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/dataset/validate.ts';
import { writeDatasetFile } from '../../src/ingest/write-dataset.ts';
import { SEED_FILE } from '../helpers.ts';
import { startServer } from '../server-process.ts';

const BULK = fileURLToPath(new URL('../../src/cli/bulk-import.ts', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

/** The seed written as JSON Lines into a folder of its own, beside a copy of its documents. */
async function seedAsLines(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'liner-lines-cli-'));
  await cp(join(DATA, 'sources'), join(dir, 'sources'), { recursive: true });
  const file = join(dir, 'seed.ndjson');
  await writeDatasetFile(file, await readDatasetFile(SEED_FILE));
  return file;
}

describe('a JSON Lines dataset through the commands that read datasets', () => {
  it('is served by npm start as SEED_DATASET', async () => {
    const file = await seedAsLines();
    const server = startServer({ SEED_DATASET: file });
    try {
      const base = await server.ready();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ person(slug: "thom-russo") { name } work(slug: "dangerous") { title } }' }),
      });
      expect(await response.json()).toEqual({ data: { person: { name: 'Thom Russo' }, work: { title: 'Dangerous' } } });
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('gives npm run neo4j:import the same CSV as the JSON form (files only: no Neo4j needed)', async () => {
    const file = await seedAsLines();
    const csvOf = (dataset: string) => {
      const dir = join(file, '..', `csv-${dataset.endsWith('.ndjson') ? 'lines' : 'json'}`);
      const run = spawnSync(process.execPath, [BULK, dataset, '--csv', dir, '--files-only'], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: 'off' },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return new Map(
        readdirSync(dir)
          .filter((name) => name.endsWith('.csv'))
          .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
      );
    };
    const fromLines = csvOf(file);
    expect(fromLines.size).toBeGreaterThan(5);
    expect(fromLines).toEqual(csvOf(SEED_FILE));
  });
});
