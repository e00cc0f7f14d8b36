// `npm run neo4j:import -- --from discogs|musicbrainz`: a dump converted straight into neo4j-admin CSV, with no
// dataset file between, writes the very CSV that converting to JSON Lines and importing that file writes (issue #25).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDiscogsDump } from '../../bench/dataset/discogs-dump.ts';
import { writeMusicBrainzDump } from '../../bench/dataset/musicbrainz-dump.ts';
import { mountTmpfs, tmpfsAvailable } from '../tmpfs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/discogs/', import.meta.url));
const MB_FIXTURES = fileURLToPath(new URL('../fixtures/musicbrainz/', import.meta.url));

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, script), ...args], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: 'off' },
    encoding: 'utf8',
    timeout: 120_000,
  });

/** Every line of every CSV file in `dir`, sorted: the files may split a label into parts differently, not the rows. */
async function csvLines(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
  const lines = await Promise.all(files.map(async (f) => (await readFile(join(dir, f), 'utf8')).split('\n')));
  return lines
    .flat()
    .filter((l) => l !== '')
    .sort();
}

describe('a Discogs or MusicBrainz dump straight into neo4j-admin CSV', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'liner-discogs-csv-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the CSV and counts the JSON Lines path writes, for the fixtures and a generated dump', async () => {
    const dump = join(dir, 'discogs_20260101_releases.xml');
    await writeDiscogsDump(dump, 20_000);
    const mbDump = join(dir, 'recording');
    await writeMusicBrainzDump(mbDump, 20_000);
    for (const [name, source, inputs] of [
      ['fixtures', 'discogs', [FIXTURES]],
      ['generated', 'discogs', [dump]],
      ['mb-fixtures', 'musicbrainz', [MB_FIXTURES]],
      ['mb-generated', 'musicbrainz', [mbDump]],
    ] as const) {
      const direct = join(dir, `${name}-direct`);
      const viaLines = join(dir, `${name}-lines`);
      const dataset = join(dir, `${name}.ndjson`);
      const straight = run('src/cli/bulk-import.ts', ['--from', source, ...inputs, '--csv', direct, '--files-only']);
      expect(straight.status, straight.stderr).toBe(0);
      expect(straight.stdout).toMatch(/^(Discogs|MusicBrainz): \d+ file\(s\) converted/m);
      const converted = run('src/cli/import.ts', ['--from', source, ...inputs, '--out', dataset]);
      expect(converted.status, converted.stderr).toBe(0);
      const imported = run('src/cli/bulk-import.ts', [dataset, '--csv', viaLines, '--files-only']);
      expect(imported.status, imported.stderr).toBe(0);
      const counts = async (d: string) => JSON.parse(await readFile(join(d, 'counts.json'), 'utf8'));
      const [a, b] = [await counts(direct), await counts(viaLines)];
      expect(a.relationships).toBeGreaterThan(0);
      expect([a.nodes, a.relationships, a.labelCounts, a.typeCounts]).toEqual([
        b.nodes,
        b.relationships,
        b.labelCounts,
        b.typeCounts,
      ]);
      expect(await csvLines(direct)).toEqual(await csvLines(viaLines));
    }
  }, 120_000);

  it('stops at a bad record naming the file and line, and leaves no CSV', async () => {
    const bad = join(dir, 'bad_releases.xml');
    await writeFile(
      bad,
      '<releases>\n<release id="7"><title>Broken</title>\n<tracklist><track></tracklist>\n</release>\n</releases>\n',
    );
    const out = join(dir, 'bad-csv');
    const result = run('src/cli/bulk-import.ts', ['--from', 'discogs', bad, '--csv', out, '--files-only']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}: line 3, column`);
    const left = await readdir(out).catch(() => []);
    expect(left.filter((f) => f.endsWith('.csv') || f === 'counts.json')).toEqual([]);
  });

  // A full disk is not the dump's fault: it was reported as "not well-formed XML: ENOSPC" (CSV) and "cannot read it:
  // ENOSPC" (--out), at the line the parser had reached.
  const tmpfs = tmpfsAvailable();
  it.skipIf(tmpfs !== true)('says the disk is full in one line, and leaves no CSV and no dataset file', async () => {
    const dump = join(dir, 'discogs_20260101_releases.xml');
    await writeDiscogsDump(dump, 20_000);
    const disk = mountTmpfs('2m');
    if (typeof disk === 'string') throw new Error(disk);
    try {
      for (const [script, args] of [
        ['src/cli/bulk-import.ts', ['--from', 'discogs', dump, '--csv', join(disk.dir, 'csv'), '--files-only']],
        ['src/cli/import.ts', ['--from', 'discogs', dump, '--out', join(disk.dir, 'x.ndjson')]],
      ] as const) {
        const result = run(script, [...args]);
        expect(result.status).toBe(1);
        const errors = result.stderr.split('\n').filter((line) => line !== '' && !line.includes(' records ('));
        expect(errors).toEqual([expect.stringMatching(/^liner: the disk is full \(ENOSPC: .*\)\. Free some space/)]);
      }
      const left = await readdir(disk.dir, { recursive: true });
      expect(left.filter((f) => f.endsWith('.csv') || f.endsWith('.ndjson') || f.endsWith('.tmp'))).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});
