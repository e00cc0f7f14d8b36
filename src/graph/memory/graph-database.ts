// The embedded store's SQLite database: nodes and relationships stored generically, as NodeRow and RelRow.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { crc32 } from 'node:zlib';
import { type GraphRows, NODE_LABELS, type NodeRow, type Props, REL_TYPES, type RelRow } from '../rows.ts';
import type { RelRef, RowChange, WriteBatch } from '../store.ts';
import { DatabaseDamagedError } from './storage-errors.ts';
import { upsertedProps } from './upserted-props.ts';

/** The database's file name inside DATA_DIR. */
export const DATABASE_FILE = 'liner.db';
/** Bumped when the tables change shape; a database of a later version is refused, not misread. */
export const SCHEMA_VERSION = 1;

/**
 * One row per node and per relationship, their properties as JSON: the graph model (labels, types, properties)
 * can grow without a migration. `crc` is the CRC-32 of the row's text, checked when the graph is loaded, because
 * SQLite keeps no checksum of its pages: bytes overwritten inside a row would otherwise be served as data. Rowid
 * tables with a separate unique index (not WITHOUT ROWID) so that a big first load can build the index once, by
 * sorting, instead of inserting a million keys at random places in a b-tree (see `load`).
 */
const TABLES = /* SQL */ `
  CREATE TABLE liner_schema (version INTEGER NOT NULL) STRICT;
  CREATE TABLE nodes (label TEXT NOT NULL, slug TEXT NOT NULL, props TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;
  CREATE TABLE rels (
    type TEXT NOT NULL, from_label TEXT NOT NULL, from_slug TEXT NOT NULL,
    to_label TEXT NOT NULL, to_slug TEXT NOT NULL, key TEXT NOT NULL, props TEXT NOT NULL, crc INTEGER NOT NULL
  ) STRICT;
`;
/** Slugs first: they tell keys apart at the first column, where type and labels repeat (building the index sorts them). */
const INDEXES = /* SQL */ `
  CREATE UNIQUE INDEX IF NOT EXISTS nodes_key ON nodes (slug, label);
  CREATE UNIQUE INDEX IF NOT EXISTS rels_key ON rels (from_slug, to_slug, key, type, from_label, to_label);
`;
/** Rows in a load into an empty database past which the indexes are built after the rows go in. */
const BULK_AFTER = 10_000;

// One string per checksum: each crc32 call converts its string to bytes, which costs more than the sum itself.
const nodeCrc = (label: string, slug: string, props: string) => crc32(`${label}\u0000${slug}\u0000${props}`);
const relCrc = (r: RelRef, props: string) =>
  crc32(`${r.type}\u0000${r.fromLabel}\u0000${r.from}\u0000${r.toLabel}\u0000${r.to}\u0000${r.key}\u0000${props}`);
const relKey = (r: RelRef) => [r.type, r.fromLabel, r.from, r.toLabel, r.to, r.key] as const;
const knownLabels = new Set<string>(NODE_LABELS);
const knownTypes = new Set<string>(REL_TYPES);

export interface OpenOptions {
  /** Tools that only read (export, check, backup) may run beside the server: they never write or create. */
  readOnly?: boolean;
}

export class GraphDatabase {
  readonly file: string;
  private readonly db: DatabaseSync;
  private statements: ReturnType<typeof prepare> | undefined;

  private constructor(file: string, db: DatabaseSync) {
    this.file = file;
    this.db = db;
  }

  static open(file: string, options: OpenOptions = {}): GraphDatabase {
    // A reader waits up to 5 s for the writer's brief exclusive moments (WAL recovery, a checkpoint) instead of failing.
    const db = new DatabaseSync(file, { readOnly: options.readOnly ?? false, timeout: 5_000 });
    const database = new GraphDatabase(file, db);
    try {
      if (!options.readOnly) {
        // WAL: readers (export, backup, check) never block the writer. synchronous=FULL: each COMMIT is fsynced, so
        // a write acknowledged after it survives a power cut, not only a crash of the process.
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
        // The WAL file is cut back to this size after a checkpoint, so a burst of writes does not keep the disk full.
        db.exec('PRAGMA journal_size_limit = 16777216; PRAGMA temp_store = MEMORY');
      }
      database.ensureSchema(options.readOnly ?? false);
      if (!options.readOnly) database.statements = prepare(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return database;
  }

  private ensureSchema(readOnly: boolean): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
    if (tables.length === 0 && !readOnly) {
      this.transaction(() => {
        this.db.exec(TABLES);
        this.db.exec(INDEXES);
        this.db.prepare('INSERT INTO liner_schema (version) VALUES (?)').run(SCHEMA_VERSION);
      });
      return;
    }
    if (!tables.some((t) => t.name === 'liner_schema'))
      throw new DatabaseDamagedError(this.file, 'it is not a Liner database: it has no liner_schema table');
    const row = this.db.prepare('SELECT version FROM liner_schema').get() as { version: number } | undefined;
    if (row?.version !== SCHEMA_VERSION)
      throw new DatabaseDamagedError(
        this.file,
        `its schema version is ${row?.version ?? 'missing'}, and this Liner reads version ${SCHEMA_VERSION}; was it written by another version?`,
      );
  }

  /** SQLite's own check of every page and b-tree (`PRAGMA quick_check`); 'ok' or the problems it found. */
  quickCheck(): string[] {
    const rows = this.db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    return rows.map((r) => r.quick_check);
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM nodes LIMIT 1').get() === undefined;
  }

  /**
   * Every node and relationship, read in one transaction (a consistent view while a server writes), each row's
   * checksum and names checked: a row that fails is DatabaseDamagedError, never a wrong answer.
   */
  readAll(): GraphRows {
    const nodes: NodeRow[] = [];
    const rels: RelRow[] = [];
    // Relationship properties repeat (a role and a quote across many credits): parsed once, one object shared.
    const parsed = new Map<string, Props>();
    this.db.exec('BEGIN');
    try {
      const nodeRows = this.db.prepare('SELECT label, slug, props, crc FROM nodes');
      nodeRows.setReturnArrays(true);
      for (const row of nodeRows.iterate() as Iterable<[string, string, string, number]>) {
        const [label, slug, props, crc] = row;
        if (crc !== nodeCrc(label, slug, props)) this.damaged(`the row of node ${label} "${slug}" fails its checksum`);
        if (!knownLabels.has(label)) this.damaged(`node "${slug}" has the label ${label}, unknown to this Liner`);
        nodes.push({ label: label as NodeRow['label'], slug, props: this.parse(props, `node ${label} "${slug}"`) });
      }
      const relRows = this.db.prepare('SELECT type, from_label, from_slug, to_label, to_slug, key, props, crc FROM rels');
      relRows.setReturnArrays(true);
      for (const row of relRows.iterate() as Iterable<[string, string, string, string, string, string, string, number]>) {
        const [type, fromLabel, from, toLabel, to, key, text, crc] = row;
        const rel = { type, fromLabel, from, toLabel, to, key } as RelRef;
        if (crc !== relCrc(rel, text)) this.damaged(`the row of relationship ${type} ${from} → ${to} fails its checksum`);
        if (!knownTypes.has(type)) this.damaged(`a relationship has the type ${type}, unknown to this Liner`);
        let props = parsed.get(text);
        if (props === undefined) {
          props = this.parse(text, `relationship ${type} ${from} → ${to}`);
          if (parsed.size < 100_000) parsed.set(text, props);
        }
        rels.push({ ...rel, props });
      }
    } finally {
      this.db.exec('COMMIT');
    }
    return { nodes, rels };
  }

  private parse(text: string, what: string): Props {
    try {
      return JSON.parse(text) as Props;
    } catch {
      return this.damaged(`the properties of ${what} are not JSON`);
    }
  }

  private damaged(detail: string): never {
    throw new DatabaseDamagedError(this.file, detail);
  }

  /** Merge rows as MemoryStore.load does, in one transaction: when this returns, they are on disk. */
  load(rows: GraphRows): void {
    const bulk = rows.nodes.length + rows.rels.length >= BULK_AFTER && this.isEmpty();
    // A big page cache (64 MiB) while loading, which also sizes the sort that builds the indexes in memory; the
    // default (2 MiB) otherwise, since reads never come to SQLite and a write touches a few pages.
    this.db.exec('PRAGMA cache_size = -65536');
    try {
      this.transaction(() => this.insert(rows, bulk));
    } catch (error) {
      // The same node or relationship twice in one load: the index cannot be built over plain inserts, so the
      // load runs again as merges, where the later row wins as in the graph.
      if (!bulk || !String((error as Error).message).includes('UNIQUE')) throw error;
      this.transaction(() => this.insert(rows, false));
    } finally {
      this.db.exec('PRAGMA cache_size = -2000');
    }
  }

  /**
   * Into an empty database, plain inserts and then the unique indexes built once (a sort, in SQLite's C code):
   * several times faster for a big dataset than a merge per row. Otherwise each row merges with what is there.
   */
  private insert(rows: GraphRows, bulk: boolean): void {
    const s = this.writable();
    // Rows of a dataset share property objects (see datasetToRows): each is serialised once.
    const json = new Map<Props, string>();
    const text = (props: Props) => {
      let out = json.get(props);
      if (out === undefined) {
        out = JSON.stringify(props);
        json.set(props, out);
      }
      return out;
    };
    if (bulk) this.db.exec('DROP INDEX nodes_key; DROP INDEX rels_key');
    const [node, rel] = bulk ? [s.insertNode, s.insertRel] : [s.mergeNode, s.mergeRel];
    for (const n of rows.nodes) {
      const props = text(n.props);
      node.run(n.label, n.slug, props, nodeCrc(n.label, n.slug, props));
    }
    for (const r of rows.rels) {
      const props = text(r.props);
      rel.run(r.type, r.fromLabel, r.from, r.toLabel, r.to, r.key, props, relCrc(r, props));
    }
    if (bulk) this.db.exec(INDEXES);
  }

  /** Apply one write batch as MemoryStore.write does, in one transaction: when this returns, it is on disk. */
  write(batch: WriteBatch): void {
    const s = this.writable();
    this.transaction(() => {
      for (const n of batch.nodes ?? []) {
        const before = s.getNode.get(n.label, n.slug) as { props: string } | undefined;
        const props = JSON.stringify(upsertedProps(before && (JSON.parse(before.props) as Props), n.set, n.source));
        if (props !== before?.props) s.putNode.run(n.label, n.slug, props, nodeCrc(n.label, n.slug, props));
      }
      for (const r of batch.rels ?? []) {
        const before = s.getRel.get(...relKey(r)) as { props: string } | undefined;
        const props = JSON.stringify(upsertedProps(before && (JSON.parse(before.props) as Props), r.set, r.source));
        if (props !== before?.props) s.putRel.run(...relKey(r), props, relCrc(r, props));
      }
      for (const r of batch.removeRels ?? []) s.deleteRel.run(...relKey(r));
    });
  }

  /** Apply a RowChange as MemoryStore.applyChange does, in one transaction: when this returns, it is on disk. */
  applyChange(change: RowChange): void {
    const s = this.writable();
    this.transaction(() => {
      for (const r of change.removeRels ?? []) s.deleteRel.run(...relKey(r));
      for (const n of change.removeNodes ?? []) s.deleteNode.run(n.label, n.slug);
      for (const n of change.putNodes ?? []) {
        const props = JSON.stringify(n.props);
        s.putNode.run(n.label, n.slug, props, nodeCrc(n.label, n.slug, props));
      }
      for (const r of change.putRels ?? []) {
        const props = JSON.stringify(r.props);
        s.putRel.run(...relKey(r), props, relCrc(r, props));
      }
    });
  }

  /**
   * Give the disk back the WAL's space after a write was refused for want of it: the checkpoint copies committed
   * pages into the database file and truncates the WAL. Best effort: on a disk still full it changes nothing.
   */
  reclaimSpace(): void {
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // Still full: the next write is refused the same way, and this is tried again after it.
    }
  }

  /** The open connection, for SQLite's online backup. */
  get connection(): DatabaseSync {
    return this.db;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private writable(): ReturnType<typeof prepare> {
    if (!this.statements) throw new Error(`${this.file} is open read-only`);
    return this.statements;
  }

  /** BEGIN IMMEDIATE takes the write lock up front; any failure rolls the whole transaction back. */
  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      // A failed COMMIT may have rolled back already (SQLITE_FULL does); only an open transaction is rolled back.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function prepare(db: DatabaseSync) {
  const rel = 'type = ? AND from_label = ? AND from_slug = ? AND to_label = ? AND to_slug = ? AND key = ?';
  const statements = {
    getNode: db.prepare('SELECT props FROM nodes WHERE label = ? AND slug = ?'),
    putNode: db.prepare('INSERT OR REPLACE INTO nodes (label, slug, props, crc) VALUES (?, ?, ?, ?)'),
    insertNode: db.prepare('INSERT INTO nodes (label, slug, props, crc) VALUES (?, ?, ?, ?)'),
    insertRel: db.prepare(
      'INSERT INTO rels (type, from_label, from_slug, to_label, to_slug, key, props, crc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    mergeNode: db.prepare(
      `INSERT INTO nodes (label, slug, props, crc) VALUES (?, ?, ?, ?)
       ON CONFLICT (slug, label) DO UPDATE SET props = excluded.props, crc = excluded.crc WHERE props <> excluded.props`,
    ),
    getRel: db.prepare(`SELECT props FROM rels WHERE ${rel}`),
    putRel: db.prepare(
      'INSERT OR REPLACE INTO rels (type, from_label, from_slug, to_label, to_slug, key, props, crc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    mergeRel: db.prepare(
      `INSERT INTO rels (type, from_label, from_slug, to_label, to_slug, key, props, crc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (from_slug, to_slug, key, type, from_label, to_label)
       DO UPDATE SET props = excluded.props, crc = excluded.crc WHERE props <> excluded.props`,
    ),
    deleteRel: db.prepare(`DELETE FROM rels WHERE ${rel}`),
    deleteNode: db.prepare('DELETE FROM nodes WHERE label = ? AND slug = ?'),
  } satisfies Record<string, StatementSync>;
  return statements;
}
