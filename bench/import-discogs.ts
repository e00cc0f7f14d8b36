// node bench/import-discogs.ts <credits>: convert a generated Discogs releases dump, then load it into the embedded
// store, as `npm run import -- --from discogs` does; prints one JSON line. Its own process, so its peak RSS is the
// import's alone.
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDataset } from '../src/dataset/validate.ts';
import { MemoryStore } from '../src/graph/memory/memory-store.ts';
import { convertFiles } from '../src/import/discogs/convert-files.ts';
import { ingestRows, rowsOf } from '../src/ingest/pipeline.ts';
import { writeDiscogsDump } from './dataset/discogs-dump.ts';
import { DATA_DIR } from './generate.ts';

export interface DiscogsImportResult {
  credits: number;
  releases: number;
  dumpBytes: number;
  convertSeconds: number;
  /** The converter alone: XML parsed, records shaped and mapped, per second of wall clock. */
  convertCreditsPerSecond: number;
  /** CPU time of the conversion (user + system): on a shared machine the wall clock counts other processes' turns. */
  convertCpuSeconds: number;
  convertCreditsPerCpuSecond: number;
  validateAndRowsSeconds: number;
  loadSeconds: number;
  nodes: number;
  rels: number;
  heapAfterConvertBytes: number;
  /** RSS once converted, before validation and the load: the converter with the dataset it built. */
  rssAfterConvertBytes: number;
  peakRssBytes: number;
}

export const discogsDumpPath = (credits: number) => join(DATA_DIR, 'discogs', `${credits}`, 'discogs_20260101_releases.xml');

const credits = Number(process.argv[2]);
const convertOnly = process.argv.includes('--convert-only');
if (!Number.isInteger(credits) || credits <= 0) throw new Error('usage: node bench/import-discogs.ts <credits> [--convert-only]');
const file = discogsDumpPath(credits);
if (!existsSync(file)) {
  await mkdir(join(DATA_DIR, 'discogs', `${credits}`), { recursive: true });
  await writeDiscogsDump(file, credits);
}
const seconds = (since: number) => (performance.now() - since) / 1000;
let t = performance.now();
const cpu = process.cpuUsage();
const conversion = await convertFiles([file]);
const convertSeconds = seconds(t);
const used = process.cpuUsage(cpu);
const convertCpuSeconds = (used.user + used.system) / 1e6;
const { heapUsed: heapAfterConvertBytes, rss: rssAfterConvertBytes } = process.memoryUsage();
const { stats } = conversion.converter;
let validateAndRowsSeconds = 0;
let loadSeconds = 0;
let nodes = 0;
let rels = 0;
if (!convertOnly) {
  t = performance.now();
  const rows = rowsOf(validateDataset(conversion.dataset));
  validateAndRowsSeconds = seconds(t);
  t = performance.now();
  await ingestRows(new MemoryStore(), rows);
  loadSeconds = seconds(t);
  nodes = rows.nodes.length;
  rels = rows.rels.length;
}
const result: DiscogsImportResult = {
  credits: stats.credits,
  releases: stats.entities.release ?? 0,
  dumpBytes: statSync(file).size,
  convertSeconds,
  convertCreditsPerSecond: stats.credits / convertSeconds,
  convertCpuSeconds,
  convertCreditsPerCpuSecond: stats.credits / convertCpuSeconds,
  validateAndRowsSeconds,
  loadSeconds,
  nodes,
  rels,
  heapAfterConvertBytes,
  rssAfterConvertBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.info(JSON.stringify(result));
