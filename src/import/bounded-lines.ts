// Lines of a byte stream, each at most `maxBytes`: a line arriving in many chunks is joined once, not once a chunk.
import type { Readable } from 'node:stream';

/** A line went past the limit: `line` is its number (from 1), `bytes` how much of it had arrived. */
export class LineTooLongError extends Error {
  override name = 'LineTooLongError';
  readonly line: number;
  readonly bytes: number;
  constructor(line: number, bytes: number) {
    super(`line ${line} is longer than ${bytes} bytes`);
    this.line = line;
    this.bytes = bytes;
  }
}

/**
 * Every line of `stream` (a stream of Buffers, no encoding set), without its "\n", decoded as UTF-8 once whole, so a
 * character cut between two chunks is read right. The pieces of an unfinished line are kept in a list and joined
 * when its end arrives (joining per chunk copies a long line over and over, quadratic in its length), and a line
 * longer than `maxBytes` throws LineTooLongError as soon as that many bytes of it have arrived.
 */
export async function* boundedLines(stream: Readable, maxBytes: number): AsyncGenerator<string> {
  let pieces: Buffer[] = [];
  let pending = 0;
  let line = 1;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      if (pending + end - start > maxBytes) throw new LineTooLongError(line, maxBytes);
      const piece = bytes.subarray(start, end);
      yield pieces.length === 0 ? piece.toString('utf8') : Buffer.concat([...pieces, piece]).toString('utf8');
      pieces = [];
      pending = 0;
      line++;
      start = end + 1;
    }
    if (start < bytes.length) {
      pending += bytes.length - start;
      if (pending > maxBytes) throw new LineTooLongError(line, maxBytes);
      pieces.push(bytes.subarray(start));
    }
  }
  if (pending > 0) yield Buffer.concat(pieces).toString('utf8');
}
