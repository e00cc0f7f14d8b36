// The dump line splitter: lines whole however they are cut into chunks, and a line past the limit refused early.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLines, LineTooLongError } from '../../src/import/bounded-lines.ts';

const chunksOf = (...chunks: (string | Buffer)[]) =>
  Readable.from(
    chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)),
    { objectMode: false },
  );

async function collect(stream: Readable, max = 1024): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of boundedLines(stream, max)) lines.push(line);
  return lines;
}

describe('boundedLines', () => {
  it('joins a line cut into many chunks, a character cut in two included, and keeps empty lines and the last', async () => {
    const e = Buffer.from('è');
    const stream = chunksOf('ab', 'c\n\nApr', e.subarray(0, 1), e.subarray(1), 's\nlast');
    expect(await collect(stream)).toEqual(['abc', '', 'Après', 'last']);
  });

  it('refuses a line longer than the limit with its number, as soon as that much of it has arrived', async () => {
    const endless = Readable.from(
      (function* () {
        yield Buffer.from('short\n');
        for (let i = 0; ; i++) {
          if (i > 100) throw new Error('read on past the limit');
          yield Buffer.alloc(100, 0x61);
        }
      })(),
    );
    const error = await collect(endless, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineTooLongError);
    expect(error).toMatchObject({ line: 2, bytes: 1000 });
    // Exactly the limit is allowed.
    expect(await collect(chunksOf('x'.repeat(1000), '\n', 'y'.repeat(1000)), 1000)).toHaveLength(2);
  });
});
