// Reads MusicBrainz files and folders (answers and dumps) through one converter, into a sink or one Liner dataset.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetInput } from '../../dataset/format.ts';
import { DatasetCollector, type EntrySink } from '../entry-sink.ts';
import { MusicBrainzConverter, type MusicBrainzConverterOptions } from './convert.ts';
import { MusicBrainzInputError } from './errors.ts';
import type { MbEntityType } from './mapping.ts';
import { ProgressLine } from './progress.ts';
import { readAnswerFile } from './read-answer.ts';
import { kindOfInput, readDump } from './read-dump.ts';

export interface ConvertOptions {
  /** Only this entity type: an answer or dump of another type is refused. */
  entity?: MbEntityType | undefined;
  /** Where the progress line goes (stderr in the CLI); none when undefined. */
  progress?: ((line: string) => void) | undefined;
}

export interface StreamOptions extends ConvertOptions, MusicBrainzConverterOptions {
  /** Awaited between dump lines, between answers and while the kept entries go out: where a file sink waits for its disk. */
  drained?: () => Promise<void>;
}

export interface MusicBrainzStream {
  converter: MusicBrainzConverter;
  files: string[];
  seconds: number;
}

export interface Conversion extends MusicBrainzStream {
  dataset: DatasetInput;
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
    if (!info) throw new MusicBrainzInputError(input, '(file)', 'no such file or folder');
    if (info.isDirectory()) await walk(input);
    else if (kindOfInput(input) === undefined)
      throw new MusicBrainzInputError(
        input,
        '(name)',
        'not a web-service answer (.json) or a dump (.jsonl, .gz, .tar.xz, or named after its entity type)',
      );
    else files.push(input);
  }
  return files;
}

/**
 * Convert every file, handing entries to `sink` as records close and the nodes and facts met across records once the
 * last is read. The first bad input throws MusicBrainzInputError; what the sink got by then is for its owner to throw
 * away.
 */
export async function streamFiles(
  inputs: readonly string[],
  sink: EntrySink,
  options: StreamOptions = {},
): Promise<MusicBrainzStream> {
  const started = performance.now();
  const files = await inputFiles(inputs);
  const converter = new MusicBrainzConverter(sink, options);
  const progress = options.progress ? new ProgressLine(options.progress) : undefined;
  const entities = () => Object.values(converter.stats.entities).reduce((a, b) => a + b, 0);
  const drained = options.drained;
  try {
    for (const file of files) {
      if (kindOfInput(file) === 'answer') {
        await readAnswerFile(file, (type, entity, path) => converter.addEntity(type, entity, file, path), options.entity);
        await drained?.();
        continue;
      }
      const size = (await stat(file)).size;
      let bytes = 0;
      await readDump(
        file,
        (type, entity, line, name) => {
          converter.addEntity(type, entity, name, '$', line);
          if (line % 1000 === 0) progress?.tick(file, entities(), converter.stats.relationships, bytes, size);
        },
        {
          expected: options.entity,
          onBytes: (n) => {
            bytes = n;
          },
          afterLine: drained,
        },
      );
      progress?.tick(file, entities(), converter.stats.relationships, size, size, true);
    }
    await converter.finishDrained(drained);
  } finally {
    converter.close();
  }
  return { converter, files, seconds: (performance.now() - started) / 1000 };
}

/** Convert every file into one dataset in memory: for answers, a crawl, tests and dumps that fit. */
export async function convertFiles(inputs: readonly string[], options: ConvertOptions = {}): Promise<Conversion> {
  const collector = new DatasetCollector();
  const stream = await streamFiles(inputs, collector.sink, options);
  return { ...stream, dataset: collector.dataset() };
}
