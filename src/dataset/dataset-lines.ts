// The dataset as JSON Lines (docs/dataset-format.md, "JSON Lines"): a header line, then one entry a line, tagged with
// its section. A catalogue's JSON is larger than the longest string V8 holds; each of these lines is one entry.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import { createGunzip } from 'node:zlib';
import { boundedLines, LineTooLongError } from '../import/bounded-lines.ts';
import { describeLimit, INPUT_LIMITS } from '../input-limits.ts';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, datasetSchema } from './format.ts';

/** The sections of a dataset, in the order the schema states them (and a writer writes them). */
export type Section = Exclude<keyof Dataset, 'format' | 'version'>;
export const SECTIONS = Object.keys(datasetSchema.shape).filter((key) => key !== 'format' && key !== 'version') as Section[];
const sectionNames = new Set<string>(SECTIONS);

/** `.ndjson` and `.jsonl`, each optionally `.gz`: a dataset file by these names is JSON Lines, any other is JSON. */
const LINES_FILE = /\.(?:ndjson|jsonl)(?:\.gz)?$/i;
export const isDatasetLinesFile = (file: string): boolean => LINES_FILE.test(file);
export const isGzipped = (file: string): boolean => /\.gz$/i.test(file);

/** The first line of every file: what it is, so a file of some other lines is refused at line 1. */
export const HEADER_LINE = JSON.stringify({ format: DATASET_FORMAT, version: DATASET_VERSION });

/** One entry as its line, without the "\n": `{"people":{…}}`. */
export const entryLine = (section: Section, entry: unknown): string => `{${JSON.stringify(section)}:${JSON.stringify(entry)}}`;

/** A line the format cannot read: its number (from 1) and why, one sentence. */
export class DatasetLineError extends Error {
  override name = 'DatasetLineError';
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

export interface EntryLine {
  line: number;
  section: Section;
  entry: unknown;
}

/**
 * Every entry read is kept until the dataset is checked whole, and a file's lines are bounded but not their count: a
 * small `.ndjson.gz` of one line repeated ended in V8's out-of-memory abort. Read entries take about 3.5 times their
 * text in the heap (3M credits: 870 MB of lines, 3.03 GB RSS), so past a quarter of the heap limit in text the rest
 * cannot fit: stopped there, in one line that says what to do. (V8's own figures of what is left do not tell: it
 * reported 195 MB available to a 256 MB old space at its abort.)
 */
function textBudget(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 4);
}

function outOfHeap(line: number, budget: number): DatasetLineError {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return new DatasetLineError(
    line,
    `over ${mb(budget)} MB of entries read, a quarter of this process's ${mb(budget * 4)} MB heap, and read entries ` +
      'take about 3.5 times their text: the dataset does not fit this process, so it is refused before the process runs ' +
      'out of memory; give Node more heap (NODE_OPTIONS=--max-old-space-size=MB) if the machine has it',
  );
}

const SHAPE = `a line is one entry as {"<section>": {…}}, the section one of ${SECTIONS.join(', ')}`;

/**
 * The entries of a JSON Lines dataset, as they are read: each line at most INPUT_LIMITS.datasetLineBytes (refused
 * unread past it), blank lines skipped. Throws DatasetLineError for a missing header, a line that is not JSON, or
 * one that is not a single entry of a known section; the entry itself is for the caller to check. `holdsEntries`
 * (default true) says the caller keeps every entry, so the read stops once their text passes textBudget.
 */
export async function* readEntryLines(file: string, { holdsEntries = true } = {}): AsyncGenerator<EntryLine> {
  const raw = createReadStream(file);
  const stream: Readable = isGzipped(file) ? raw.pipe(createGunzip()) : raw;
  // An error of the file (ENOENT) is on the file's stream, not the gunzip piped from it.
  if (stream !== raw) raw.on('error', (error) => stream.destroy(error));
  let line = 0;
  let read = 0;
  // A reader that writes each entry as it comes (holdsEntries false) is not bounded by what the heap can hold.
  const budget = holdsEntries ? textBudget() : Number.POSITIVE_INFINITY;
  try {
    for await (const text of boundedLines(stream, INPUT_LIMITS.datasetLineBytes)) {
      line++;
      read += text.length;
      if (read > budget) throw outOfHeap(line, budget);
      // A test, not trim(): trim would copy every line, which is nearly all of the file.
      if (/^\s*$/.test(text)) {
        if (line === 1) throw new DatasetLineError(1, `the first line must be the header ${HEADER_LINE}`);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new DatasetLineError(line, `not valid JSON (a truncated line?): ${(error as Error).message}`);
      }
      if (line === 1) {
        const header = value as { format?: unknown; version?: unknown } | null;
        if (header?.format !== DATASET_FORMAT || header.version !== DATASET_VERSION || Object.keys(header).length !== 2)
          throw new DatasetLineError(1, `the first line must be the header ${HEADER_LINE}`);
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DatasetLineError(line, SHAPE);
      const keys = Object.keys(value);
      const section = keys[0];
      if (keys.length !== 1 || section === undefined || !sectionNames.has(section)) throw new DatasetLineError(line, SHAPE);
      yield { line, section: section as Section, entry: (value as Record<string, unknown>)[section] };
    }
  } catch (error) {
    if (error instanceof LineTooLongError)
      throw new DatasetLineError(
        error.line,
        `longer than a dataset line may be, ${describeLimit('datasetLineBytes')}: refused unread`,
      );
    throw error;
  } finally {
    raw.destroy();
  }
  if (line === 0) throw new DatasetLineError(1, `the file is empty; the first line must be the header ${HEADER_LINE}`);
}
