// What every catalogue converter (MusicBrainz, Discogs) does around its mapping: read a record at a time, hand the
// entries a record finishes to a sink as it closes, keep the nodes and facts later records may change in SpillMaps
// (memory, then a temporary SQLite table) until `finish`, and count what went out for the summary.
import type { Section } from '../dataset/dataset-lines.ts';
import type { EntrySink } from './entry-sink.ts';
import { SpillMap } from './spill-map.ts';

export type Json = Record<string, unknown>;

export const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** A JSON value that should be a list, as a list: an absent or malformed one is empty. */
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export interface ConverterOptions {
  /** Entries each of the converter's SpillMaps keeps in memory; beyond it the least recently used wait on disk. Infinity by default. */
  inMemory?: number;
  /** Where those on disk go (the system's temporary folder by default). */
  spillDir?: string | undefined;
}

/** The converter's own input error: which file, where in it, and what was wrong. */
export type InputErrorClass = new (file: string, where: string, problem: string) => Error;

/** Artists, labels, masters… a conversion run from the command line keeps in memory, of each kind; the rest wait on disk. */
export const NODES_IN_MEMORY = 50_000;

/** Entries handed out by `finishDrained` between two waits for the sink: a few hundred kilobytes of lines. */
const ENTRIES_PER_DRAIN = 1024;

export abstract class ConverterBase {
  private readonly sink: EntrySink;
  private readonly InputError: InputErrorClass;
  private readonly spillOptions: { limit: number; dir: string | undefined };
  private readonly spillMaps: SpillMap<object>[] = [];
  /** Entries handed to the sink, by section, and facts by kind: the summary's counts. */
  protected readonly written: Record<string, number> = {};
  protected readonly facts: Record<string, number> = {};
  /** The input being read and where in it (a dump's line), for error messages only; JSON paths follow `where`. */
  protected file = '';
  protected where: string | undefined;

  constructor(sink: EntrySink, options: ConverterOptions, InputError: InputErrorClass) {
    this.sink = sink;
    this.InputError = InputError;
    this.spillOptions = { limit: options.inMemory ?? Number.POSITIVE_INFINITY, dir: options.spillDir };
  }

  /** A map of entries kept across records: trimmed to the memory limit between records, deleted by `close`. */
  protected spillMap<V extends object>(): SpillMap<V> {
    const map = new SpillMap<V>(this.spillOptions);
    this.spillMaps.push(map);
    return map;
  }

  protected fail(path: string, problem: string): never {
    throw new this.InputError(this.file, this.where === undefined ? path : `${this.where}, ${path}`, problem);
  }

  protected object(value: unknown, path: string): Json {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'expected an object');
    return value as Json;
  }

  /** The entity's name or title, as given; a missing or blank one fails. */
  protected named(entity: Json, key: 'name' | 'title', path: string): string {
    const name = entity[key];
    if (typeof name !== 'string' || name.trim() === '') this.fail(`${path}.${key}`, `missing ${key}`);
    return name;
  }

  protected emit(section: Section, entry: object): void {
    bump(this.written, section);
    this.sink(section, entry);
  }

  /**
   * Reads one record with `read`, then hands its own entries to the sink (`endRecord`). A record that fails leaves
   * none of them behind: the caller stops at the error, and nothing half-read goes out.
   */
  protected record(read: () => void): void {
    try {
      read();
    } catch (error) {
      this.dropRecord();
      throw error;
    }
    this.endRecord();
    this.dropRecord();
    // Only here, between records: an entry a record holds must stay the object it changes.
    for (const map of this.spillMaps) map.trim();
  }

  /** The record's own entries to the sink (with `emit`). */
  protected abstract endRecord(): void;

  /** Forgets the record's own entries. */
  protected abstract dropRecord(): void;

  /** The entries kept across records, each with its section, counting their facts as they go. */
  protected abstract kept(): Iterable<[Section, object]>;

  /** The nodes and facts met across records, to the sink: call once, after the last record. */
  finish(): void {
    for (const [section, entry] of this.kept()) this.emit(section, entry);
    this.close();
  }

  /**
   * `finish` for a sink that writes to disk: `drained` is awaited every so many entries, so they never pile up in
   * memory (without one, it is `finish`).
   */
  async finishDrained(drained: (() => Promise<void>) | undefined): Promise<void> {
    let count = 0;
    for (const [section, entry] of this.kept()) {
      this.emit(section, entry);
      if (drained !== undefined && ++count % ENTRIES_PER_DRAIN === 0) await drained();
    }
    this.close();
  }

  /** Deletes what waits on disk; `finish` does it too. */
  close(): void {
    for (const map of this.spillMaps) map.close();
  }

  factCounts(): Record<string, number> {
    return { ...this.facts };
  }
}
