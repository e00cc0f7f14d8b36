// node bench/import-musicbrainz.ts <relationships>: convert a generated MusicBrainz dump, then load it into the
// embedded store, as `npm run import -- --from musicbrainz` does; prints one JSON line. Its own process, so its peak
// RSS is the import's alone.
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDataset } from '../src/dataset/validate.ts';
import { MemoryStore } from '../src/graph/memory/memory-store.ts';
import { convertFiles } from '../src/import/musicbrainz/convert-files.ts';
import { ingestRows, rowsOf } from '../src/ingest/pipeline.ts';
import { writeMusicBrainzDump } from './dataset/musicbrainz-dump.ts';
import { DATA_DIR } from './generate.ts';

export interface MusicBrainzImportResult {
  relationships: number;
  entities: number;
  dumpBytes: number;
  convertSeconds: number;
  /** The converter alone: dump lines read, parsed and mapped, per second. */
  convertRelationshipsPerSecond: number;
  /** CPU time of the conversion (this process, user + system; xz runs in its own). */
  convertCpuSeconds: number;
  convertRelationshipsPerCpuSecond: number;
  validateAndRowsSeconds: number;
  loadSeconds: number;
  nodes: number;
  rels: number;
  /** Heap in use once the dataset is built: what the converter keeps, which grows with the dataset. */
  heapAfterConvertBytes: number;
  /** RSS once converted, before validation and the load: the converter's own footprint with the dataset it built. */
  rssAfterConvertBytes: number;
  peakRssBytes: number;
}

export const musicbrainzDumpPath = (relationships: number) => join(DATA_DIR, 'musicbrainz', `${relationships}`, 'recording');

const relationships = Number(process.argv[2]);
if (!Number.isInteger(relationships) || relationships <= 0)
  throw new Error('usage: node bench/import-musicbrainz.ts <relationships>');
const file = musicbrainzDumpPath(relationships);
if (!existsSync(file)) {
  await mkdir(join(DATA_DIR, 'musicbrainz', `${relationships}`), { recursive: true });
  await writeMusicBrainzDump(file, relationships);
}
const seconds = (since: number) => (performance.now() - since) / 1000;
let t = performance.now();
const cpu = process.cpuUsage();
const conversion = await convertFiles([file]);
const convertSeconds = seconds(t);
const used = process.cpuUsage(cpu);
// CPU seconds too: on a shared machine the wall clock counts other processes' turns on the cores.
const convertCpuSeconds = (used.user + used.system) / 1e6;
const { heapUsed: heapAfterConvertBytes, rss: rssAfterConvertBytes } = process.memoryUsage();
t = performance.now();
const rows = rowsOf(validateDataset(conversion.dataset));
const validateAndRowsSeconds = seconds(t);
const store = new MemoryStore();
t = performance.now();
await ingestRows(store, rows);
const loadSeconds = seconds(t);
const { stats } = conversion.converter;
const result: MusicBrainzImportResult = {
  relationships: stats.relationships,
  entities: Object.values(stats.entities).reduce((a, b) => a + b, 0),
  dumpBytes: statSync(file).size,
  convertSeconds,
  convertRelationshipsPerSecond: stats.relationships / convertSeconds,
  convertCpuSeconds,
  convertRelationshipsPerCpuSecond: stats.relationships / convertCpuSeconds,
  validateAndRowsSeconds,
  loadSeconds,
  nodes: rows.nodes.length,
  rels: rows.rels.length,
  heapAfterConvertBytes,
  rssAfterConvertBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.info(JSON.stringify(result));
