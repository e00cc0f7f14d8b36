// The embedded store's durability: an append-only journal, fsynced before a write is acknowledged, and snapshots.
import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { GraphRows } from '../rows.ts';
import type { WriteBatch } from '../store.ts';

export type JournalEntry = { op: 'write'; batch: WriteBatch } | { op: 'load'; rows: GraphRows };

export interface Recovered {
  snapshot: GraphRows | null;
  entries: JournalEntry[];
  /** The torn tail dropped at the end of the journal, if any: a write cut off mid-record was never acknowledged. */
  droppedTail: string | null;
}

/** One line a record: `<crc32 hex> <json>\n`. The checksum tells a torn or garbled line from a whole one. */
function encode(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class Journal {
  private readonly journalFile: string;
  private readonly snapshotFile: string;
  private fd: number | null = null;
  /** Records appended since the last snapshot. */
  size = 0;

  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    this.journalFile = join(dir, 'journal.log');
    this.snapshotFile = join(dir, 'snapshot.json');
  }

  /** Read the snapshot and every whole record; a torn last record is cut off the file so appends start clean. */
  recover(): Recovered {
    mkdirSync(this.dir, { recursive: true });
    let snapshot: GraphRows | null = null;
    try {
      snapshot = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as GraphRows;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new Error(`cannot read ${this.snapshotFile}: ${(error as Error).message}`);
    }
    let content = '';
    try {
      content = readFileSync(this.journalFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entries: JournalEntry[] = [];
    let offset = 0;
    let droppedTail: string | null = null;
    while (offset < content.length) {
      const end = content.indexOf('\n', offset);
      const line = end === -1 ? content.slice(offset) : content.slice(offset, end);
      const entry = end === -1 ? null : decode(line);
      if (entry === null) {
        // Only the last record may be broken: a power cut mid-append. Anything broken before it is corruption.
        if (end !== -1 && end + 1 < content.length)
          throw new Error(`${this.journalFile}: record at byte ${Buffer.byteLength(content.slice(0, offset))} is corrupt`);
        droppedTail = line.slice(0, 80);
        break;
      }
      entries.push(entry);
      offset = end + 1;
    }
    if (droppedTail !== null) {
      const fd = openSync(this.journalFile, 'r+');
      ftruncateSync(fd, Buffer.byteLength(content.slice(0, offset)));
      fsyncSync(fd);
      closeSync(fd);
    }
    this.size = entries.length;
    return { snapshot, entries, droppedTail };
  }

  /** Append and fsync: when this returns, the record survives a crash. */
  append(entry: JournalEntry): void {
    this.fd ??= openSync(this.journalFile, 'a');
    writeSync(this.fd, encode(entry));
    fsyncSync(this.fd);
    this.size++;
  }

  /** Replace snapshot and journal by one snapshot of the whole graph (written aside, fsynced, then renamed in). */
  compact(rows: GraphRows): void {
    const temporary = `${this.snapshotFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(rows));
    const fd = openSync(temporary, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.snapshotFile);
    fsyncDirectory(this.dir);
    // A crash between the rename and this truncation replays records the snapshot already holds: harmless,
    // because every record is an idempotent upsert or removal.
    this.fd ??= openSync(this.journalFile, 'a');
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.size = 0;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

function decode(line: string): JournalEntry | null {
  const space = line.indexOf(' ');
  if (space !== 8) return null;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return null;
  try {
    return JSON.parse(json) as JournalEntry;
  } catch {
    return null;
  }
}
