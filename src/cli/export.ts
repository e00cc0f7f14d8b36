// npm run export -- --projection P --format F [--out FILE] [filters] [--metrics …]: a graph file from the store.
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.ts';
import { counted, exportBaseName, prepareExport } from '../export/export.ts';
import { FORMAT_NAMES, FORMATS } from '../export/formats/index.ts';
import { ExportRequestError, METRICS, PROJECTIONS, parseExportOptions } from '../export/options.ts';
import { neo4jStoreFrom } from '../graph/create-store.ts';
import { DATABASE_FILE, GraphDatabase } from '../graph/memory/graph-database.ts';
import { MemoryStore } from '../graph/memory/memory-store.ts';
import type { GraphStore } from '../graph/store.ts';
import { loadDatasetFile } from '../ingest/pipeline.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: npm run export -- --projection ${PROJECTIONS.join('|')} --format ${[...FORMAT_NAMES, 'csv'].join('|')}
    [--out FILE]            default: standard output; with --format csv, a folder for nodes.csv and relationships.csv
    [--metrics LIST]        any of ${METRICS.join(',')}
    [--person SLUG [--hops N]] [--roles MIXER,PRODUCER] [--year-from YYYY] [--year-to YYYY]
Reads Neo4j when NEO4J_URI is set, else the embedded store's database in DATA_DIR (safe beside a running server:
what it holds is what is exported), else, with DATA_DIR=off or no database yet, SEED_DATASET.`;

async function write(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

/** Written beside the target and renamed at the end, so a failed export leaves no half-written file behind. */
async function writeFile(chunks: AsyncIterable<string>, file: string): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    await write(chunks, out);
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Neo4j is only read (no schema, no seed: an export never writes). The embedded store's database is read in one
 * read-only transaction, a consistent view however the server writes meanwhile; without one, the seed is what a
 * server would start from.
 */
async function openStore(config: Config): Promise<GraphStore> {
  if (config.NEO4J_URI) return neo4jStoreFrom(config);
  const store = new MemoryStore();
  const file = join(resolve(config.DATA_DIR), DATABASE_FILE);
  if (config.DATA_DIR !== 'off' && existsSync(file)) {
    const db = GraphDatabase.open(file, { readOnly: true });
    try {
      await store.load(db.readAll());
    } finally {
      db.close();
    }
    console.error(`liner: exporting the database ${file}`);
  } else {
    await loadDatasetFile(store, config.SEED_DATASET);
    console.error(`liner: exporting the seed ${config.SEED_DATASET}`);
  }
  return store;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      projection: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      metrics: { type: 'string' },
      person: { type: 'string' },
      hops: { type: 'string' },
      roles: { type: 'string' },
      'year-from': { type: 'string' },
      'year-to': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.projection === undefined || values.format === undefined) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  // `csv` is both CSV files at once, which one HTTP answer cannot be; it is checked as csv-nodes.
  const bothCsv = values.format === 'csv';
  if (bothCsv && values.out === undefined) {
    console.error('--format csv writes two files: give --out a folder for them');
    return 2;
  }
  const options = parseExportOptions(
    {
      projection: values.projection,
      format: bothCsv ? 'csv-nodes' : values.format,
      metrics: values.metrics,
      person: values.person,
      hops: values.hops,
      roles: values.roles,
      yearFrom: values['year-from'],
      yearTo: values['year-to'],
    },
    config.MAX_HOPS,
  );

  const store = await openStore(config);
  try {
    const started = performance.now();
    const prepared = await prepareExport(store, options);
    const { graph, counts } = counted(prepared.graph);
    const written: string[] = [];
    if (bothCsv && values.out !== undefined) {
      await mkdir(values.out, { recursive: true });
      for (const [format, file] of [
        ['csv-nodes', 'nodes.csv'],
        ['csv-relationships', 'relationships.csv'],
      ] as const) {
        written.push(join(values.out, file));
        await writeFile(FORMATS[format].write(graph), join(values.out, file));
      }
    } else if (values.out !== undefined) {
      written.push(values.out);
      await writeFile(FORMATS[options.format].write(graph), values.out);
    } else {
      await write(FORMATS[options.format].write(graph), process.stdout);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.error(
      `liner: ${exportBaseName(options)} from the ${store.kind} store: ${counts.nodes} nodes and ${counts.edges} edges` +
        ` in ${seconds} s${written.length > 0 ? ` → ${written.join(', ')}` : ''}`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

runCommand(main, (error) => {
  if (!(error instanceof ExportRequestError)) return undefined;
  // The same checks as the HTTP route, which names query parameters; here they are flags.
  const flag = `--${error.parameter.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  console.error(`liner: ${flag}${error.message.slice(error.parameter.length)}`);
  return 2;
});
