// Streams a Discogs XML data dump (discogs_YYYYMMDD_releases.xml.gz and its artists, labels, masters siblings).
//
// saxes parses the text as it arrives; only the record being read (one <release>, with its tracklist) is held as a
// tree, handed to the sink when it closes, and dropped: memory stays flat through a dump of tens of gigabytes. A record
// is bounded in characters, elements and depth (INPUT_LIMITS), so a small .gz of one endless record is refused, not
// held until the heap runs out.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describeLimit, INPUT_LIMITS } from '../../input-limits.ts';
import type { DiscogsEntityType } from './convert.ts';
import { DiscogsInputError } from './errors.ts';
import { SHAPES, type XmlNode } from './xml-shape.ts';

/** `where` names the record for error messages: `line 12 (release 2)`. */
export type RecordSink = (type: DiscogsEntityType, entity: Record<string, unknown>, where: string) => void;

export interface DumpOptions {
  /** Bytes of the file read so far (compressed), for the progress line. */
  onBytes?: (bytes: number) => void;
  /** Awaited after each chunk's records went to the sink: a sink writing to disk waits for it there. */
  afterChunk?: (() => Promise<void>) | undefined;
}

/** The dump's root element → the type of its records. */
const ROOTS: Record<string, DiscogsEntityType> = { releases: 'release', masters: 'master', artists: 'artist', labels: 'label' };

/** The entity type a dump is named for: `discogs_20240101_releases.xml.gz` → release; undefined for other names. */
export function dumpTypeOfName(file: string): DiscogsEntityType | undefined {
  const m = /(?:^|[_/\\-])(releases|masters|artists|labels)\.xml(?:\.gz)?$/.exec(file);
  return m ? ROOTS[m[1] as string] : undefined;
}

/**
 * The text as a string of its own. saxes hands over slices of the chunk it parses, and V8 keeps a slice's whole
 * chunk (a megabyte) alive: an artist's name kept for the rest of the conversion kept its chunk, about 8 KB of heap
 * per kept node at 1M credits. Concatenation makes a string that refers to the chunk; slicing it copies it flat.
 */
const detached = (text: string): string => (text.length === 0 ? text : ` ${text}`.slice(1));

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
  const parser = new SaxesParser({ position: true });
  let type: DiscogsEntityType | undefined;
  let depth = 0;
  let count = 0;
  let recordLine = 0;
  /** Elements of the record being read, and where in the text it (or, between records, the last one's end) began. */
  let elements = 0;
  let mark = 0;
  const stack: XmlNode[] = [];
  const fail = (problem: string, line = parser.line, column = parser.column): never => {
    throw new DiscogsInputError(file, `line ${line}, column ${column}`, problem);
  };

  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      type = ROOTS[tag.name];
      if (type === undefined)
        fail(
          `<${tag.name}> is not the root of a Discogs dump (${Object.keys(ROOTS)
            .map((r) => `<${r}>`)
            .join(', ')})`,
        );
      if (named !== undefined && named !== type) fail(`the file is named for ${named} records but holds <${tag.name}>`);
      return;
    }
    if (depth === 2) {
      if (tag.name !== type) fail(`<${tag.name}> inside <${type}s>: expected <${type}> records`);
      recordLine = parser.line;
      elements = 0;
      mark = parser.position;
    }
    if (++elements > INPUT_LIMITS.xmlRecordElements)
      fail(`the record begun on line ${recordLine} holds more elements than ${describeLimit('xmlRecordElements')}`);
    if (depth - 1 > INPUT_LIMITS.xmlRecordDepth)
      fail(`elements nested deeper than ${describeLimit('xmlRecordDepth')} in the record begun on line ${recordLine}`);
    const attrs = tag.attributes as Record<string, string>;
    for (const name in attrs) attrs[name] = detached(attrs[name] as string);
    const node: XmlNode = { name: tag.name, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    // Only leaves keep text; the whitespace between elements of a record is dropped as it comes.
    if (top !== undefined && top.children.length === 0) top.text += detached(text);
  });
  parser.on('closetag', () => {
    depth--;
    if (depth === 0) return;
    const node = stack.pop() as XmlNode;
    if (depth !== 1) return;
    mark = parser.position;
    const entity = SHAPES[type as DiscogsEntityType](node);
    const id = node.attrs.id ?? node.children.find((c) => c.name === 'id')?.text.trim();
    sink(type as DiscogsEntityType, entity, `line ${recordLine} (${type} ${id ?? 'without id'})`);
    count++;
  });

  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      try {
        parser.write(chunk);
      } catch (error) {
        if (error instanceof DiscogsInputError) throw error;
        // saxes says where ("3:18: unexpected close tag."); say it the way every other input error does.
        const message = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, '');
        fail(`not well-formed XML: ${message}`);
      }
      if (options.afterChunk !== undefined) await options.afterChunk();
      // Checked once a chunk: saxes holds a text or an attribute until it ends, so one that never ends is caught here.
      if (parser.position - mark > INPUT_LIMITS.xmlRecordChars)
        fail(
          depth >= 2
            ? `the record begun on line ${recordLine} is longer than ${describeLimit('xmlRecordChars')}`
            : `${describeLimit('xmlRecordChars')} without a record`,
        );
    }
    try {
      parser.close();
    } catch (error) {
      fail(`not well-formed XML (a truncated dump?): ${(error as Error).message.replace(/^[^:]*:\d+:\d+: /, '')}`);
    }
  } catch (error) {
    if (error instanceof DiscogsInputError) throw error;
    throw new DiscogsInputError(file, '(file)', `cannot read it: ${(error as Error).message}`);
  } finally {
    raw.destroy();
  }
  if (type === undefined) throw new DiscogsInputError(file, '(file)', 'holds no XML element: not a Discogs dump');
  return count;
}
