// The shape of bench/results.json: labelled runs (before/after a change), each with its scales, merged across invocations.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MusicBrainzImportResult } from '../import-musicbrainz.ts';
import type { ExportResult } from './export.ts';
import type { LoadOptions, LoadResult } from './load.ts';

export const RESULTS_JSON = fileURLToPath(new URL('../results.json', import.meta.url));

export interface Row {
  scenario: string;
  /** embedded, neo4j, raw, peer; "+cache" when the response cache was on. */
  target: string;
  load: LoadResult;
  statementsPerOp: number | null;
  storeCallsPerOp: number | null;
  /** Server RSS after the runs. */
  rssBytes: number;
  /** A short description of the answer (its size), to show the servers answered alike. */
  answer: string;
}

export interface ImportResult {
  store: string;
  nodes: number;
  relationships: number;
  readAndValidateSeconds: number;
  rowsSeconds: number;
  loadSeconds: number;
  relationshipsPerSecond: number;
  peakRssBytes: number;
}

export interface ScaleResult {
  credits: number;
  people: number;
  works: number;
  nodes: number;
  relationships: number;
  hello: LoadResult;
  helloRssBytes: number;
  rows: Row[];
  imports: ImportResult[];
  /** A generated MusicBrainz recording dump of as many relationships as the scale has credits, converted and loaded (embedded). */
  musicbrainz?: MusicBrainzImportResult;
  /** Liner's start-up: spawn to listening, dataset included for the embedded store. */
  startup: { target: string; seconds: number; rssBytes: number }[];
  exports: (ExportResult & { target: string })[];
  neo4jRssBytes: number;
  /**
   * The embedded server's RSS after the read scenarios and SETTLE_SECONDS without requests: what its graph holds once
   * V8's memory reducer has returned the pages the load's garbage took (right after a load, RSS still counts them).
   */
  embeddedSettledRssBytes?: number;
  notes: string[];
}

export interface BenchRun {
  label: string;
  date: string;
  command: string;
  machine: string;
  versions: Record<string, string>;
  options: LoadOptions;
  neo4j: string;
  scales: Record<string, ScaleResult>;
}

export interface ResultsFile {
  runs: BenchRun[];
}

export function readResults(): ResultsFile {
  return existsSync(RESULTS_JSON) ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as ResultsFile) : { runs: [] };
}

/** Replace this label's scale in the file, keeping every other run and scale. */
export function saveScale(run: Omit<BenchRun, 'scales'>, scaleKey: string, scale: ScaleResult): ResultsFile {
  const file = readResults();
  let existing = file.runs.find((r) => r.label === run.label);
  if (!existing) {
    existing = { ...run, scales: {} };
    file.runs.push(existing);
  }
  Object.assign(existing, { ...run, scales: existing.scales });
  existing.scales[scaleKey] = scale;
  writeFileSync(RESULTS_JSON, `${JSON.stringify(file, null, 1)}\n`);
  return file;
}

const version = (pkg: string) => {
  try {
    const path = fileURLToPath(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
};

export function describeMachine(): { machine: string; versions: Record<string, string> } {
  let kernel = '';
  try {
    kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Linux ${kernel}`,
    versions: Object.fromEntries([
      ['node', process.versions.node],
      ...['graphql-yoga', 'graphql', '@neo4j/graphql', 'neo4j-driver', 'graphology', 'autocannon', '@pothos/core'].map((p) => [
        p,
        version(p),
      ]),
    ]),
  };
}
