// The crawler against a local server replaying real MusicBrainz answers: spacing, User-Agent, retry on 503, cache.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/dataset/validate.ts';
import { convertFiles } from '../../src/import/musicbrainz/convert-files.ts';
import { crawlArtist } from '../../src/import/musicbrainz/crawl.ts';
import { INPUT_LIMITS } from '../../src/input-limits.ts';

const MARY = 'f6596571-9ce2-4d79-8e92-fa8cfc181b91';
const RECORDED = fileURLToPath(new URL('../fixtures/musicbrainz/artist-f6596571-artist-rels.json', import.meta.url));

describe('MusicBrainz crawler', () => {
  const seen: { url: string; agent: string | undefined }[] = [];
  let answered503 = false;
  let base = '';
  const server = createServer(async (request: IncomingMessage, response) => {
    seen.push({ url: request.url ?? '', agent: request.headers['user-agent'] });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === `/ws/2/artist/${MARY}`) {
      // The first answer is MusicBrainz's "slow down", once, to prove the retry.
      if (!answered503) {
        answered503 = true;
        response.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'application/json' });
        response.end('{"error":"Your requests are exceeding the allowable rate limit."}');
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(await readFile(RECORDED));
      return;
    }
    // Nothing else was recorded: answered as MusicBrainz answers an unknown entity.
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"error":"Not Found"}');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ws/2`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks at most once a second with its User-Agent, retries a 503, caches every answer, and imports them', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'liner-mb-cache-'));
    const options = { depth: 1, cacheDir, contact: 'liner-tests@example.org', baseUrl: base };
    const first = await crawlArtist(MARY, options);
    // Mary Hopkin (a 503, then the answer), her release groups (not recorded: 404), and the four artists her
    // relations name (404 each): 7 requests.
    expect(first.requests).toBe(7);
    expect(seen).toHaveLength(7);
    expect(seen[0]?.url).toBe(`/ws/2/artist/${MARY}?inc=artist-rels+url-rels&fmt=json`);
    expect(seen[1]?.url).toBe(seen[0]?.url);
    expect(seen[2]?.url).toBe(`/ws/2/release-group?artist=${MARY}&inc=artist-credits&limit=100&offset=0&fmt=json`);
    expect(new Set(seen.map((s) => s.agent))).toEqual(new Set(['Liner/0.1.0 ( liner-tests@example.org )']));
    const gaps = first.requestStarts.slice(1).map((t, i) => t - (first.requestStarts[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    expect(first.notFound).toHaveLength(5);

    const second = await crawlArtist(MARY, options);
    expect(second.requests).toBe(0);
    expect(seen).toHaveLength(7);
    expect(second.files).toEqual(first.files);

    const conversion = await convertFiles(second.files);
    const dataset = validateDataset(conversion.dataset);
    expect(dataset.people.map((p) => p.name).sort()).toEqual([
      'Jessica Lee Morgan',
      'Mary Hopkin',
      'Morgan Visconti',
      'Sundance',
      'Tony Visconti',
    ]);
  });

  it('refuses to crawl without a contact for the User-Agent', async () => {
    await expect(crawlArtist(MARY, { depth: 0, cacheDir: tmpdir(), contact: undefined, baseUrl: base })).rejects.toThrow(
      /MusicBrainz asks every client for a contact/,
    );
  });
});

// Issue 24: an answer was read whole, whatever its size, then cached; now it stops at the answer limit, uncached.
describe('MusicBrainz crawler, an answer past the answer limit', () => {
  it('is refused naming the limit, and nothing is cached', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const block = Buffer.alloc(1 << 20, ' ');
      for (let sent = 0; sent <= INPUT_LIMITS.answerBytes; sent += block.length) response.write(block);
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ws/2`;
      const cacheDir = await mkdtemp(join(tmpdir(), 'liner-mb-cache-'));
      const crawl = crawlArtist(MARY, { depth: 0, cacheDir, contact: 'liner-tests@example.org', baseUrl, minIntervalMs: 0 });
      await expect(crawl).rejects.toThrow(/\(answer\): larger than an answer may be, .*INPUT_LIMITS\.answerBytes/);
      expect(await readdir(cacheDir)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
