// A first load at bulk speed: rows → neo4j-admin CSV → `neo4j-admin database import full` (Neo4j stopped) → Neo4j
// started → Liner's constraints and full-text index → the counts checked against the rows.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphCounts } from '../../graph/store.ts';
import { type AdminCommand, localAdmin, runImport } from './neo4j-admin.ts';
import { type BulkRows, type CsvWriteOptions, type StoreCsv, writeStoreCsv } from './store-csv.ts';

const NEO4J_LOCAL = fileURLToPath(new URL('../../../tools/neo4j-local/', import.meta.url));
/** tools/neo4j-local's marker: a home with it is the launcher's to wipe on a plain start. */
const LOCAL_MARKER = '.liner-neo4j-local';

/** Seconds each step took, and the end-to-end rate the bench reports. */
export interface BulkReport {
  csv: StoreCsv;
  seconds: { csv: number; import: number; start: number; schema: number; check: number; total: number };
  relationshipsPerSecond: number;
}

/** Where the counts of the imported database differ from the rows written: nothing to serve from. */
export class BulkCountMismatchError extends Error {
  override name = 'BulkCountMismatchError';
}

/** The differences between what was written and what the database holds, as lines; empty when they agree. */
export function countDifferences(csv: Pick<StoreCsv, 'labelCounts' | 'typeCounts'>, counts: GraphCounts): string[] {
  const lines: string[] = [];
  const compare = (what: string, expected: Record<string, number>, found: Record<string, number>) => {
    for (const name of new Set([...Object.keys(expected), ...Object.keys(found)]))
      if ((expected[name] ?? 0) !== (found[name] ?? 0))
        lines.push(`${what} ${name}: ${expected[name] ?? 0} written, ${found[name] ?? 0} in the database`);
  };
  compare('label', csv.labelCounts, counts.nodes);
  compare('relationship type', csv.typeCounts, counts.relationships);
  return lines;
}

/** The database Liner serves from after a bulk import: what `applySchema` and `counts` need of a store. */
export interface BulkTarget {
  applySchema(): Promise<void>;
  counts(): Promise<GraphCounts>;
  /** When given, the counts come from Neo4j's count store (src/graph/neo4j/count-store.ts): seconds less at millions of rows. */
  storedCounts?(): Promise<GraphCounts>;
}

/** Constraints, full-text index (built and online), then the counts: throws BulkCountMismatchError on a difference. */
export async function finishImport(target: BulkTarget, csv: Pick<StoreCsv, 'labelCounts' | 'typeCounts'>) {
  const schemaStarted = performance.now();
  await target.applySchema();
  const schema = (performance.now() - schemaStarted) / 1000;
  const checkStarted = performance.now();
  const found = target.storedCounts ? await target.storedCounts() : await target.counts();
  const differences = countDifferences(csv, found);
  if (differences.length > 0)
    throw new BulkCountMismatchError(`the imported database does not hold what was written:\n  ${differences.join('\n  ')}`);
  return { schema, check: (performance.now() - checkStarted) / 1000 };
}

/** tools/neo4j-local's data home for a port, as its launcher computes it. */
export const localHome = (port: number) =>
  process.env.NEO4J_LOCAL_HOME ?? join(process.env.TMPDIR ?? tmpdir(), `liner-neo4j-${port}`);

function script(name: 'start.sh' | 'stop.sh', env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(NEO4J_LOCAL, name)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => output.push(chunk.toString('utf8'));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      for (const line of output.join('').split('\n')) if (line.trim()) log(line);
      if (code === 0) resolve();
      else reject(new Error(`tools/neo4j-local/${name} failed (exit ${code})`));
    });
  });
}

export interface LocalBulkOptions {
  /** The rows, or a function that writes them as it reads them (streamDatasetRows for a JSON Lines dataset). */
  rows: BulkRows;
  /** Where the CSV files go; kept afterwards, so the same import can be run again by hand. */
  csvDir: string;
  port: number;
  /** Connects to the started instance; a function so the caller owns the driver's lifetime. */
  connect: () => Promise<BulkTarget & { close(): Promise<void> }>;
  log: (line: string) => void;
  /** neo4j-admin to run instead of tools/neo4j-local's (tests leave it unset). */
  admin?: AdminCommand;
  /** How the CSV is written (store-csv.ts). */
  csvOptions?: CsvWriteOptions;
}

/**
 * The whole first load into tools/neo4j-local's instance on `port`: it is stopped for the import (an import needs the
 * database offline) and started again on the imported files.
 */
export async function bulkLoadLocal(options: LocalBulkOptions): Promise<BulkReport> {
  const { rows, csvDir, log } = options;
  const started = performance.now();
  const csv = await writeBulkFiles(rows, csvDir, options.csvOptions);
  const csvSeconds = (performance.now() - started) / 1000;
  log(`wrote ${csv.nodes} nodes and ${csv.relationships} relationships as CSV in ${csvDir} (${csvSeconds.toFixed(1)} s)`);
  const report = await importLocal({ ...options, csv });
  const total = (performance.now() - started) / 1000;
  return {
    ...report,
    seconds: { ...report.seconds, csv: csvSeconds, total },
    relationshipsPerSecond: csv.relationships / total,
  };
}

export type LocalImportOptions = Omit<LocalBulkOptions, 'rows' | 'csvDir'> & { csv: StoreCsv };

/**
 * The import, start, schema and check of bulkLoadLocal for CSV already written (readBulkFiles): a benchmark writes a
 * big catalogue's CSV once and imports it on every run. `seconds.csv` is 0.
 */
export async function importLocal(options: LocalImportOptions): Promise<BulkReport> {
  const { csv, port, log } = options;
  const started = performance.now();
  const since = (t: number) => (performance.now() - t) / 1000;
  const home = localHome(port);
  const env = { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_LOCAL_HOME: home, NEO4J_KEEP_DATA: '1' };
  await script('stop.sh', env, log);
  await mkdir(home, { recursive: true });
  if (!existsSync(join(home, LOCAL_MARKER))) await writeFile(join(home, LOCAL_MARKER), '');
  const importStarted = performance.now();
  await runImport(options.admin ?? (await localAdmin(home)), csv.files, log);
  const importSeconds = since(importStarted);

  const startStarted = performance.now();
  await script('start.sh', env, log);
  const startSeconds = since(startStarted);
  const target = await options.connect();
  try {
    const { schema, check } = await finishImport(target, csv);
    const total = since(started);
    return {
      csv,
      seconds: { csv: 0, import: importSeconds, start: startSeconds, schema, check, total },
      relationshipsPerSecond: csv.relationships / total,
    };
  } finally {
    await target.close();
  }
}

/** For an installation or a container: the CSV and the command to run there, and the counts to check after. */
export async function writeBulkFiles(rows: BulkRows, csvDir: string, options: CsvWriteOptions = {}): Promise<StoreCsv> {
  // Gone while the files are written: a folder's counts.json says its writing finished.
  await rm(join(csvDir, 'counts.json'), { force: true });
  const csv = await writeStoreCsv(rows, csvDir, options);
  // Written last: its presence says the folder is complete. The file list lets readBulkFiles import it again.
  await writeFile(join(csvDir, 'counts.json'), `${JSON.stringify(csv, null, 2)}\n`);
  return csv;
}

/** What writeBulkFiles wrote into `csvDir`, read back from its counts.json, to import again without the rows. */
export async function readBulkFiles(csvDir: string): Promise<StoreCsv> {
  const file = join(csvDir, 'counts.json');
  const csv = JSON.parse(await readFile(file, 'utf8')) as Partial<StoreCsv>;
  if (!Array.isArray(csv.files) || csv.labelCounts === undefined || csv.typeCounts === undefined)
    throw new Error(`${file} does not list the CSV files (written by an older Liner?): write the CSV again`);
  for (const f of csv.files)
    if (!existsSync(f.path)) throw new Error(`${file} names ${f.path}, which is not there: write the CSV again`);
  return csv as StoreCsv;
}
