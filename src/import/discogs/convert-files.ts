// Reads Discogs files and folders (API answers and XML dumps) through one converter into one Liner dataset.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetInput } from '../../dataset/format.ts';
import { DatasetCollector, type EntrySink } from '../entry-sink.ts';
import { ProgressLine } from '../musicbrainz/progress.ts';
import { DiscogsConverter, type DiscogsConverterOptions } from './convert.ts';
import { DiscogsInputError } from './errors.ts';
import { readAnswerFile } from './read-answer.ts';
import { readDump } from './read-dump.ts';

export interface ConvertOptions {
  /** Where the progress line goes (stderr in the CLI); none when undefined. */
  progress?: ((line: string) => void) | undefined;
}

export interface DiscogsConversion {
  dataset: DatasetInput;
  converter: DiscogsConverter;
  files: string[];
  seconds: number;
}

/** What a path holds, by its name: a dump (`.xml`, `.xml.gz`), an API answer (`.json`, `.json.gz`), or neither. */
export function kindOfInput(file: string): 'dump' | 'answer' | undefined {
  if (/\.xml(?:\.gz)?$/.test(file)) return 'dump';
  if (/\.json(?:\.gz)?$/.test(file)) return 'answer';
  return undefined;
}

/** The files the inputs name: files as given, folders walked in name order for the files the importer reads. */
export async function inputFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && kindOfInput(path) !== undefined) files.push(path);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new DiscogsInputError(input, '(file)', 'no such file or folder');
    if (info.isDirectory()) await walk(input);
    else if (kindOfInput(input) === undefined)
      throw new DiscogsInputError(input, '(name)', 'not an API answer (.json) or a data dump (.xml, .xml.gz)');
    else files.push(input);
  }
  return files;
}

export interface StreamOptions extends ConvertOptions, DiscogsConverterOptions {
  /** Awaited between chunks of a dump and between answers: where a file sink waits for its disk. */
  drained?: () => Promise<void>;
  /** A releases dump of at least this many bytes is parsed on worker threads (read-dump.ts). */
  workersFrom?: number;
}

export interface DiscogsStream {
  converter: DiscogsConverter;
  files: string[];
  seconds: number;
}

/**
 * Convert every file, handing entries to `sink` as records close and the nodes met across records once the last is
 * read. The first bad input throws DiscogsInputError; what the sink got by then is for its owner to throw away.
 */
export async function streamFiles(
  inputs: readonly string[],
  sink: EntrySink,
  options: StreamOptions = {},
): Promise<DiscogsStream> {
  const started = performance.now();
  const files = await inputFiles(inputs);
  const converter = new DiscogsConverter(sink, options);
  const progress = options.progress ? new ProgressLine(options.progress, 1000, ['records', 'credits']) : undefined;
  const drained = options.drained;
  let records = 0;
  try {
    for (const file of files) {
      if (kindOfInput(file) === 'answer') {
        await readAnswerFile(file, (type, entity, path) => converter.addEntity(type, entity, file, path));
        records++;
        await drained?.();
        continue;
      }
      const size = (await stat(file)).size;
      let bytes = 0;
      await readDump(
        file,
        (type, entity, where) => {
          converter.addEntity(type, entity, file, '$', where);
          records++;
          if (records % 1000 === 0) progress?.tick(file, records, converter.stats.credits, bytes, size);
        },
        {
          onBytes: (n) => {
            bytes = n;
          },
          afterChunk: drained,
          workersFrom: options.workersFrom,
        },
      );
      progress?.tick(file, records, converter.stats.credits, size, size, true);
    }
    await converter.finishDrained(drained);
  } finally {
    converter.close();
  }
  return { converter, files, seconds: (performance.now() - started) / 1000 };
}

/** Convert every file into one dataset in memory: for answers, tests and dumps that fit. */
export async function convertFiles(inputs: readonly string[], options: ConvertOptions = {}): Promise<DiscogsConversion> {
  const collector = new DatasetCollector();
  const stream = await streamFiles(inputs, collector.sink, options);
  return { ...stream, dataset: collector.dataset() };
}
