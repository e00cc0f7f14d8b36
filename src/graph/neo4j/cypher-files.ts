// Reads the Cypher statements kept in cypher/ and fills their placeholders, from allow-lists only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_LABELS, REL_TYPES } from '../rows.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../../cypher/', import.meta.url));

/**
 * Every value a placeholder may take. Labels, types and patterns cannot be query parameters in Cypher,
 * so they are spliced in — but only ever from these lists, never from input.
 */
const ALLOWED: Record<string, readonly string[]> = {
  __LABEL__: NODE_LABELS,
  __FROM__: NODE_LABELS,
  __TO__: NODE_LABELS,
  __TYPE__: REL_TYPES,
  __NAME__: NODE_LABELS.map((l) => `${l.toLowerCase()}_slug`),
  __MAX_LENGTH__: Array.from({ length: 40 }, (_, i) => String(i + 1)),
};

const cache = new Map<string, string>();

function readStatement(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The statement `cypher/<name>.cypher` with its placeholders filled. */
export function cypher(name: string, fill: Record<string, string> = {}): string {
  let text = readStatement(name);
  for (const [placeholder, value] of Object.entries(fill)) {
    if (!ALLOWED[placeholder]?.includes(value)) throw new Error(`cypher ${name}: ${placeholder} may not be "${value}"`);
    text = text.replaceAll(placeholder, value);
  }
  const left = text.match(/__[A-Z_]+__/);
  if (left) throw new Error(`cypher ${name}: placeholder ${left[0]} not filled`);
  return text;
}

/** Every statement name under cypher/, for the EXPLAIN test. */
export function listCypherFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.cypher') ? [join(dir, entry.name)] : [],
    );
  return walk(CYPHER_DIR)
    .map((file) => relative(CYPHER_DIR, file).replace(/\.cypher$/, ''))
    .sort();
}

/** A valid filling of each file's placeholders, so every file can be EXPLAINed as it is. */
export function sampleFill(name: string): Record<string, string> {
  const text = readStatement(name);
  const fill: Record<string, string> = {};
  for (const placeholder of Object.keys(ALLOWED)) {
    if (!text.includes(placeholder)) continue;
    const sample: Record<string, string> = {
      __LABEL__: 'Person',
      __FROM__: 'Person',
      __TO__: 'Work',
      __TYPE__: 'CREDITED',
      __NAME__: 'person_slug',
      __MAX_LENGTH__: '4',
    };
    fill[placeholder] = sample[placeholder] as string;
  }
  return fill;
}
