// Reads Discogs files and folders (API answers and XML dumps) through one converter into one Liner dataset.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetInput } from '../../dataset/format.ts';
import { ProgressLine } from '../musicbrainz/progress.ts';
import { DiscogsConverter } from './convert.ts';
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

/**
 * Convert every file into one dataset. Nothing is written anywhere: the first bad input throws DiscogsInputError, so
 * a caller writes only a conversion that read everything.
 */
export async function convertFiles(inputs: readonly string[], options: ConvertOptions = {}): Promise<DiscogsConversion> {
  const started = performance.now();
  const files = await inputFiles(inputs);
  const converter = new DiscogsConverter();
  const progress = options.progress ? new ProgressLine(options.progress, 1000, ['records', 'credits']) : undefined;
  let records = 0;
  for (const file of files) {
    if (kindOfInput(file) === 'answer') {
      await readAnswerFile(file, (type, entity, path) => converter.addEntity(type, entity, file, path));
      records++;
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
      },
    );
    progress?.tick(file, records, converter.stats.credits, size, size, true);
  }
  const dataset = converter.toDataset();
  return { dataset, converter, files, seconds: (performance.now() - started) / 1000 };
}
