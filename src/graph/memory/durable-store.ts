// The embedded store with durability: each acknowledged write is journaled and fsynced before it is applied.
import type { GraphRows, NodeRow, RelRow } from '../rows.ts';
import type { LoadSummary, WriteBatch, WriteResult } from '../store.ts';
import { Journal } from './journal.ts';
import { MemoryStore } from './memory-store.ts';

export interface DurableOptions {
  dir: string;
  /** Journal records after which the next write compacts everything into a snapshot. */
  compactAfter: number;
  /** Loaded first, unjournaled: the seed dataset; the snapshot and journal are replayed over it. */
  base?: GraphRows | undefined;
  warn?: (message: string) => void;
}

export class DurableMemoryStore extends MemoryStore {
  override readonly kind = 'embedded (durable)';
  private readonly journal: Journal;
  private readonly compactAfter: number;
  /**
   * Writes run one at a time, so the journal's order is the order they were applied in. Kept in an object so
   * per-request views (withDeadline) share the one queue.
   */
  private readonly writes: { queue: Promise<unknown> } = { queue: Promise.resolve() };

  private constructor(journal: Journal, compactAfter: number) {
    super();
    this.journal = journal;
    this.compactAfter = compactAfter;
  }

  static async open(options: DurableOptions): Promise<DurableMemoryStore> {
    const store = new DurableMemoryStore(new Journal(options.dir), options.compactAfter);
    if (options.base) await MemoryStore.prototype.load.call(store, options.base);
    const { snapshot, entries, droppedTail } = store.journal.recover();
    if (droppedTail !== null)
      options.warn?.(`liner: dropped a torn last journal record in ${options.dir} (never acknowledged): "${droppedTail}…"`);
    if (snapshot) await MemoryStore.prototype.load.call(store, snapshot);
    for (const entry of entries)
      if (entry.op === 'load') await MemoryStore.prototype.load.call(store, entry.rows);
      else await MemoryStore.prototype.write.call(store, entry.batch);
    if (entries.length >= options.compactAfter) await store.compact();
    return store;
  }

  override load(rows: GraphRows): Promise<LoadSummary> {
    return this.serially(async () => {
      this.checkWrite(rows);
      this.journal.append({ op: 'load', rows });
      return super.load(rows);
    });
  }

  override write(batch: WriteBatch): Promise<WriteResult> {
    return this.serially(async () => {
      this.checkWrite(batch);
      this.journal.append({ op: 'write', batch });
      return super.write(batch);
    });
  }

  override async close(): Promise<void> {
    await this.writes.queue.catch(() => undefined);
    this.journal.close();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.queue.then(async () => {
      const result = await work();
      if (this.journal.size >= this.compactAfter) await this.compact();
      return result;
    });
    this.writes.queue = run.catch(() => undefined);
    return run;
  }

  private async compact(): Promise<void> {
    const nodes: NodeRow[] = [];
    const rels: RelRow[] = [];
    for await (const batch of this.streamNodes(10_000)) nodes.push(...batch);
    for await (const batch of this.streamRelationships(10_000)) rels.push(...batch);
    this.journal.compact({ nodes, rels });
  }
}
