// One hash of everything the explorer's build reads: its sources and the versions of the packages it bundles.
// The build writes it into explorer/dist; a test recomputes it, so a committed build older than its sources fails.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXPLORER_DIR = fileURLToPath(new URL('../../explorer/', import.meta.url));
export const EXPLORER_DIST = join(EXPLORER_DIR, 'dist');
/** The file the build writes into dist, holding `sourceHash`. */
export const BUILD_INFO = 'build-info.json';
/** Packages bundled into the page: a new version changes the build as much as a source edit does. */
const BUNDLED = ['cytoscape'];
const SKIPPED = new Set(['dist', 'node_modules']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

export function explorerSourceHash(explorerDir: string = EXPLORER_DIR): string {
  const hash = createHash('sha256');
  const paths = files(explorerDir)
    .map((path) => relative(explorerDir, path).split(sep).join('/'))
    .sort();
  for (const path of paths) {
    // Line endings are normalised so a checkout with CRLF conversion hashes the same.
    const text = readFileSync(join(explorerDir, path), 'utf8').replace(/\r\n/g, '\n');
    hash.update(`${path}\0${text}\0`);
  }
  const lock = JSON.parse(readFileSync(join(explorerDir, '..', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  for (const name of BUNDLED) hash.update(`${name}@${lock.packages[`node_modules/${name}`]?.version ?? 'missing'}\0`);
  return hash.digest('hex');
}
