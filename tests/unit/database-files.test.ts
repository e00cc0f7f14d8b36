// Issue 14: the database file beside a running server (a second server refused; export, backup and check read it
// safely), and damaged (bytes overwritten mid-file, truncated): no start on wrong data, recovery from the backup.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';

const TOKEN = 'database-files-token-0123456789';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs one of the command-line tools the way `npm run` does, with this DATA_DIR. */
async function tool(script: string, args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out };
}

async function upsertPerson(base: string, slug: string): Promise<void> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }',
      variables: { input: { slug, name: slug, source: { document: 'thom-russo-article', quote: 'Thom Russo' } } },
    }),
  });
  expect(await response.json()).toEqual({ data: { upsertPerson: { slug } } });
}

async function exists(base: string, slug: string): Promise<boolean> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ person(slug: "${slug}") { slug } }` }),
  });
  return ((await response.json()) as { data: { person: unknown } }).data.person !== null;
}

describe('the database file', () => {
  const servers: ServerProcess[] = [];
  const start = (dir: string) => {
    const server = startServer({ DATA_DIR: dir, API_TOKENS: TOKEN });
    servers.push(server);
    return server;
  };
  const stop = async (server: ServerProcess) => {
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
  };
  afterEach(async () => {
    for (const server of servers.splice(0))
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await once(server.child, 'exit');
      }
  });

  /** A server's folder holding one written person, and a backup taken while the server ran. */
  async function folderWithBackup(): Promise<{ dir: string; backup: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'liner-files-'));
    const backup = join(mkdtempSync(join(tmpdir(), 'liner-backup-')), 'liner-backup.db');
    const server = start(dir);
    const base = await server.ready();
    await upsertPerson(base, 'in-the-backup');
    const made = await tool('src/cli/db.ts', ['backup', backup], dir);
    expect(made).toEqual({
      code: 0,
      out: expect.stringMatching(/backed up \d+ nodes, \d+ relationships into .*liner-backup\.db/),
    });
    await upsertPerson(base, 'after-the-backup');
    await stop(server);
    return { dir, backup };
  }

  it('belongs to one server; export, backup and check read it beside that server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-files-'));
    const server = start(dir);
    const base = await server.ready();
    await upsertPerson(base, 'written-by-the-server');

    const second = start(dir);
    const [code] = await once(second.child, 'exit');
    expect(code).toBe(1);
    expect(second.output()).toContain(`DATA_DIR ${dir} is in use by another Liner server (process ${server.child.pid}`);

    // The export reads what the server holds, not the seed.
    const exported = await tool('src/cli/export.ts', ['--projection', 'full', '--format', 'json'], dir);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('"written-by-the-server"');
    expect(exported.out).toMatch(/exporting the database .*liner\.db/);
    const checked = await tool('src/cli/db.ts', ['check'], dir);
    expect(checked).toEqual({ code: 0, out: expect.stringMatching(/liner\.db is sound: \d+ nodes, \d+ relationships/) });

    // The server still writes after all of them.
    await upsertPerson(base, 'written-after-the-tools');
    expect(await exists(base, 'written-after-the-tools')).toBe(true);
  }, 60_000);

  it.each([
    [
      'bytes overwritten in the middle',
      (file: string) => {
        const bytes = readFileSync(file);
        // A whole page of garbage halfway through: a b-tree page of nodes or relationships.
        const page = Math.floor(bytes.length / 4096 / 2) * 4096;
        bytes.fill(0x5a, page, page + 4096);
        writeFileSync(file, bytes);
      },
    ],
    ['truncated to half', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096)],
  ])(
    '%s: refuses to start naming the file and the way back, and restores from the backup',
    async (_name, damage) => {
      const { dir, backup } = await folderWithBackup();
      const file = join(dir, 'liner.db');
      damage(file);
      const damaged = readFileSync(file);

      const refused = start(dir);
      const [code] = await once(refused.child, 'exit');
      expect(code).toBe(1);
      expect(refused.output()).toContain(`the database ${file} is damaged`);
      expect(refused.output()).toContain('npm run db:restore -- <backup-file>');
      // The refusal changed nothing: the file is there as it was, for the check and the restore.
      expect(readFileSync(file).equals(damaged)).toBe(true);

      const checked = await tool('src/cli/db.ts', ['check'], dir);
      expect(checked.code).toBe(1);
      expect(checked.out).toContain(`the database ${file} is damaged`);

      const restored = await tool('src/cli/db.ts', ['restore', backup], dir);
      expect(restored).toEqual({
        code: 0,
        out: expect.stringMatching(/restored .* the database it replaced is kept as .*liner\.db\.replaced-/),
      });
      const base = await start(dir).ready();
      expect(await exists(base, 'in-the-backup')).toBe(true);
      // Written after the backup: gone with the damaged file, as the README's recipe says.
      expect(await exists(base, 'after-the-backup')).toBe(false);
    },
    90_000,
  );

  it('is not restored over while a server holds the folder', async () => {
    const { dir, backup } = await folderWithBackup();
    const server = start(dir);
    await server.ready();
    const refused = await tool('src/cli/db.ts', ['restore', backup], dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`DATA_DIR ${dir} is in use by another Liner server (process ${server.child.pid}`);
  }, 60_000);
});
