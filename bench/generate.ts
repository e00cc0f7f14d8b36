// node bench/generate.ts --credits 100000 [--seed s] [--out file.json|file.ndjson] [--csv]: write a synthetic dataset and its benchmark
// manifest; --csv also writes neo4j-admin import CSV beside it (bench/data/…csv/), which the bulk bench path reuses.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isDatasetLinesFile } from '../src/dataset/dataset-lines.ts';
import { validateDataset } from '../src/dataset/validate.ts';
import { datasetToRows } from '../src/graph/rows.ts';
import { writeBulkFiles } from '../src/ingest/bulk/bulk-load.ts';
import { writeDatasetFile } from '../src/ingest/write-dataset.ts';
import { type BenchManifest, generateSynthetic } from './dataset/synthetic.ts';
import { writeJsonStreamed } from './lib/json-stream.ts';

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export const datasetPath = (credits: number, seed = 'liner-bench') => resolve(DATA_DIR, `synthetic-${seed}-${credits}.json`);
export const manifestPath = (credits: number, seed = 'liner-bench') =>
  resolve(DATA_DIR, `synthetic-${seed}-${credits}.manifest.json`);
/** The same dataset as neo4j-admin CSV (with counts.json), for the bench's bulk path. */
export const csvPath = (credits: number, seed = 'liner-bench') => resolve(DATA_DIR, `synthetic-${seed}-${credits}.csv`);
/** Written last, so a folder without it is an interrupted write. */
export const csvComplete = (credits: number, seed = 'liner-bench') => existsSync(resolve(csvPath(credits, seed), 'counts.json'));

/** Generate, validate (the file must load as any dataset would), and write both files; returns the manifest. */
export function writeSynthetic(credits: number, seed = 'liner-bench', out = datasetPath(credits, seed)): BenchManifest {
  const { dataset, manifest } = generateSynthetic({ credits, seed });
  validateDataset(dataset);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(dataset));
  writeFileSync(out.replace(/\.json$/, '.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface WriteOptions {
  seed?: string;
  out?: string;
  /** Write the JSON dataset (default true). */
  json?: boolean;
  /** Also write the neo4j-admin CSV into csvPath. */
  csv?: boolean;
}

/**
 * writeSynthetic for any scale: the JSON written streamed (at 10M credits it is longer than any string V8 can hold),
 * and optionally the neo4j-admin CSV. Whether a server can read such a JSON back is another matter (docs/scaling.md).
 */
export async function writeSyntheticStreamed(credits: number, options: WriteOptions = {}): Promise<BenchManifest> {
  const { seed = 'liner-bench', out = datasetPath(credits, seed), json = true, csv = false } = options;
  const { dataset, manifest } = generateSynthetic({ credits, seed });
  const valid = validateDataset(dataset);
  mkdirSync(dirname(out), { recursive: true });
  // --out x.ndjson: the JSON Lines form (docs/dataset-format.md), the one a catalogue past ~2M credits is read back from.
  if (json && isDatasetLinesFile(out)) await writeDatasetFile(out, valid);
  else if (json) await writeJsonStreamed(out, dataset as unknown as Record<string, unknown>);
  if (csv) await writeBulkFiles(datasetToRows(valid), csvPath(credits, seed));
  writeFileSync(out.replace(/\.(?:json|ndjson|jsonl)(?:\.gz)?$/, '.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      credits: { type: 'string', default: '10000' },
      seed: { type: 'string' },
      out: { type: 'string' },
      csv: { type: 'boolean', default: false },
      'no-json': { type: 'boolean', default: false },
    },
  });
  const credits = Number(values.credits);
  const started = performance.now();
  const manifest = await writeSyntheticStreamed(credits, {
    ...(values.seed ? { seed: values.seed } : {}),
    ...(values.out ? { out: resolve(values.out) } : {}),
    json: !values['no-json'],
    csv: values.csv,
  });
  console.info(
    `${manifest.credits} credits, ${manifest.people} people, ${manifest.works} works in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.info(JSON.stringify({ prolific: manifest.prolific, distant: manifest.distant, probe: manifest.probe }));
}
