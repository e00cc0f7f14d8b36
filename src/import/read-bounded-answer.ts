// Reads one whole answer file, plain or .gz, as text: never more than INPUT_LIMITS.answerBytes, compressed or not.
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { describeLimit, INPUT_LIMITS } from '../input-limits.ts';
import { readAtMost } from '../read-at-most.ts';

const gunzipAsync = promisify(gunzip);

/**
 * The file's text. `refuse(problem)` makes the importer's own error, so a refusal names the file the way every other
 * problem with it does. zlib's `maxOutputLength` stops a gzip bomb at the limit rather than after it filled memory.
 */
export async function readBoundedAnswer(file: string, refuse: (problem: string) => Error): Promise<string> {
  const limit = INPUT_LIMITS.answerBytes;
  const handle = await open(file, 'r');
  let bytes: Buffer | undefined;
  let size: number;
  try {
    size = (await handle.stat()).size;
    // Also stopped at the limit when the file holds more than it said (it grew, or states no size).
    if (size <= limit) bytes = await readAtMost(handle, limit, size);
  } finally {
    await handle.close();
  }
  if (bytes === undefined) {
    const read = size > limit ? `${size} bytes` : `more than ${limit} bytes (it grew, or is not an ordinary file)`;
    throw refuse(`${read}: larger than an answer may be, ${describeLimit('answerBytes')}`);
  }
  if (!file.endsWith('.gz')) return bytes.toString('utf8');
  try {
    return (await gunzipAsync(bytes, { maxOutputLength: limit })).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw refuse(`decompresses to more than an answer may be, ${describeLimit('answerBytes')}: refused unread`);
    throw refuse(`cannot decompress it: ${(error as Error).message}`);
  }
}
