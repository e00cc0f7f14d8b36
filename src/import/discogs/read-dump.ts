// Streams a Discogs XML data dump (discogs_YYYYMMDD_releases.xml.gz and its artists, labels, masters siblings).
//
// A releases dump, the big one (about 11 GB gzipped), is parsed on worker threads: this thread cuts the text into
// batches of whole records at their `</release>` ends and hands each to a worker (parse-worker.ts), while the
// converter maps the batch before it; records reach the sink in the file's order. The other dumps, and a small
// releases dump, are parsed here (dump-parser.ts). Memory stays flat through a dump of tens of gigabytes either way.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Piscina } from 'piscina';
import { describeLimit, INPUT_LIMITS } from '../../input-limits.ts';
import type { DiscogsEntityType } from './convert.ts';
import { DumpParser, type RecordSink, ROOTS } from './dump-parser.ts';
import { DiscogsInputError } from './errors.ts';
import type { BatchResult, BatchTask } from './parse-worker.ts';

export type { RecordSink } from './dump-parser.ts';

export interface DumpOptions {
  /** Bytes of the file read so far (compressed), for the progress line. */
  onBytes?: (bytes: number) => void;
  /** Awaited after each chunk's (or batch's) records went to the sink: a sink writing to disk waits for it there. */
  afterChunk?: (() => Promise<void>) | undefined;
  /** A releases dump of at least this many bytes (as stored) is parsed on worker threads; 8 MiB by default. */
  workersFrom?: number | undefined;
}

const WORKER = new URL('./parse-worker.ts', import.meta.url).href;
/** Characters of records a worker gets at a time: big enough that handing over costs little, small to keep memory flat. */
const BATCH_CHARS = 1 << 21;
const CLOSE = '</release>';
/** The start of a releases dump up to its root's opening tag (an XML declaration or comments may come first). */
const RELEASES_ROOT = /^(?:\s|<\?[^]*?\?>|<!--[^]*?-->)*<releases(?:\s[^>]*)?>/;

/** The entity type a dump is named for: `discogs_20240101_releases.xml.gz` → release; undefined for other names. */
export function dumpTypeOfName(file: string): DiscogsEntityType | undefined {
  const m = /(?:^|[_/\\-])(releases|masters|artists|labels)\.xml(?:\.gz)?$/.exec(file);
  return m ? ROOTS[m[1] as string] : undefined;
}

/** Where a text ends in the file, given where it began: its newlines move the line, its last line the column. */
function after(text: string, line: number, column: number): { line: number; column: number } {
  let lines = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    last = i;
  }
  return lines === 0 ? { line, column: column + text.length } : { line: line + lines, column: text.length - last - 1 };
}

/** Read every record of a dump into `sink`; answers how many. Throws DiscogsInputError at the first bad one. */
export async function readDump(file: string, sink: RecordSink, options: DumpOptions = {}): Promise<number> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  raw.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  const stream: Readable = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  if (stream !== raw) raw.on('error', (error) => stream.destroy(error));
  stream.setEncoding('utf8');
  const named = dumpTypeOfName(file);
  const big = (await stat(file)).size >= (options.workersFrom ?? 8 << 20);
  const read = (stream as AsyncIterable<string>)[Symbol.asyncIterator]();
  // Only a failure to read the file is the file's: what the sink or its writer throws (a full disk) passes as itself.
  const chunks: AsyncIterator<string> = {
    next: () =>
      read.next().catch((error: Error) => {
        throw new DiscogsInputError(file, '(file)', `cannot read it: ${error.message}`);
      }),
  };
  try {
    const first = await chunks.next();
    const head = first.done ? '' : first.value;
    const root = big && named !== 'label' ? RELEASES_ROOT.exec(head) : null;
    if (root !== null) return await readInWorkers(file, head, root[0], chunks, sink, options);
    return await readHere(file, named, head, chunks, sink, options);
  } finally {
    raw.destroy();
  }
}

async function readHere(
  file: string,
  named: DiscogsEntityType | undefined,
  head: string,
  chunks: AsyncIterator<string>,
  sink: RecordSink,
  options: DumpOptions,
): Promise<number> {
  const parser = new DumpParser(file, sink, named);
  for (let chunk = head, next: IteratorResult<string>; ; chunk = next.value) {
    if (chunk !== '') parser.write(chunk);
    if (options.afterChunk !== undefined) await options.afterChunk();
    next = await chunks.next();
    if (next.done) break;
  }
  parser.end();
  if (parser.recordType === undefined) throw new DiscogsInputError(file, '(file)', 'holds no XML element: not a Discogs dump');
  return parser.records;
}

async function readInWorkers(
  file: string,
  head: string,
  prolog: string,
  chunks: AsyncIterator<string>,
  sink: RecordSink,
  options: DumpOptions,
): Promise<number> {
  // This thread maps what the workers parse: one worker per other core keeps both busy on two.
  const threads = Math.max(1, availableParallelism() - 1);
  // A worker holds a batch, its parse tree and its records' JSON: a bounded heap keeps V8 from growing it at leisure.
  const pool = new Piscina<BatchTask, BatchResult>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  const inFlight: Promise<BatchResult>[] = [];
  let records = 0;
  let at = after(prolog, 1, 0);
  let pending = head.slice(prolog.length);
  const submit = (text: string) => {
    inFlight.push(pool.run({ file, text, line: at.line, column: at.column }));
    at = after(text, at.line, at.column);
  };
  /** Hands the oldest batches' records to the sink, in order, until no more than `keep` are in flight. */
  const deliver = async (keep: number) => {
    while (inFlight.length > keep) {
      const result = await (inFlight.shift() as Promise<BatchResult>);
      if (!result.ok) throw new DiscogsInputError(file, result.where, result.problem);
      for (const [where, entity] of JSON.parse(result.records) as [string, Record<string, unknown>][]) {
        sink('release', entity, where);
        records++;
      }
      if (options.afterChunk !== undefined) await options.afterChunk();
    }
  };
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      pending += next.value;
      if (pending.length < BATCH_CHARS) continue;
      const cut = pending.lastIndexOf(CLOSE);
      if (cut === -1) {
        if (pending.length > INPUT_LIMITS.xmlRecordChars)
          throw new DiscogsInputError(
            file,
            `line ${at.line}, column ${at.column}`,
            `no record ends within ${describeLimit('xmlRecordChars')} of here`,
          );
        continue;
      }
      submit(pending.slice(0, cut + CLOSE.length));
      pending = pending.slice(cut + CLOSE.length);
      await deliver(threads * 2);
    }
    const end = /<\/releases>\s*$/.exec(pending);
    const rest = end === null ? pending : pending.slice(0, end.index);
    if (rest.trim() !== '') submit(rest);
    await deliver(0);
    if (end === null)
      throw new DiscogsInputError(
        file,
        `line ${at.line}, column ${at.column}`,
        'not well-formed XML (a truncated dump?): the file ends before </releases>',
      );
    return records;
  } finally {
    // Batches still in flight after a failure are dropped with the pool.
    for (const batch of inFlight) batch.catch(() => {});
    await pool.destroy();
  }
}
