// Writes a dataset object as JSON one array element at a time: at 10M credits the file is gigabytes, past the
// longest string V8 can hold (about 512 MB), so `JSON.stringify(dataset)` cannot make it in one piece.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** Elements joined per write: large enough that the write calls cost nothing, small enough to stay a few MB. */
const CHUNK = 2000;

/**
 * The same text `JSON.stringify(value)` would give (keys in their order, no spaces), written to `path` in pieces,
 * waiting for the stream to drain so memory stays flat however long the arrays are.
 */
export async function writeJsonStreamed(path: string, value: Record<string, unknown>): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = (text: string) => {
    bytes += Buffer.byteLength(text);
    return out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  };
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  await write('{');
  for (const [index, [key, field]] of entries.entries()) {
    await write(`${index === 0 ? '' : ','}${JSON.stringify(key)}:`);
    if (!Array.isArray(field)) {
      await write(JSON.stringify(field));
      continue;
    }
    await write('[');
    for (let i = 0; i < field.length; i += CHUNK)
      await write(
        `${i === 0 ? '' : ','}${field
          .slice(i, i + CHUNK)
          .map((item) => JSON.stringify(item))
          .join(',')}`,
      );
    await write(']');
  }
  await write('}');
  out.end();
  await finished(out);
  return bytes;
}
