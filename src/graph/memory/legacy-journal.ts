// Reads a DATA_DIR written by the journal this store used before SQLite (snapshot.json + journal.log), once, so an
// upgrade keeps its data: the graph it describes is what the new database starts with.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { GraphRows, NodeRow, RelRow } from '../rows.ts';
import type { WriteBatch } from '../store.ts';
import { MemoryStore } from './memory-store.ts';

const SNAPSHOT = 'snapshot.json';
const JOURNAL = 'journal.log';

type Entry = { op: 'write'; batch: WriteBatch } | { op: 'load'; rows: GraphRows };

export function hasLegacyJournal(dir: string): boolean {
  return existsSync(join(dir, SNAPSHOT)) || existsSync(join(dir, JOURNAL));
}

/**
 * The graph the old store would have served: the seed, the snapshot over it, then every journal record, replayed as
 * it did. A torn last record was never acknowledged and is left out, as the old store did; a bad record before the
 * last is corruption and stops the migration (nothing is changed). Returns the rows and what was read, for the log.
 */
export async function replayLegacyJournal(dir: string, seed: GraphRows | undefined): Promise<{ rows: GraphRows; note: string }> {
  const graph = new MemoryStore();
  if (seed) await graph.load(seed);
  const snapshotFile = join(dir, SNAPSHOT);
  if (existsSync(snapshotFile)) await graph.load(JSON.parse(readFileSync(snapshotFile, 'utf8')) as GraphRows);
  const journalFile = join(dir, JOURNAL);
  const lines = existsSync(journalFile) ? readFileSync(journalFile, 'utf8').split('\n') : [];
  let replayed = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const json = line.slice(9);
    const whole = line[8] === ' ' && crc32(json).toString(16).padStart(8, '0') === line.slice(0, 8);
    if (!whole) {
      if (i === lines.length - 1) break; // torn last record, never acknowledged
      throw new Error(`${journalFile}: record ${i + 1} is corrupt; nothing was migrated`);
    }
    const entry = JSON.parse(json) as Entry;
    if (entry.op === 'load') await graph.load(entry.rows);
    else await graph.write(entry.batch);
    replayed++;
  }
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for await (const batch of graph.streamNodes(10_000)) nodes.push(...batch);
  for await (const batch of graph.streamRelationships(10_000)) rels.push(...batch);
  return { rows: { nodes, rels }, note: `the old journal in ${dir} (${replayed} records) migrated into the new database` };
}

/** After the migration committed: the old files stay, renamed, so nothing reads them twice and nothing is lost. */
export function retireLegacyJournal(dir: string): void {
  for (const name of [SNAPSHOT, JOURNAL])
    if (existsSync(join(dir, name))) renameSync(join(dir, name), join(dir, `${name}.migrated`));
}
