// npm run neo4j:import: a first load into Neo4j at bulk speed, through neo4j-admin database import full.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { isDatasetLinesFile } from '../dataset/dataset-lines.ts';
import { neo4jStoreFrom } from '../graph/create-store.ts';
import { databaseFileIn } from '../graph/memory/database-tools.ts';
import { GraphDatabase } from '../graph/memory/graph-database.ts';
import type { GraphRows } from '../graph/rows.ts';
import { entryRows } from '../graph/rows.ts';
import { MissingNodeError } from '../graph/store.ts';
import { NODES_IN_MEMORY } from '../import/converter-base.ts';
import { streamFiles as streamDiscogsFiles } from '../import/discogs/convert-files.ts';
import { DiscogsInputError } from '../import/discogs/errors.ts';
import { summaryLines as discogsSummaryLines } from '../import/discogs/summary.ts';
import type { EntrySink } from '../import/entry-sink.ts';
import { streamFiles as streamMusicBrainzFiles } from '../import/musicbrainz/convert-files.ts';
import { MusicBrainzInputError } from '../import/musicbrainz/errors.ts';
import { summaryLines as musicBrainzSummaryLines } from '../import/musicbrainz/summary.ts';
import { BulkCountMismatchError, bulkLoadLocal, finishImport, writeBulkFiles } from '../ingest/bulk/bulk-load.ts';
import { BulkImportError, importArguments, installedAdmin, runImport } from '../ingest/bulk/neo4j-admin.ts';
import type { BulkRows, StoreCsv } from '../ingest/bulk/store-csv.ts';
import { streamDatasetRows } from '../ingest/bulk/stream-dataset.ts';
import { readDatasetRows } from '../ingest/pipeline.ts';
import { progressLine } from './progress-line.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: npm run neo4j:import -- <dataset.json|.ndjson>... [--from-data-dir] [--csv DIR]
       npm run neo4j:import -- --from discogs|musicbrainz <dump|answer|dir>... [--csv DIR] [--files-only]
           a Discogs or MusicBrainz dump converted straight into CSV, record by record, then imported as below
           into tools/neo4j-local's Neo4j on NEO4J_BOLT_PORT (default 7687): stop it, import, start it (its data kept),
           then constraints, full-text index and a count check
       npm run neo4j:import -- <dataset.json>... [--from-data-dir] --csv DIR --neo4j-admin PATH
           run that neo4j-admin (its DBMS stopped) on the CSV; then start Neo4j and run --finish DIR
       npm run neo4j:import -- <dataset.json>... [--from-data-dir] --csv DIR --files-only
           only write the CSV (and counts.json) and print the neo4j-admin command, e.g. for a container
       npm run neo4j:import -- --finish DIR
           on NEO4J_URI, after neo4j-admin imported DIR: constraints, full-text index, count check
--from-data-dir adds the embedded store's database in DATA_DIR (moving up from the embedded store to Neo4j).
A JSON Lines dataset (.ndjson, .jsonl, optionally .gz) is streamed: each line checked on its own and written as CSV
as it is read, in flat memory whatever its size.`;

const seconds = (s: number) => `${s.toFixed(1)} s`;

/**
 * Every source's rows, in order, for the CSV writer: a later source's row replaces an earlier one's. A JSON Lines
 * dataset is streamed, each entry checked and written as it is read, in flat memory; a JSON one is read and checked
 * whole (it is at most a string's length), the embedded store's database read whole.
 */
function rowsOf(files: readonly string[], fromDataDir: boolean, csvDir: string): BulkRows {
  return async (sink) => {
    const put = (rows: GraphRows) => {
      for (const n of rows.nodes) sink.node(n);
      for (const r of rows.rels) sink.rel(r);
    };
    if (fromDataDir) {
      const config = loadConfig();
      if (config.DATA_DIR === 'off') throw new BulkImportError('--from-data-dir: DATA_DIR=off, so there is no database to read');
      // Read-only, so it may run beside the server; writes made after this are not carried over.
      const db = GraphDatabase.open(databaseFileIn(resolve(config.DATA_DIR)), { readOnly: true });
      try {
        put(db.readAll());
      } finally {
        db.close();
      }
    }
    for (const file of files) {
      const started = performance.now();
      if (isDatasetLinesFile(file)) await streamDatasetRows(file, sink, { scratchDir: csvDir });
      else put(await readDatasetRows(file));
      console.info(`liner: ${file} read and written as CSV in ${seconds((performance.now() - started) / 1000)}`);
    }
  };
}

const DUMP_SOURCES = ['discogs', 'musicbrainz'] as const;
type DumpSource = (typeof DUMP_SOURCES)[number];

/**
 * `--from discogs|musicbrainz`: the converter's entries made into rows and CSV lines as records close, with no
 * dataset file between (a 50M-credit Discogs dataset is about 24 GB of JSON Lines, written and read again). A
 * converter makes each node and relationship once, with their ends, so the CSV needs no index of repeats
 * (CsvWriteOptions.once); neither source has births, so a person's row is whole when the converter hands it over.
 */
function dumpRows(source: DumpSource, inputs: readonly string[]): BulkRows {
  return async (sink) => {
    const rows = entryRows(sink, { share: false });
    const toRows: EntrySink = (section, entry) => {
      if (section === 'people') rows.person(entry as never, undefined);
      else rows.entry(section, entry as never);
    };
    const options = { inMemory: NODES_IN_MEMORY, progress: progressLine };
    const summary =
      source === 'discogs'
        ? discogsSummaryLines(await streamDiscogsFiles(inputs, toRows, options))
        : musicBrainzSummaryLines(await streamMusicBrainzFiles(inputs, toRows, options));
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const line of summary) console.info(line);
  };
}

async function finish(dir: string): Promise<number> {
  const config = loadConfig();
  if (!config.NEO4J_URI) {
    console.error('liner: --finish needs NEO4J_URI (and NEO4J_PASSWORD) in the environment');
    return 2;
  }
  const counts = JSON.parse(await readFile(join(dir, 'counts.json'), 'utf8')) as Pick<StoreCsv, 'labelCounts' | 'typeCounts'>;
  const store = neo4jStoreFrom(config);
  try {
    const took = await finishImport(store, counts);
    console.info(
      `liner: ${config.NEO4J_URI} holds what ${dir} describes; schema ${seconds(took.schema)}, count check ${seconds(took.check)}`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      csv: { type: 'string' },
      'neo4j-admin': { type: 'string' },
      'files-only': { type: 'boolean', default: false },
      'from-data-dir': { type: 'boolean', default: false },
      finish: { type: 'string' },
      from: { type: 'string' },
    },
  });
  const from = values.from as DumpSource | undefined;
  if (from !== undefined && (!DUMP_SOURCES.includes(from) || values['from-data-dir'] || positionals.length === 0)) {
    console.error(USAGE);
    return 2;
  }
  if (values.finish !== undefined) return finish(values.finish);
  if (positionals.length === 0 && !values['from-data-dir']) {
    console.error(USAGE);
    return 2;
  }
  if ((values['files-only'] || values['neo4j-admin'] !== undefined) && values.csv === undefined) {
    console.error('liner: --files-only and --neo4j-admin need --csv DIR: the files must outlive this command');
    return 2;
  }
  const csvDir = resolve(values.csv ?? join(tmpdir(), `liner-bulk-${process.pid}`));
  const rows = from !== undefined ? dumpRows(from, positionals) : rowsOf(positionals, values['from-data-dir'], csvDir);
  const csvOptions = { once: from !== undefined };

  if (values['files-only'] || values['neo4j-admin'] !== undefined) {
    const csv = await writeBulkFiles(rows, csvDir, csvOptions);
    console.info(
      `liner: wrote ${csv.nodes} nodes and ${csv.relationships} relationships as ${csv.files.length} CSV files into ${csvDir}`,
    );
    if (values['neo4j-admin'] === undefined) {
      console.info("Run, with the DBMS stopped (the unit separator is written here as $'\\x1f'):");
      const args = importArguments(csv.files).map((a) => (a.includes('\u001f') ? `$'${a.replace('\u001f', '\\x1f')}'` : a));
      console.info(`  neo4j-admin ${args.join(' ')}`);
    } else {
      await runImport(installedAdmin(values['neo4j-admin']), csv.files, (line) => console.info(`  ${line}`));
    }
    console.info(`Then start Neo4j and run: NEO4J_URI=… npm run neo4j:import -- --finish ${csvDir}`);
    return 0;
  }

  const config = loadConfig();
  const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  const report = await bulkLoadLocal({
    rows,
    csvDir,
    csvOptions,
    port,
    connect: async () =>
      neo4jStoreFrom({
        ...config,
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_PASSWORD: config.NEO4J_PASSWORD ?? 'liner-dev-password',
      }),
    log: (line) => console.info(`  ${line}`),
  });
  const s = report.seconds;
  console.info(
    `liner: imported ${report.csv.nodes} nodes and ${report.csv.relationships} relationships into bolt://127.0.0.1:${port} ` +
      `in ${seconds(s.total)} (CSV ${seconds(s.csv)}, neo4j-admin ${seconds(s.import)}, start ${seconds(s.start)}, ` +
      `schema ${seconds(s.schema)}, check ${seconds(s.check)}): ` +
      `${Math.round(report.relationshipsPerSecond)} relationships/s. Start it again later with NEO4J_KEEP_DATA=1 to keep the data.`,
  );
  return 0;
}

runCommand(main, (error) => {
  if (
    !(
      error instanceof BulkImportError ||
      error instanceof BulkCountMismatchError ||
      error instanceof MissingNodeError ||
      error instanceof DiscogsInputError ||
      error instanceof MusicBrainzInputError
    )
  )
    return undefined;
  console.error(`liner: ${error.message}`);
  return 1;
});
