// Issue 24, finding 2: a dataset file's documents are read only from inside its own folder (or --documents-dir), so no
// file of the importing machine and nothing of its environment becomes a document's public text. Over the real CLI
// (`npm run import FILE` as a child process, with secrets in its environment) and a real server over HTTP.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../server-process.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'liner-dataset-documents-'));
const dataDir = join(work, 'data');
const folder = join(work, 'dataset');
const elsewhere = join(work, 'elsewhere');
mkdirSync(join(folder, 'notes'), { recursive: true });
mkdirSync(elsewhere);

/** What the importing process holds, and what must never be served. */
const SECRETS = {
  API_TOKENS: 'write-token-never-served-0123456789',
  JWT_SECRET: 'jwt-secret-never-served-0123456789abcdef',
  NEO4J_PASSWORD: 'neo4j-password-never-served',
};
const OUTSIDE = 'text outside the dataset folder, never served';
writeFileSync(join(work, 'outside.txt'), OUTSIDE);
writeFileSync(join(elsewhere, 'article.txt'), 'An article the operator keeps elsewhere.');
writeFileSync(join(folder, 'notes', 'article.txt'), 'An article beside its dataset.');
symlinkSync(join(work, 'outside.txt'), join(folder, 'notes', 'link-out.txt'));
symlinkSync('/proc/self/environ', join(folder, 'environ.txt'));
execFileSync('mkfifo', [join(folder, 'pipe')]);

/** A dataset file in `dir` naming one document, `slug`, read from `path`. */
function datasetFile(dir: string, slug: string, path: string): string {
  const file = join(dir, `${slug}.json`);
  writeFileSync(
    file,
    JSON.stringify({ format: 'liner-dataset', version: 1, documents: [{ slug, title: `Document ${slug}`, path }] }),
  );
  return file;
}

const runImport = (args: string[]) =>
  spawnSync(process.execPath, [IMPORT, ...args], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...SECRETS },
    encoding: 'utf8',
    timeout: 60_000,
  });

const HOSTILE: [slug: string, path: string, rule: RegExp][] = [
  ['passwd', '../../../../../../../../etc/passwd', /it leads out of .* by "\.\."/],
  ['environ', '/proc/self/environ', /an absolute path/],
  ['absolute-passwd', '/etc/passwd', /an absolute path/],
  ['outside', '../outside.txt', /it leads out of .* by "\.\."/],
  ['link-out', 'notes/link-out.txt', /a symbolic link leads out of .*outside\.txt/],
  ['environ-link', 'environ.txt', /a symbolic link leads out of .*\/proc\/\d+\/environ/],
  ['pipe', 'pipe', /is not an ordinary file/],
  ['folder', 'notes', /is not an ordinary file/],
];

describe('documents of a dataset file (issue 24): read only from inside its folder', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses every path out of the folder and every file that is no document, with one line, writing nothing', () => {
    for (const [slug, path, rule] of HOSTILE) {
      const file = datasetFile(folder, slug, path);
      const run = runImport([file]);
      expect(run.status, `${slug}: ${run.stdout}${run.stderr}`).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toContain(`${file}: documents[0].path of "${slug}": "${path}" refused: `);
      expect(lines[0]).toMatch(rule);
      expect(run.stdout).toBe('');
    }
    // Refused before the store was opened: DATA_DIR was not even created.
    expect(readdirSync(work)).not.toContain('data');
  });

  it('reads a document beside its dataset, and one from --documents-dir only when it is named', () => {
    const beside = runImport([datasetFile(folder, 'beside', 'notes/article.txt')]);
    expect(beside.status, beside.stderr).toBe(0);
    const kept = datasetFile(folder, 'kept-elsewhere', 'article.txt');
    const refused = runImport([kept]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot read "article.txt" (ENOENT)');
    const named = runImport([kept, '--documents-dir', elsewhere]);
    expect(named.status, named.stderr).toBe(0);
    // --documents-dir names the folder; it opens no way out of it.
    const out = runImport([datasetFile(folder, 'out-of-named', '../outside.txt'), '--documents-dir', elsewhere]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/refused: it leads out of .*elsewhere by "\.\."/);
  });

  it('serves over HTTP only the documents read from inside, and nothing of a file or the environment elsewhere', async () => {
    const server = startServer({ DATA_DIR: dataDir, API_TOKENS: 'a-server-token-0123456789abcdef' });
    try {
      const base = await server.ready();
      const post = async (query: string, variables?: unknown, token?: string) => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      };
      const byHostileSlug = await post(
        `{ ${HOSTILE.map(([slug], i) => `d${i}: document(slug: "${slug}") { text }`).join(' ')} }`,
      );
      expect(Object.values(byHostileSlug.data ?? {})).toEqual(HOSTILE.map(() => null));
      const read = await post(
        '{ beside: document(slug: "beside") { text } elsewhere: document(slug: "kept-elsewhere") { text } }',
      );
      expect(read.data).toEqual({
        beside: { text: 'An article beside its dataset.' },
        elsewhere: { text: 'An article the operator keeps elsewhere.' },
      });

      // A dataset sent over GraphQL reads no file at all: its `path` is kept as a name, its text is what was sent.
      const mutation = await post(
        'mutation($d: JSON!) { importDataset(dataset: $d) { nodesCreated } }',
        {
          d: {
            format: 'liner-dataset',
            version: 1,
            documents: [{ slug: 'sent-passwd', title: 'Sent', path: '/etc/passwd' }],
          },
        },
        'a-server-token-0123456789abcdef',
      );
      expect(mutation).toEqual({ data: { importDataset: { nodesCreated: 1 } } });
      expect((await post('{ document(slug: "sent-passwd") { text } }')).data).toEqual({ document: { text: null } });

      const all = JSON.stringify(await post('{ documents(first: 500) { edges { node { slug text } } } }'));
      for (const secret of [...Object.values(SECRETS), OUTSIDE, 'root:x:0:0', 'PATH=']) expect(all).not.toContain(secret);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
});
