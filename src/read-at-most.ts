// Reading an untrusted file with a bound: dataset files, documents and catalogue answers all stop at theirs.
import type { FileHandle } from 'node:fs/promises';

/**
 * Up to `limit` bytes from `handle`, or undefined when it holds more (a file that grew, a FIFO, a /proc file that
 * states no size): never more than `limit` + 1 bytes are held. `expected` sizes the first buffer, so an ordinary file
 * whose size is known is read in place.
 */
export async function readAtMost(handle: FileHandle, limit: number, expected = limit): Promise<Buffer | undefined> {
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return undefined;
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}
