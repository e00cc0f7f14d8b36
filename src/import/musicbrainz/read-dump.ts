// Streams a MusicBrainz JSON data dump, one entity a line: plain, .gz, or the published .tar.xz (mbdump/<entity>).
//
// A .tar.xz is decompressed by the system's `xz -dc` in a child process and unpacked by tar-stream: xz-utils is where
// MusicBrainz dumps are handled anyway, runs beside Node on the second core, and needs no native addon (the npm xz
// decoders are native builds or much slower WebAssembly). Only one line is held at a time, at most
// INPUT_LIMITS.dumpLineBytes, so memory stays flat.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { describeLimit, INPUT_LIMITS } from '../../input-limits.ts';
import { boundedLines, LineTooLongError } from '../bounded-lines.ts';
import { entityTypeOf, entityTypeOfName } from './entity-type.ts';
import { MusicBrainzInputError } from './errors.ts';
import { MB_ENTITY_TYPES, type MbEntityType } from './mapping.ts';

export type LineSink = (type: MbEntityType, entity: unknown, line: number, name: string) => void;

export interface DumpOptions {
  /** The entity type asked for: a dump of another type is refused. */
  expected?: MbEntityType | undefined;
  /** Bytes of the file read so far (compressed), for the progress line. */
  onBytes?: (bytes: number) => void;
  /** Awaited after each line went to the sink: a sink writing to disk waits for it there. */
  afterLine?: (() => Promise<void>) | undefined;
}

const TAR = /\.(?:tar\.xz|txz|tar\.gz|tgz|tar)$/;

/**
 * What the sink or `afterLine` threw (the converter's SQLite, a full disk under the written file), carried past the
 * handlers below, which would otherwise report it as the dump being unreadable.
 */
class SinkFailure extends Error {}

/**
 * What a path holds, by its name: a dump (a tarball, `.jsonl`/`.ndjson`, or a file named after its entity type as
 * MusicBrainz names them, `mbdump/artist`), one web-service answer (`.json`), or nothing the importer reads.
 */
export function kindOfInput(file: string): 'dump' | 'answer' | undefined {
  const name = file.replace(/\.gz$/, '');
  if (TAR.test(file) || /\.(?:jsonl|ndjson)$/.test(name)) return 'dump';
  if (name.endsWith('.json')) return 'answer';
  return entityTypeOfName(name) !== undefined ? 'dump' : undefined;
}

async function readLines(
  name: string,
  type: MbEntityType,
  stream: Readable,
  sink: LineSink,
  afterLine: DumpOptions['afterLine'],
): Promise<number> {
  let line = 0;
  let count = 0;
  try {
    for await (const text of boundedLines(stream, INPUT_LIMITS.dumpLineBytes)) {
      line++;
      // A test, not trim(): trim would copy every line of a dump, which is nearly all of it.
      if (text.length === 0 || /^\s*$/.test(text)) continue;
      let entity: unknown;
      try {
        entity = JSON.parse(text);
      } catch (error) {
        throw new MusicBrainzInputError(name, `line ${line}`, `not valid JSON (a truncated line?): ${(error as Error).message}`);
      }
      if (entity === null || typeof entity !== 'object' || Array.isArray(entity))
        throw new MusicBrainzInputError(name, `line ${line}`, 'expected one entity (a JSON object) per line');
      const seen = entityTypeOf(entity as Record<string, unknown>);
      if (seen !== undefined && seen !== type)
        throw new MusicBrainzInputError(name, `line ${line}`, `holds a ${seen}, but the dump is named for ${type} entities`);
      try {
        sink(type, entity, line, name);
        if (afterLine !== undefined) await afterLine();
      } catch (error) {
        if (error instanceof MusicBrainzInputError) throw error;
        throw new SinkFailure('the sink failed', { cause: error });
      }
      count++;
    }
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error;
    throw new MusicBrainzInputError(
      name,
      `line ${error.line}`,
      `longer than a dump line may be, ${describeLimit('dumpLineBytes')}: refused unread`,
    );
  }
  return count;
}

function dumpType(name: string, file: string, expected: MbEntityType | undefined): MbEntityType {
  const type = entityTypeOfName(name);
  if (type === undefined)
    throw new MusicBrainzInputError(
      file,
      name === file ? '(name)' : name,
      `not a dump of an entity type the importer reads (${MB_ENTITY_TYPES.join(', ')}); name it after one, as MusicBrainz does`,
    );
  if (expected !== undefined && type !== expected)
    throw new MusicBrainzInputError(file, name === file ? '(name)' : name, `is a ${type} dump, but ${expected} was asked for`);
  return type;
}

/** Read every entity of a dump into `sink`; answers how many. Throws MusicBrainzInputError at the first bad line. */
export async function readDump(file: string, sink: LineSink, options: DumpOptions = {}): Promise<number> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  raw.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  if (!TAR.test(file)) {
    const type = dumpType(file.replace(/\.gz$/, ''), file, options.expected);
    const stream = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    if (stream !== raw) raw.on('error', (error) => stream.destroy(error));
    try {
      return await readLines(file, type, stream, sink, options.afterLine);
    } catch (error) {
      if (error instanceof MusicBrainzInputError) throw error;
      if (error instanceof SinkFailure) throw error.cause;
      // A damaged .gz or a read error: one line naming the file, as every other problem with it.
      throw new MusicBrainzInputError(file, '(file)', `cannot read it: ${(error as Error).message}`);
    } finally {
      raw.destroy();
    }
  }

  let xz: ReturnType<typeof spawn> | undefined;
  let xzFailed: Error | undefined;
  let archive: Readable = raw;
  if (/\.(?:tar\.xz|txz)$/.test(file)) {
    xz = spawn('xz', ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    xz.stderr?.on('data', (d) => {
      stderr += d;
    });
    xz.on('error', (error) => {
      xzFailed = new MusicBrainzInputError(file, '(file)', `cannot run xz to decompress it (${error.message}); install xz-utils`);
      archive.destroy(xzFailed);
    });
    xz.on('close', (code) => {
      if (code !== 0 && code !== null && !xzFailed) {
        xzFailed = new MusicBrainzInputError(
          file,
          '(file)',
          `xz could not decompress it: ${stderr.trim() || `exit code ${code}`}`,
        );
        archive.destroy(xzFailed);
      }
    });
    // EPIPE when we stop early (an error in a line) is expected: the child is killed below.
    xz.stdin?.on('error', () => {});
    raw.pipe(xz.stdin as NodeJS.WritableStream);
    archive = xz.stdout as Readable;
  } else if (/\.(?:tar\.gz|tgz)$/.test(file)) archive = raw.pipe(createGunzip());

  const extract = tar.extract();
  archive.on('error', (error) => extract.destroy(error));
  archive.pipe(extract);
  let count = 0;
  let found = false;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      // MusicBrainz's tarballs hold mbdump/<entity> beside COPYING, README, TIMESTAMP and schema files.
      if (entry.header.type !== 'file' || !/^(?:\.\/)?mbdump\/[^/]+$/.test(name)) {
        entry.resume();
        continue;
      }
      found = true;
      const type = dumpType(name, file, options.expected);
      count += await readLines(`${file}:${name}`, type, entry as unknown as Readable, sink, options.afterLine);
    }
    if (xzFailed) throw xzFailed;
  } catch (error) {
    if (xzFailed) throw xzFailed;
    if (error instanceof MusicBrainzInputError) throw error;
    if (error instanceof SinkFailure) throw error.cause;
    throw new MusicBrainzInputError(file, '(file)', `cannot read it: ${(error as Error).message}`);
  } finally {
    xz?.kill();
    raw.destroy();
  }
  if (!found) throw new MusicBrainzInputError(file, '(file)', 'holds no mbdump/<entity> file: not a MusicBrainz JSON dump');
  return count;
}
