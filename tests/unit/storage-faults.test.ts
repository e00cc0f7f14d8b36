// Issue 14: a full disk, for real (a 3 MiB tmpfs), while the server writes and when it starts: no acknowledged write
// lost, refusals that say the disk is full, nothing half-written, and writing again once space is freed.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seed } from '../helpers.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { mountTmpfs, type Tmpfs, tmpfsAvailable } from '../tmpfs.ts';

const TOKEN = 'storage-fault-token-0123456789';
const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const SOURCE = { document: 'thom-russo-article', citations: [], quote: 'Thom Russo' };
/** A write of about 50 KB: a few of them fill what the tmpfs has left. Names are capped at 1000 characters, aliases too. */
const BIG_ALIASES = Array.from({ length: 50 }, (_, i) => `${i} ${'x'.repeat(990)}`);
const available = tmpfsAvailable();
if (available !== true) console.warn(`storage-faults: skipped: ${available}`);

interface Answer {
  ok: boolean;
  code?: string | undefined;
  message?: string | undefined;
}

async function upsertPerson(base: string, slug: string, name?: string): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }',
      variables: { input: name ? { slug, name, source: SOURCE } : { slug, name: slug, aliases: BIG_ALIASES, source: SOURCE } },
    }),
  });
  const body = (await response.json()) as { data?: { upsertPerson?: { slug: string } }; errors?: Answer[] & object[] };
  const error = body.errors?.[0] as { message?: string; extensions?: { code?: string } } | undefined;
  return { ok: body.data?.upsertPerson?.slug === slug, code: error?.extensions?.code, message: error?.message };
}

async function query<T>(base: string, text: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return ((await response.json()) as { data: T }).data;
}

const personCount = async (base: string) =>
  (await query<{ people: { totalCount: number } }>(base, '{ people(first: 1) { totalCount } }')).people.totalCount;
const exists = async (base: string, slug: string) =>
  (await query<{ person: { slug: string } | null }>(base, `{ person(slug: "${slug}") { slug } }`)).person !== null;

/** Writes zeros until the file system refuses: afterwards not one more page fits. */
function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last partial chunks: the page-sized leftovers a 16 KiB write could not use.
  const small = openSync(`${file}-tail`, 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(512));
  } catch {
    // full to the last page
  } finally {
    closeSync(small);
  }
}

describe.skipIf(available !== true)('a full disk (a 3 MiB tmpfs)', () => {
  let fs: Tmpfs | undefined;
  const servers: ServerProcess[] = [];
  const start = (dir: string) => {
    const server = startServer({ DATA_DIR: dir, API_TOKENS: TOKEN });
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of servers.splice(0))
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await once(server.child, 'exit');
      }
    fs?.unmount();
    fs = undefined;
  });

  it('while writing: keeps every acknowledged write, refuses the rest as STORAGE_FULL, resumes once space is freed', async () => {
    const mounted = mountTmpfs('3m');
    if (typeof mounted === 'string') throw new Error(mounted);
    fs = mounted;
    const dir = join(fs.dir, 'data');
    // Space the operator can free later.
    writeFileSync(join(fs.dir, 'ballast'), Buffer.alloc(512 * 1024));
    const server = start(dir);
    const base = await server.ready();
    const seedPeople = await personCount(base);

    const acknowledged: string[] = [];
    const refused: string[] = [];
    let refusedInARow = 0;
    for (let i = 0; i < 400 && refusedInARow < 3; i++) {
      const slug = `filler-${i}`;
      const answer = await upsertPerson(base, slug);
      if (answer.ok) {
        acknowledged.push(slug);
        refusedInARow = 0;
        continue;
      }
      expect(answer.code).toBe('STORAGE_FULL');
      expect(answer.message).toMatch(/disk is full/);
      refused.push(slug);
      refusedInARow++;
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refusedInARow).toBe(3);
    // Nothing of a refused write is served, and nothing else changed.
    expect(await personCount(base)).toBe(seedPeople + acknowledged.length);
    for (const slug of refused) expect(await exists(base, slug)).toBe(false);

    rmSync(join(fs.dir, 'ballast'));
    const resumed = await upsertPerson(base, 'after-space-freed');
    expect(resumed).toEqual({ ok: true, code: undefined, message: undefined });

    // The hardest stop: what was acknowledged must be on disk, not in some buffer.
    server.child.kill('SIGKILL');
    await once(server.child, 'exit');
    const again = await start(dir).ready();
    const missing: string[] = [];
    for (const slug of [...acknowledged, 'after-space-freed']) if (!(await exists(again, slug))) missing.push(slug);
    expect(missing).toEqual([]);
    for (const slug of refused) expect(await exists(again, slug)).toBe(false);
    expect(await personCount(again)).toBe(seedPeople + acknowledged.length + 1);
  }, 180_000);

  it('during `npm run import`: one line naming DATA_DIR and what to do, nothing of the import kept (issue 24)', async () => {
    const mounted = mountTmpfs('3m');
    if (typeof mounted === 'string') throw new Error(mounted);
    fs = mounted;
    const dir = join(fs.dir, 'data');
    writeFileSync(join(fs.dir, 'ballast'), Buffer.alloc(512 * 1024));
    // About 6 MB of people: twice what the disk holds.
    const outside = mkdtempSync(join(tmpdir(), 'liner-full-import-'));
    const dataset = join(outside, 'big.json');
    const people = Array.from({ length: 120 }, (_, i) => ({
      slug: `bulky-${i}`,
      name: `Bulky ${i}`,
      aliases: BIG_ALIASES,
      sources: [{ document: 'doc', quote: 'q' }],
    }));
    writeFileSync(
      dataset,
      JSON.stringify({ format: 'liner-dataset', version: 1, documents: [{ slug: 'doc', title: 'Doc' }], people }),
    );
    try {
      const run = spawnSync(process.execPath, [IMPORT, dataset], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim().split('\n'), run.stderr).toEqual([
        `liner: the disk holding DATA_DIR ${dir} is full, so the import was not written (the database is as it was ` +
          'before it). Free some space there and run the import again.',
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    rmSync(join(fs.dir, 'ballast'));
    const base = await start(dir).ready();
    // The seed the import created the database with, and not one person of the import.
    expect(await exists(base, 'thom-russo')).toBe(true);
    expect(await exists(base, 'bulky-0')).toBe(false);
    expect(await personCount(base)).toBe((await seed()).nodes.filter((n) => n.label === 'Person').length);
  }, 120_000);

  it('at start: refuses with a message saying the disk is full, leaves the data as it was, starts once space is freed', async () => {
    const mounted = mountTmpfs('3m');
    if (typeof mounted === 'string') throw new Error(mounted);
    fs = mounted;
    const dir = join(fs.dir, 'data');
    const first = start(dir);
    const base = await first.ready();
    expect((await upsertPerson(base, 'written-before', 'Written Before')).ok).toBe(true);
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    const database = readFileSync(join(dir, 'liner.db'));

    fillUp(join(fs.dir, 'filler'));
    const refused = start(dir);
    const [code] = await once(refused.child, 'exit');
    expect(code).toBe(1);
    expect(refused.output()).toMatch(new RegExp(`the disk holding DATA_DIR ${dir} is full.*Nothing was changed`));
    expect(readFileSync(join(dir, 'liner.db')).equals(database)).toBe(true);

    rmSync(join(fs.dir, 'filler'));
    rmSync(join(fs.dir, 'filler-tail'));
    const again = await start(dir).ready();
    expect(await exists(again, 'written-before')).toBe(true);
  }, 120_000);
});
