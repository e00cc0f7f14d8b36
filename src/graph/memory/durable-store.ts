// The embedded store on disk: the compact graph answers every read, SQLite keeps the data; a write reaches the
// graph only after its transaction has committed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentifierScheme } from '../../dataset/format.ts';
import type { HopName } from '../hops.ts';
import type { GraphRows, NodeLabel } from '../rows.ts';
import {
  type ConflictFilter,
  type CreditFilter,
  type Deadline,
  type GraphStore,
  type IdentifierKey,
  type LoadSummary,
  type LookupLabel,
  type PageArgs,
  type PeopleRanking,
  type RelRef,
  type RoleFilter,
  type RowChange,
  StorageFullError,
  type WorkFilter,
  type WriteBatch,
  type WriteResult,
} from '../store.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { DATABASE_FILE, GraphDatabase } from './graph-database.ts';
import { hasLegacyJournal, replayLegacyJournal, retireLegacyJournal } from './legacy-journal.ts';
import { MemoryStore } from './memory-store.ts';
import { asStartError, asWriteError, DatabaseDamagedError } from './storage-errors.ts';

export interface DurableOptions {
  dir: string;
  /** The seed: loaded into the database when it holds nothing (its first start); afterwards the database is the data. */
  seed?: (() => Promise<GraphRows>) | undefined;
}

/** What every view of one store shares: the graph, its database and the folder's lock. */
interface Core {
  graph: MemoryStore;
  db: GraphDatabase;
  dir: string;
  lock: DataDirLock;
}

export class DurableStore implements GraphStore {
  readonly kind = 'embedded (durable)';
  private readonly core: Core;
  /** The graph itself, or its view stopping at one request's deadline. */
  private readonly reads: GraphStore;

  private constructor(core: Core, reads: GraphStore) {
    this.core = core;
    this.reads = reads;
  }

  /**
   * Lock the folder, open (or create) the database, check it, and load the graph from it. Whatever fails is a
   * StoreStartError saying what to do, and leaves the folder as it was.
   */
  static async open(options: DurableOptions): Promise<{ store: DurableStore; notes: string[] }> {
    const file = join(options.dir, DATABASE_FILE);
    const notes: string[] = [];
    let lock: DataDirLock | undefined;
    let db: GraphDatabase | undefined;
    try {
      mkdirSync(options.dir, { recursive: true });
      lock = lockDataDir(options.dir);
      db = GraphDatabase.open(file);
      // SQLite's structural check: a damaged b-tree page can hide rows from a scan without any error.
      const problems = db.quickCheck();
      if (problems[0] !== 'ok') throw new DatabaseDamagedError(file, problems.slice(0, 3).join('; '));
      const graph = new MemoryStore();
      if (db.isEmpty() && hasLegacyJournal(options.dir)) {
        const { rows, note } = await replayLegacyJournal(options.dir, await options.seed?.());
        db.load(rows);
        await graph.load(rows);
        retireLegacyJournal(options.dir);
        notes.push(note);
      } else if (db.isEmpty() && options.seed) {
        const rows = await options.seed();
        db.load(rows);
        await graph.load(rows);
        notes.push(`new database ${file}, the seed loaded into it`);
      } else {
        const rows = db.readAll();
        await graph.load(rows);
        notes.push(`database ${file}: ${rows.nodes.length} nodes, ${rows.rels.length} relationships`);
      }
      const core = { graph, db, dir: options.dir, lock };
      return { store: new DurableStore(core, graph), notes };
    } catch (error) {
      db?.close();
      lock?.release();
      throw asStartError(error, options.dir, file);
    }
  }

  withDeadline(deadline: Deadline): GraphStore {
    return new DurableStore(this.core, this.core.graph.withDeadline(deadline));
  }

  // Writes: checked against the graph, committed to SQLite, then applied to the graph. Nothing awaits in between,
  // so no read or other write runs while the database and the graph differ, and no write queue is needed.

  async write(batch: WriteBatch): Promise<WriteResult> {
    this.core.graph.checkWrite(batch);
    this.persist(() => this.core.db.write(batch));
    return this.core.graph.write(batch);
  }

  async applyChange(change: RowChange): Promise<void> {
    this.core.graph.checkChange(change);
    this.persist(() => this.core.db.applyChange(change));
    return this.core.graph.applyChange(change);
  }

  async load(rows: GraphRows): Promise<LoadSummary> {
    this.core.graph.checkWrite(rows);
    this.persist(() => this.core.db.load(rows));
    return this.core.graph.load(rows);
  }

  /** Run a database write; a refusal for want of space is StorageFullError, after giving the WAL's space back. */
  private persist(work: () => void): void {
    try {
      work();
    } catch (error) {
      const explained = asWriteError(error, this.core.dir);
      if (explained instanceof StorageFullError) this.core.db.reclaimSpace();
      throw explained;
    }
  }

  async close(): Promise<void> {
    // Closing the last connection checkpoints the WAL into the database file and removes it.
    this.core.db.close();
    this.core.lock.release();
  }

  async ping(): Promise<void> {}

  // Reads: the graph's own answers.

  isEmpty() {
    return this.reads.isEmpty();
  }
  counts() {
    return this.reads.counts();
  }
  streamNodes(batchSize?: number) {
    return this.reads.streamNodes(batchSize);
  }
  streamRelationships(batchSize?: number) {
    return this.reads.streamRelationships(batchSize);
  }
  nodesBySlug<L extends LookupLabel>(label: L, slugs: readonly string[]) {
    return this.reads.nodesBySlug(label, slugs);
  }
  listPeople(search: string | undefined, page: PageArgs) {
    return this.reads.listPeople(search, page);
  }
  listWorks(filter: WorkFilter, page: PageArgs) {
    return this.reads.listWorks(filter, page);
  }
  search(text: string, limit: number) {
    return this.reads.search(text, limit);
  }
  listDocuments(page: PageArgs) {
    return this.reads.listDocuments(page);
  }
  creditsOfPeople(slugs: readonly string[], filter: CreditFilter, page: PageArgs) {
    return this.reads.creditsOfPeople(slugs, filter, page);
  }
  topPeople(by: PeopleRanking, filter: RoleFilter, limit: number) {
    return this.reads.topPeople(by, filter, limit);
  }
  creditsOfWorks(slugs: readonly string[], filter: RoleFilter) {
    return this.reads.creditsOfWorks(slugs, filter);
  }
  collaboratorsOf(slugs: readonly string[], filter: RoleFilter, page: PageArgs) {
    return this.reads.collaboratorsOf(slugs, filter, page);
  }
  hops(hop: HopName, from: NodeLabel, slugs: readonly string[]) {
    return this.reads.hops(hop, from, slugs);
  }
  nodeByIdentifier(scheme: IdentifierScheme, value: string) {
    return this.reads.nodeByIdentifier(scheme, value);
  }
  conflicts(filter?: ConflictFilter) {
    return this.reads.conflicts(filter);
  }
  nodesByIdentifiers(keys: readonly IdentifierKey[]) {
    return this.reads.nodesByIdentifiers(keys);
  }
  relationshipProps(refs: readonly RelRef[]) {
    return this.reads.relationshipProps(refs);
  }
  commonCollaborators(of: readonly string[], filter: RoleFilter) {
    return this.reads.commonCollaborators(of, filter);
  }
  shortestPath(from: string, to: string, maxHops: number) {
    return this.reads.shortestPath(from, to, maxHops);
  }
  namesOf(label: 'Person' | 'Work', slugs?: readonly string[]) {
    return this.reads.namesOf(label, slugs);
  }
  neighbourhoods(label: NodeLabel, slugs: readonly string[]) {
    return this.reads.neighbourhoods(label, slugs);
  }
  creditedAround(label: 'Person' | 'Work', slugs: readonly string[]) {
    return this.reads.creditedAround(label, slugs);
  }
  nodeRows(label: NodeLabel) {
    return this.reads.nodeRows(label);
  }
}
