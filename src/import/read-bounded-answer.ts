// Reads one whole answer file, plain or .gz, as text: never more than INPUT_LIMITS.answerBytes, compressed or not.
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { describeLimit, INPUT_LIMITS } from '../input-limits.ts';

const gunzipAsync = promisify(gunzip);

/**
 * The file's text. `refuse(problem)` makes the importer's own error, so a refusal names the file the way every other
 * problem with it does. zlib's `maxOutputLength` stops a gzip bomb at the limit rather than after it filled memory.
 */
export async function readBoundedAnswer(file: string, refuse: (problem: string) => Error): Promise<string> {
  const limit = INPUT_LIMITS.answerBytes;
  const size = (await stat(file)).size;
  if (size > limit) throw refuse(`${size} bytes: larger than an answer may be, ${describeLimit('answerBytes')}`);
  const bytes = await readFile(file);
  if (!file.endsWith('.gz')) return bytes.toString('utf8');
  try {
    return (await gunzipAsync(bytes, { maxOutputLength: limit })).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw refuse(`decompresses to more than an answer may be, ${describeLimit('answerBytes')}: refused unread`);
    throw refuse(`cannot decompress it: ${(error as Error).message}`);
  }
}
