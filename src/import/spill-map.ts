// A Map for a converter's nodes that keeps the recently used ones in memory and the rest on disk.
//
// A catalogue names millions of artists, labels and masters, and each may be met again on any later record: the
// converter must find it to add what that record says. As JavaScript objects they took about 1.2 KB of heap per credit
// converted (2.5 GB at 1M credits). Here the least recently used entries beyond `limit` go as JSON into a temporary
// SQLite table (node:sqlite, no journal: it lives and dies with the conversion), read back when met again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { KeyFilter } from './key-filter.ts';

export interface SpillOptions {
  /** Entries kept in memory; the rest are on disk. Infinity keeps all in memory and makes no file. */
  limit: number;
  /** The folder the temporary database goes in (the system's temporary folder by default). */
  dir?: string | undefined;
}

interface Spill {
  db: DatabaseSync;
  folder: string;
  get: StatementSync;
  put: StatementSync;
  /** The keys that may be in the table: a key met for the first time is told apart without asking it. */
  keys: KeyFilter;
}

/** An entry in memory, and when it was last put at the end of the use order. */
interface Slot<V> {
  value: V;
  at: number;
}

export class SpillMap<V extends object> {
  /** In use order, nearly: the first is the least recently used. */
  private readonly memory = new Map<string, Slot<V>>();
  /** Counts moves to the end of the use order. */
  private clock = 0;
  private spill: Spill | undefined;
  /** Entries added: each is in memory, on disk, or both (read back from disk, whose copy may then be older). */
  private count = 0;
  private readonly limit: number;
  private readonly dir: string;

  constructor(options: SpillOptions) {
    this.limit = options.limit;
    this.dir = options.dir ?? tmpdir();
  }

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const kept = this.memory.get(key);
    if (kept !== undefined) {
      // Moved to the end only from the older half: a Map's delete and set for every use of a popular entry made a
      // track of 200,000 credits take 35 s (V8 compacts a Map full of deleted slots).
      if (this.clock - kept.at > this.limit / 2) {
        this.memory.delete(key);
        kept.at = this.clock++;
        this.memory.set(key, kept);
      }
      return kept.value;
    }
    if (this.spill === undefined || !this.spill.keys.mayHave(key)) return undefined;
    const row = this.spill.get.get(key) as { v: string } | undefined;
    if (row === undefined) return undefined;
    const value = JSON.parse(row.v) as V;
    // The copy on disk stays (deleting it cost as much as reading it): the one in memory is the one that counts, and
    // replaces it when it goes back.
    this.memory.set(key, { value, at: this.clock++ });
    return value;
  }

  /** Adds an entry not in the map (check with `get` first): entries are changed in place, never replaced. */
  add(key: string, value: V): void {
    this.memory.set(key, { value, at: this.clock++ });
    this.count++;
  }

  /**
   * Moves the least recently used entries beyond the limit to disk. Called between records, never during one: an
   * entry a record holds must stay the object it changes.
   *
   * Entries go a fifth of the limit at a time (down to a tenth below it, once a tenth above), in one statement: a
   * Map keeps a deleted entry's slot until it is rebuilt, and a walk from its start steps over every one. Trimmed
   * after each record by the few entries the record added, a MusicBrainz dump of 1M relationships took 80 s to
   * convert, 43 s trimmed by eighths; one INSERT per entry cost more than its JSON.
   */
  trim(): void {
    const slack = Math.floor(this.limit / 10);
    if (this.memory.size <= this.limit + slack) return;
    const spill = this.open();
    const leaving: Record<string, V> = {};
    for (const [key, slot] of this.memory) {
      if (this.memory.size <= this.limit - slack) break;
      leaving[key] = slot.value;
      spill.keys.add(key);
      this.memory.delete(key);
    }
    // One JSON text for the lot, taken apart by SQLite's json_each.
    spill.put.run(JSON.stringify(leaving));
    spill.db.exec('COMMIT; BEGIN');
    if (spill.keys.full) spill.keys.rebuild(this.keysOnDisk(spill));
  }

  /** Every entry, those in memory first, then those on disk by key: the same input gives the same order. */
  *values(): Generator<V> {
    for (const slot of this.memory.values()) yield slot.value;
    if (this.spill === undefined) return;
    const rows = this.spill.db.prepare('SELECT k, v FROM spill ORDER BY k').iterate() as Iterable<{ k: string; v: string }>;
    for (const row of rows) if (!this.memory.has(row.k)) yield JSON.parse(row.v) as V;
  }

  private *keysOnDisk(spill: Spill): Generator<string> {
    for (const row of spill.db.prepare('SELECT k FROM spill').iterate() as Iterable<{ k: string }>) yield row.k;
  }

  /** Drops the entries and deletes the temporary database. */
  close(): void {
    this.memory.clear();
    if (this.spill === undefined) return;
    this.spill.db.close();
    rmSync(this.spill.folder, { recursive: true, force: true });
    this.spill = undefined;
    this.count = 0;
  }

  private open(): Spill {
    if (this.spill !== undefined) return this.spill;
    const folder = mkdtempSync(join(this.dir, 'liner-spill-'));
    const db = new DatabaseSync(join(folder, 'spill.db'));
    // Nothing here outlives the process: no journal, no syncs; 8 MB of pages each (five maps), the converter keeping its own.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -8192');
    db.exec('CREATE TABLE spill (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID');
    db.exec('BEGIN');
    this.spill = {
      db,
      folder,
      get: db.prepare('SELECT v FROM spill WHERE k = ?'),
      put: db.prepare('INSERT OR REPLACE INTO spill (k, v) SELECT key, value FROM json_each(?)'),
      keys: new KeyFilter(),
    };
    return this.spill;
  }
}
