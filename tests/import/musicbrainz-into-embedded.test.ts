// `npm run import -- --from musicbrainz` with no NEO4J_URI writes into the embedded store's database in DATA_DIR,
// which `npm start` then serves beside the seed; while a server owns DATA_DIR the import refuses, naming it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../server-process.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/musicbrainz/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'liner-mb-import-'));

const runImport = () =>
  spawnSync(process.execPath, [IMPORT, '--from', 'musicbrainz', FIXTURES], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
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
