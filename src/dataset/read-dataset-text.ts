// Reads a dataset file's text: never more than INPUT_LIMITS.datasetBytes, so a file too large for one string is a
// refusal naming the file and the limit, not an ERR_STRING_TOO_LONG stack after the whole file was read into memory.
import { open } from 'node:fs/promises';
import { describeLimit, INPUT_LIMITS } from '../input-limits.ts';
import { readAtMost } from '../read-at-most.ts';

/** Why a dataset file was not read: a sentence for the operator, naming its size and the limit. */
export class DatasetFileRefusal extends Error {
  override name = 'DatasetFileRefusal';
}

/** A file too large is refused before a byte is read; one that grows past the limit while read, at the limit. */
export async function readDatasetText(file: string): Promise<string> {
  const limit = INPUT_LIMITS.datasetBytes;
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > limit)
      throw new DatasetFileRefusal(
        `${info.size} bytes: larger than a dataset file may be, ${describeLimit('datasetBytes')}; refused unread`,
      );
    // A FIFO or `<(zcat …)` says no size: it is read as it comes, and stopped at the limit all the same.
    const bytes = await readAtMost(handle, limit, info.isFile() ? info.size : 1 << 20);
    if (bytes === undefined)
      throw new DatasetFileRefusal(
        `more than ${limit} bytes (it grew, or is not an ordinary file): larger than a dataset file may be, ${describeLimit('datasetBytes')}`,
      );
    return bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}
