// npm run import: load a dataset file, or convert MusicBrainz or Discogs answers, dumps or a crawl, into the configured store.
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.ts';
import { isDatasetLinesFile } from '../dataset/dataset-lines.ts';
import { validateDataset } from '../dataset/validate.ts';
import { createStore, neo4jStoreFrom } from '../graph/create-store.ts';
import type { GraphRows } from '../graph/rows.ts';
import { StorageFullError } from '../graph/store.ts';
import { NODES_IN_MEMORY } from '../import/converter-base.ts';
import { convertFiles as convertDiscogsFiles, streamFiles as streamDiscogsFiles } from '../import/discogs/convert-files.ts';
import { DiscogsInputError } from '../import/discogs/errors.ts';
import { summaryLines as discogsSummaryLines } from '../import/discogs/summary.ts';
import type { EntrySink } from '../import/entry-sink.ts';
import { convertFiles, streamFiles } from '../import/musicbrainz/convert-files.ts';
import { crawlArtist } from '../import/musicbrainz/crawl.ts';
import { isEntityType } from '../import/musicbrainz/entity-type.ts';
import { MusicBrainzInputError } from '../import/musicbrainz/errors.ts';
import type { MbEntityType } from '../import/musicbrainz/mapping.ts';
import { summaryLines } from '../import/musicbrainz/summary.ts';
import { ingestRows, readDatasetRows, rowsOf } from '../ingest/pipeline.ts';
import { DatasetLinesWriter, writeDatasetFile } from '../ingest/write-dataset.ts';
import { progressLine } from './progress-line.ts';
import { runCommand } from './run.ts';

const USAGE = [
  'usage: npm run import -- <dataset.json|.ndjson> [--documents-dir DIR] [--neo4j] [--dry-run]',
  '       npm run import -- --from musicbrainz <file|dir>... [--entity TYPE] [--out dataset.json|.ndjson] [--dry-run]',
  '       npm run import -- --from musicbrainz --artist <MBID> [--depth N] [--cache DIR] [--contact URL-or-email] [--out dataset.json|.ndjson]',
  '       npm run import -- --from discogs <file|dir>... [--out dataset.json|.ndjson] [--dry-run]',
].join('\n');

const tally = (items: { label?: string; type?: string }[]) =>
  Object.entries(
    items.reduce<Record<string, number>>((acc, i) => {
      const k = i.label ?? i.type ?? '?';
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** Into the embedded store's database in DATA_DIR (created with the seed if new), as the server would read it. */
async function loadEmbedded(rows: GraphRows, config: Config): Promise<number> {
  if (config.DATA_DIR === 'off') {
    console.info(
      'DATA_DIR=off and no NEO4J_URI: validated only, nothing written. Write a converted dataset with --out FILE and ' +
        'serve it with SEED_DATASET=FILE npm start.',
    );
    return 0;
  }
  // The server's own start-up path: one process owns DATA_DIR, so a running server makes this refuse, naming it.
  const { store, notes } = await createStore(config);
  try {
    const started = performance.now();
    const summary = await ingestRows(store, rows);
    const seconds = (performance.now() - started) / 1000;
    for (const note of notes) console.info(`  ${note}`);
    console.info(
      `Imported into the embedded store in ${config.DATA_DIR} in ${seconds.toFixed(2)} s: created ${summary.nodesCreated} nodes and ` +
        `${summary.relationshipsCreated} relationships, updated ${summary.updated}, left ${summary.unchanged} unchanged; ` +
        `${summary.merged} incoming nodes were nodes already there by identifier, ${summary.conflicts} conflicts recorded. ` +
        '`npm start` serves it.',
    );
  } catch (error) {
    if (!(error instanceof StorageFullError)) throw error;
    // The load is one transaction, rolled back: say so in one line, with what to do, rather than a stack.
    console.error(
      `liner: the disk holding DATA_DIR ${config.DATA_DIR} is full, so the import was not written (the database is as it ` +
        'was before it). Free some space there and run the import again.',
    );
    return 1;
  } finally {
    await store.close();
  }
  return 0;
}

async function load(rows: GraphRows, neo4jFlag: boolean): Promise<number> {
  const config = loadConfig();
  if (!neo4jFlag && !config.NEO4J_URI) return loadEmbedded(rows, config);
  if (!config.NEO4J_URI) {
    console.error('--neo4j needs NEO4J_URI (and NEO4J_PASSWORD) in the environment.');
    return 2;
  }
  const store = neo4jStoreFrom(config);
  try {
    await store.applySchema();
    const started = performance.now();
    const summary = await ingestRows(store, rows);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `Imported into Neo4j in ${seconds.toFixed(2)} s: created ${summary.nodesCreated} nodes and ` +
        `${summary.relationshipsCreated} relationships, updated ${summary.updated}, left ${summary.unchanged} unchanged; ` +
        `${summary.merged} incoming nodes were nodes already there by identifier, ${summary.conflicts} conflicts recorded.`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

/** The end of every conversion: validate, print the summary, then write the --out file, or load unless --dry-run. */
async function finishConversion(
  converted: unknown,
  summary: readonly string[],
  values: { neo4j: boolean; 'dry-run': boolean; out?: string | undefined },
): Promise<number> {
  if (process.stderr.isTTY) process.stderr.write('\n');
  const dataset = validateDataset(converted);
  for (const line of summary) console.info(line);
  const rows = rowsOf(dataset);
  console.info(`  valid: ${rows.nodes.length} nodes and ${rows.rels.length} relationships`);
  if (values['dry-run']) return 0;
  if (values.out !== undefined) {
    await writeDatasetFile(values.out, dataset);
    wrote(values.out);
    return 0;
  }
  return load(rows, values.neo4j);
}

/** `--out` writes the file and nothing else: what to do with it next. */
function wrote(file: string): void {
  console.info(`Wrote ${file}. Nothing else was written: load it with \`npm run import -- ${file}\` (into DATA_DIR, or`);
  console.info(`  Neo4j with NEO4J_URI), \`npm run neo4j:import -- ${file}\` (a first load into Neo4j at bulk speed), or serve`);
  console.info(`  it with \`SEED_DATASET=${file} npm start\`.`);
}

/** What a streamed conversion is given: where its entries go, and how it waits for the file to take them. */
interface StreamTo {
  sink: EntrySink;
  drained: () => Promise<void>;
  progress: (line: string) => void;
  inMemory: number;
}

/**
 * `--from … --out FILE.ndjson`: each record's entries written as it closes, the rest once the last is read, in
 * bounded memory whatever the dump's size. The file appears only when every input was read; a bad record leaves none.
 */
async function streamToFile<S>(
  out: string,
  convert: (to: StreamTo) => Promise<S>,
  summary: (stream: S) => string[],
): Promise<number> {
  const writer = new DatasetLinesWriter(out);
  let stream: S;
  try {
    stream = await convert({
      sink: (section, entry) => writer.write(section, entry),
      drained: () => writer.drained(),
      progress: progressLine,
      inMemory: NODES_IN_MEMORY,
    });
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const line of summary(stream)) console.info(line);
  wrote(out);
  return 0;
}

/** Whether the conversion can stream: written to a JSON Lines file, which is read back entry by entry. */
const streams = (values: { 'dry-run': boolean; out?: string | undefined }): values is { 'dry-run': false; out: string } =>
  values.out !== undefined && isDatasetLinesFile(values.out) && !values['dry-run'];

/** `--from discogs`: API answers and XML dumps, converted, validated, written with --out, and loaded unless --dry-run. */
async function importDiscogs(
  inputs: string[],
  values: { neo4j: boolean; 'dry-run': boolean; out?: string | undefined },
): Promise<number> {
  if (streams(values))
    return streamToFile(values.out, ({ sink, ...options }) => streamDiscogsFiles(inputs, sink, options), discogsSummaryLines);
  const conversion = await convertDiscogsFiles(inputs, { progress: progressLine });
  return finishConversion(conversion.dataset, discogsSummaryLines(conversion), values);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      neo4j: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      from: { type: 'string' },
      out: { type: 'string' },
      entity: { type: 'string' },
      artist: { type: 'string' },
      depth: { type: 'string', default: '1' },
      cache: { type: 'string' },
      contact: { type: 'string' },
      'documents-dir': { type: 'string' },
    },
  });
  if (values.from === undefined) {
    const [file] = positionals;
    if (!file || positionals.length > 1) {
      console.error(USAGE);
      return 2;
    }
    // Documents' paths are read from the dataset's own folder, or the one named here; nothing outside it.
    const rows = await readDatasetRows(file, { documentsDir: values['documents-dir'] });
    console.info(`${file} is valid: ${rows.nodes.length} nodes (${tally(rows.nodes)})`);
    console.info(`  and ${rows.rels.length} relationships (${tally(rows.rels)})`);
    if (values['dry-run']) return 0;
    return load(rows, values.neo4j);
  }

  if (values['documents-dir'] !== undefined) {
    console.error('--documents-dir is for a dataset file: converted MusicBrainz and Discogs data names no document files');
    return 2;
  }
  if (values.from === 'discogs') {
    if (positionals.length === 0 || values.artist !== undefined || values.entity !== undefined) {
      console.error(USAGE);
      return 2;
    }
    return importDiscogs(positionals, values);
  }
  if (values.from !== 'musicbrainz' || (positionals.length === 0 && values.artist === undefined)) {
    console.error(USAGE);
    return 2;
  }
  if (values.entity !== undefined && !isEntityType(values.entity)) {
    console.error(`--entity must be one of artist, release-group, release, recording, work (not "${values.entity}")`);
    return 2;
  }
  const inputs = [...positionals];
  if (values.artist !== undefined) {
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 0) {
      console.error(`--depth must be a whole number (not "${values.depth}")`);
      return 2;
    }
    const crawl = await crawlArtist(values.artist, {
      depth,
      cacheDir: values.cache ?? '.musicbrainz-cache',
      contact: values.contact ?? process.env.MUSICBRAINZ_CONTACT,
      baseUrl: process.env.MUSICBRAINZ_URL,
      log: (line) => console.error(line),
    });
    console.error(
      `Crawled ${crawl.files.length} answer(s): ${crawl.requests} request(s) to ${crawl.baseUrl}, ${crawl.cached} from the cache in ${crawl.cacheDir}`,
    );
    inputs.push(...crawl.files);
  }
  const entity = values.entity as MbEntityType | undefined;
  if (streams(values))
    return streamToFile(values.out, ({ sink, ...options }) => streamFiles(inputs, sink, { ...options, entity }), summaryLines);
  const conversion = await convertFiles(inputs, { entity, progress: progressLine });
  return finishConversion(conversion.dataset, summaryLines(conversion), values);
}

runCommand(main, (error) => {
  if (!(error instanceof MusicBrainzInputError) && !(error instanceof DiscogsInputError)) return undefined;
  console.error(error.message);
  return 1;
});
