// Writes a dataset file entry by entry: a catalogue's JSON is larger than the longest string V8 can hold.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { entryLine, HEADER_LINE, isDatasetLinesFile, isGzipped, SECTIONS, type Section } from '../dataset/dataset-lines.ts';
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
 * each entry as its own line. Whole or not at all, as writeDatasetFile.
 */
async function writeDatasetLines(file: string, dataset: Dataset): Promise<void> {
  const writer = new DatasetLinesWriter(file);
  try {
    for (const section of SECTIONS)
      for (const entry of dataset[section]) {
        writer.write(section, entry);
        await writer.drained();
      }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Lines are handed to the file this many characters at a time: one write per entry would cost more than the entry. */
const BATCH_CHARS = 1 << 16;

/**
 * A JSON Lines dataset written as its entries come (a converter's, record by record), into a temporary file renamed
 * into place by `close`: a conversion that fails part-way leaves no file (`abort`). `write` only queues; awaiting
 * `drained` between records keeps what waits for the disk to a batch or two.
 */
export class DatasetLinesWriter {
  readonly file: string;
  private readonly temporary: string;
  private readonly out: WriteStream;
  private readonly sink: Writable;
  private readonly done: Promise<unknown>;
  private batch: string[] = [];
  private chars = 0;

  constructor(file: string) {
    this.file = file;
    this.temporary = `${file}.${process.pid}.tmp`;
    this.out = createWriteStream(this.temporary);
    const gzip = isGzipped(file) ? createGzip() : undefined;
    this.sink = gzip ?? this.out;
    this.done = gzip === undefined ? once(this.out, 'finish') : pipeline(gzip, this.out);
    // Either end failing stops the writing at once; the rejection is taken up by drained or close.
    this.done.catch(() => {});
    this.sink.write(`${HEADER_LINE}\n`);
  }

  write(section: Section, entry: unknown): void {
    const line = `${entryLine(section, entry)}\n`;
    this.batch.push(line);
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS) this.flush();
  }

  /** Resolves once the file has taken what was written (rejects if writing failed). */
  async drained(): Promise<void> {
    if (this.sink.writableNeedDrain) await Promise.race([once(this.sink, 'drain'), this.done]);
    if (this.sink.errored) throw this.sink.errored;
  }

  async close(): Promise<void> {
    this.flush();
    this.sink.end();
    await this.done;
    await rename(this.temporary, this.file);
  }

  /** Stops writing and deletes the temporary file. */
  async abort(): Promise<void> {
    this.sink.destroy();
    this.out.destroy();
    await rm(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.sink.write(this.batch.join(''));
    this.batch = [];
    this.chars = 0;
  }
}
