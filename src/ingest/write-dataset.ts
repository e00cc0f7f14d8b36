// Writes a dataset file entry by entry: a catalogue's JSON is larger than the longest string V8 can hold.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { entryLine, HEADER_LINE, isDatasetLinesFile, isGzipped, SECTIONS } from '../dataset/dataset-lines.ts';
import type { Dataset } from '../dataset/format.ts';

/**
 * Write `dataset` as JSON to `file`, whole or not at all: into a temporary file renamed into place, so a failure leaves
 * no half-written dataset. Small datasets are indented for people to read; a catalogue is written one entry a line.
 */
export async function writeDatasetFile(file: string, dataset: Dataset): Promise<void> {
  if (isDatasetLinesFile(file)) return writeDatasetLines(file, dataset);
  const temporary = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const indented = Object.values(dataset).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0) < 20_000;
  try {
    await write('{');
    let first = true;
    for (const [key, value] of Object.entries(dataset)) {
      await write(`${first ? '' : ','}\n ${JSON.stringify(key)}: `);
      first = false;
      if (!Array.isArray(value)) {
        await write(JSON.stringify(value));
        continue;
      }
      await write('[');
      for (let i = 0; i < value.length; i++)
        await write(
          `${i === 0 ? '' : ','}\n  ${indented ? JSON.stringify(value[i], null, 1).replaceAll('\n', '\n  ') : JSON.stringify(value[i])}`,
        );
      await write(value.length === 0 ? ']' : '\n ]');
    }
    await write('\n}\n');
    out.end();
    await once(out, 'finish');
    await rename(temporary, file);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Write `dataset` as JSON Lines (`.ndjson`/`.jsonl`, gzipped for `.gz`; docs/dataset-format.md): the header, then
 * each entry as its own line, waiting for the file to drain, so no more than a few lines are held as text at once.
 * Whole or not at all, as writeDatasetFile.
 */
async function writeDatasetLines(file: string, dataset: Dataset): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const gzip = isGzipped(file) ? createGzip() : undefined;
  const sink: Writable = gzip ?? out;
  const done = gzip === undefined ? once(out, 'finish') : pipeline(gzip, out);
  // Either end failing stops the writing at once; the rejection is taken up below.
  done.catch(() => {});
  const write = async (text: string) => {
    if (!sink.write(text)) await Promise.race([once(sink, 'drain'), done]);
  };
  try {
    await write(`${HEADER_LINE}\n`);
    for (const section of SECTIONS) for (const entry of dataset[section]) await write(`${entryLine(section, entry)}\n`);
    sink.end();
    await done;
    await rename(temporary, file);
  } catch (error) {
    sink.destroy();
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
