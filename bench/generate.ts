// node bench/generate.ts --credits 100000 [--seed s] [--out file]: write a synthetic dataset and its benchmark manifest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateDataset } from '../src/dataset/validate.ts';
import { type BenchManifest, generateSynthetic } from './dataset/synthetic.ts';

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export const datasetPath = (credits: number, seed = 'liner-bench') => resolve(DATA_DIR, `synthetic-${seed}-${credits}.json`);
export const manifestPath = (credits: number, seed = 'liner-bench') =>
  resolve(DATA_DIR, `synthetic-${seed}-${credits}.manifest.json`);

/** Generate, validate (the file must load as any dataset would), and write both files; returns the manifest. */
export function writeSynthetic(credits: number, seed = 'liner-bench', out = datasetPath(credits, seed)): BenchManifest {
  const { dataset, manifest } = generateSynthetic({ credits, seed });
  validateDataset(dataset);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(dataset));
  writeFileSync(out.replace(/\.json$/, '.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { credits: { type: 'string', default: '10000' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const credits = Number(values.credits);
  const started = performance.now();
  const manifest = writeSynthetic(credits, values.seed, values.out ? resolve(values.out) : undefined);
  console.info(
    `${manifest.credits} credits, ${manifest.people} people, ${manifest.works} works in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.info(JSON.stringify({ prolific: manifest.prolific, distant: manifest.distant, probe: manifest.probe }));
}
