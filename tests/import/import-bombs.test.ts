// Issue 24, finding 7: small compressed files that expand past every bound, fed to the real `npm run import`. Each is
// refused with one line naming the file and the limit, exit 1, nothing written; the heap is capped at 256 MiB, so an
// unbounded reader would abort (as 2 MB of whitespace did at 6.42 GB) instead of answering that line.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlArtist } from '../../src/import/musicbrainz/crawl.ts';
import { INPUT_LIMITS } from '../../src/input-limits.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const EXPORT = fileURLToPath(new URL('../../src/cli/export.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'liner-import-bombs-'));

/** A .gz of `head`, then `fill` repeated to `bytes` in all, then `tail`: made as a stream, never whole in memory. */
async function gzipOf(file: string, head: string, fill: string, bytes: number, tail = ''): Promise<string> {
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)));
  async function* parts() {
    yield Buffer.from(head);
    for (let written = 0; written < bytes; written += block.length) yield block;
    yield Buffer.from(tail);
  }
  await pipeline(parts(), createGzip(), createWriteStream(file));
  return file;
}

/** The CLI on `args`, with a fresh DATA_DIR and --out; answers its output and whether anything was written. */
function importRefused(args: string[], env: Record<string, string> = {}, command = IMPORT) {
  const dataDir = mkdtempSync(join(work, 'data-'));
  const out = join(work, `out-${readdirSync(work).length}.json`);
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', command, ...args, '--out', out], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { run, wrote: existsSync(out) || readdirSync(dataDir).length > 0 };
}

function expectOneLineRefusal(refusal: ReturnType<typeof importRefused>, file: string, limit: keyof typeof INPUT_LIMITS) {
  const { run, wrote } = refusal;
  expect(run.signal, run.stderr).toBeNull();
  expect(run.status, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toContain(`${file}: `);
  expect(lines[0]).toContain(`INPUT_LIMITS.${limit}`);
  expect(wrote).toBe(false);
}

describe('import bombs (issue 24): refused with one line, nothing written', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a MusicBrainz and a Discogs answer (.json.gz) of whitespace past the answer limit', async () => {
    for (const from of ['musicbrainz', 'discogs']) {
      const file = await gzipOf(join(work, `${from}-answer.json.gz`), '', ' ', INPUT_LIMITS.answerBytes + (1 << 20));
      expectOneLineRefusal(importRefused(['--from', from, file]), file, 'answerBytes');
    }
  });

  it('a JSON Lines dataset (.ndjson.gz) of one entry repeated without end stops before the heap does', async () => {
    const entry = JSON.stringify({
      credits: { person: 'ana', work: 'song', role: 'PRODUCER', sources: [{ document: 'doc', quote: 'x'.repeat(400) }] },
    });
    const file = await gzipOf(
      join(work, 'endless.ndjson.gz'),
      `{"format":"liner-dataset","version":1}\n`,
      `${entry}\n`,
      1024 * 1024 * 1024,
    );
    const { run, wrote } = importRefused([file]);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file}:\\d+: over \\d+ MB of entries read, a quarter of this process's \\d+ MB heap`));
    expect(wrote).toBe(false);
  });

  it('a Discogs releases dump of one release holding <track/> without end', async () => {
    const file = await gzipOf(
      join(work, 'discogs_20260101_releases.xml.gz'),
      '<releases><release id="1"><title>Bomb</title><tracklist>',
      '<track/>',
      8 * INPUT_LIMITS.xmlRecordElements,
      '</tracklist></release></releases>',
    );
    expectOneLineRefusal(importRefused(['--from', 'discogs', file]), file, 'xmlRecordElements');
  });

  it('a Discogs record whose text never ends, and whitespace between records without end', async () => {
    const dir = join(work, 'text');
    mkdirSync(dir);
    const long = await gzipOf(
      join(dir, 'discogs_20260101_artists.xml.gz'),
      '<artists><artist><id>1</id><name>',
      'x',
      INPUT_LIMITS.xmlRecordChars + (1 << 20),
      '</name></artist></artists>',
    );
    expectOneLineRefusal(importRefused(['--from', 'discogs', long]), long, 'xmlRecordChars');
    const between = await gzipOf(
      join(dir, 'discogs_20260101_labels.xml.gz'),
      '<labels><label><id>1</id><name>Svek</name></label>',
      ' ',
      INPUT_LIMITS.xmlRecordChars + (1 << 20),
      '</labels>',
    );
    const refusal = importRefused(['--from', 'discogs', between]);
    expectOneLineRefusal(refusal, between, 'xmlRecordChars');
    expect(refusal.run.stderr).toContain('without a record');
  });

  it('a Discogs record nested deeper than the limit', async () => {
    const depth = INPUT_LIMITS.xmlRecordDepth + 1;
    const file = await gzipOf(
      join(work, 'discogs_20260101_masters.xml.gz'),
      `<masters><master id="1">${'<x>'.repeat(depth)}`,
      ' ',
      1,
      `${'</x>'.repeat(depth)}</master></masters>`,
    );
    expectOneLineRefusal(importRefused(['--from', 'discogs', file]), file, 'xmlRecordDepth');
  });

  it('a MusicBrainz dump line (.jsonl.gz) with no newline, past the line limit', async () => {
    const file = await gzipOf(join(work, 'artist.jsonl.gz'), '{"id":', ' ', INPUT_LIMITS.dumpLineBytes + (1 << 20));
    const refusal = importRefused(['--from', 'musicbrainz', file]);
    expectOneLineRefusal(refusal, file, 'dumpLineBytes');
    expect(refusal.run.stderr).toContain(`${file}: line 1: `);
  });

  // V8 makes no string past about 512 MiB: a dataset file larger was read whole and ended in "Invalid string length".
  // The file is sparse: it takes no space, and the reader refuses it by its size without reading a byte.
  it('a dataset file past the dataset limit, for npm run import and as the SEED_DATASET of npm run export', () => {
    const file = join(work, 'huge-dataset.json');
    writeFileSync(file, '');
    truncateSync(file, INPUT_LIMITS.datasetBytes + 1);
    const refusal = importRefused([file]);
    expectOneLineRefusal(refusal, file, 'datasetBytes');
    expect(refusal.run.stderr).toContain(`${INPUT_LIMITS.datasetBytes + 1} bytes`);
    const exported = importRefused(['--projection', 'collaboration', '--format', 'json'], { SEED_DATASET: file }, EXPORT);
    expectOneLineRefusal(exported, file, 'datasetBytes');
  });

  it("a cached MusicBrainz answer past the answer limit, in the crawler's cache", async () => {
    const cacheDir = join(work, 'mb-cache');
    const mbid = 'f6596571-9ce2-4d79-8e92-fa8cfc181b91';
    const server = createServer((request, response) => {
      const found = request.url?.startsWith(`/ws/2/artist/${mbid}`);
      response.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
      response.end(found ? JSON.stringify({ id: mbid, name: 'Mary Hopkin', 'sort-name': 'Hopkin, Mary' }) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ws/2`;
    const crawl = await crawlArtist(mbid, { depth: 0, cacheDir, contact: 'tests@example.org', baseUrl, minIntervalMs: 0 });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // The answer, swapped in the cache for one past the limit: the next crawl reads it and asks nothing.
    const [cached] = crawl.files as [string];
    truncateSync(cached, INPUT_LIMITS.answerBytes + 1);
    const args = ['--from', 'musicbrainz', '--artist', mbid, '--cache', cacheDir, '--contact', 'tests@example.org'];
    const { run, wrote } = importRefused(args, { MUSICBRAINZ_URL: baseUrl });
    expect(run.status, run.stderr).toBe(1);
    // The crawler's progress line names the cached answer; the refusal is the one line after it.
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toEqual([`artist ${mbid}: ${cached}`, expect.stringContaining(`${cached}: `)]);
    expect(lines[1]).toContain('INPUT_LIMITS.answerBytes');
    expect(wrote).toBe(false);
  });
});
