// The Neo4j adapter: each port method is one parameterised statement from cypher/, batched over its keys.
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { IdentifierScheme, Role } from '../../dataset/format.ts';
import { identifierSlug, searchTokens } from '../../dataset/slug.ts';
import type { PlanArgs, PlanResultByRoot, PlanRoot, ReadPlan } from '../../plan/plan.ts';
import { planResult, type Row } from '../../plan/planned.ts';
import { BookmarkRejectedError } from '../../request-bookmarks.ts';
import { checkExpected } from '../expected-rows.ts';
import { groupBy, lastOfEach } from '../grouping.ts';
import { awardWinFromLinks, conflictFromLinks, type HopName } from '../hops.ts';
import type { HopRow, LinkedNode } from '../port/hop-rows.ts';
import {
  compareCreditsOnWork,
  compareRelRows,
  compareStrings,
  compareWorks,
  creditRecord,
  documentRecord,
  personRecord,
  simpleRecord,
  workRecord,
} from '../records.ts';
import {
  type GraphRows,
  NODE_LABELS,
  type NodeLabel,
  type NodeRow,
  type Props,
  REL_TYPES,
  type RelRow,
  type RelType,
} from '../rows.ts';
import { luceneQuery, SEARCHABLE_LABELS } from '../search.ts';
import {
  type AwardWinRecord,
  type CollaboratorRecord,
  type ConflictFilter,
  type ConflictRecord,
  type CreditedAround,
  type CreditFilter,
  type CreditRecord,
  type Deadline,
  DeadlineExceededError,
  type DocumentRecord,
  type ExpectedNeighbourhood,
  type GraphCounts,
  type GraphStore,
  IDENTIFIED_LABELS,
  type IdentifiedLabel,
  type IdentifiedNode,
  type IdentifierKey,
  type LoadSummary,
  type LookupLabel,
  MissingNodeError,
  type NodeNames,
  type NodeNeighbourhood,
  type NodeRef,
  NodeStillLinkedError,
  type Page,
  type PageArgs,
  type PathStepRecord,
  type PeopleRanking,
  type PersonRecord,
  type RankedPersonRecord,
  type RecordByLabel,
  type RelRef,
  type RelUpsert,
  ROLE_RANK,
  type RoleFilter,
  type RowChange,
  type SearchHitRecord,
  type SourceRecord,
  StoreUnavailableError,
  type WorkFilter,
  type WorkRecord,
  type WriteBatch,
  type WriteResult,
} from '../store.ts';
import { countStoreCounts } from './count-store.ts';
import { cypher } from './cypher-files.ts';
import { hopCypher } from './hop-cypher.ts';
import { planCypher, planParameters } from './plan-cypher.ts';
import { sessionBookmarks } from './session-bookmarks.ts';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /**
   * Rows (nodes and relationships) above which a load into an empty database commits batch by batch instead of in
   * one transaction, which Neo4j cannot hold in memory at a million relationships. Default 100 000.
   */
  bulkRows?: number;
}

type Bag = Record<string, unknown>;
const LOAD_BATCH = 2000;
/**
 * Rows per statement when creating into an empty database: fewer round trips than LOAD_BATCH. At 1M credits Neo4j
 * spent 68 s of CPU with 5 000, 85 s with 10 000 and 108 s with 50 000: a big transaction's state costs more per row.
 */
const BULK_BATCH = 5_000;
/** Keys per identity-resolution lookup: one seek each, so big batches cost little more than small ones per key. */
const IDENTITY_BATCH = 10_000;

/** Integral numbers go to Neo4j as integers, not floats: list slices and years need them so. */
function toParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParams(v)]));
  return value;
}

/** A relationship as a statement returns it (type, end labels and slugs, key, props) back as a row. */
function relRowOf(r: Bag): RelRow {
  return {
    type: r.type as RelType,
    fromLabel: r.fromLabel as NodeLabel,
    from: String(r.from),
    toLabel: r.toLabel as NodeLabel,
    to: String(r.to),
    key: String(r.key ?? ''),
    props: withoutKeys(r.props as Props, 'key'),
  };
}

/** One statement of a load: a batch of node or relationship rows for one label or one relationship type. */
interface LoadStep {
  query: string;
  rows: Bag[];
  /** The label, for node batches: a bulk batch answers the ids of the nodes it made, kept under this label. */
  label?: NodeLabel;
  /** The relationship type, for relationship batches: a batch whose ends are not all found is refused. */
  relationshipType?: string;
}

/** A node's place in the map of ids a bulk load keeps: one slug can name nodes of different labels. */
const nodeKey = (label: string, slug: string) => `${label}|${slug}`;

/**
 * The node statements of a load. `bulk` (an empty database) CREATEs in big batches, keeping the last of any repeated
 * row as MERGE would; otherwise rows are MERGEd and compared in smaller batches.
 */
function* nodeSteps(rows: GraphRows, bulk: boolean): Iterable<LoadStep> {
  const size = bulk ? BULK_BATCH : LOAD_BATCH;
  const nodes = bulk ? lastOfEach(rows.nodes, (n) => nodeKey(n.label, n.slug)) : rows.nodes;
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    const query = cypher(bulk ? 'load/create-nodes' : 'load/merge-nodes', { __LABEL__: label });
    for (let i = 0; i < group.length; i += size)
      yield {
        query,
        label: label as NodeLabel,
        rows: group.slice(i, i + size).map((n) => ({ slug: n.slug, props: { ...n.props, slug: n.slug } })),
      };
  }
}

/**
 * The relationship statements of a load, after its nodes. In bulk, ends are given by the element ids the node
 * batches answered (`ids`): a seek by id instead of a unique-index seek by slug per end, which was 15 % of Neo4j's
 * time at 1M. An end the load did not create has no id, matches nothing, and so fails the load as before.
 */
function* relSteps(rows: GraphRows, ids: Map<string, string> | null): Iterable<LoadStep> {
  const bulk = ids !== null;
  const size = bulk ? BULK_BATCH : LOAD_BATCH;
  const rels = bulk
    ? lastOfEach(rows.rels, (r) => `${r.type}|${r.fromLabel}|${r.from}|${r.toLabel}|${r.to}|${r.key}`)
    : rows.rels;
  for (const group of groupBy(rels, (rel) => `${rel.type}|${rel.fromLabel}|${rel.toLabel}`).values()) {
    const first = group[0] as RelRow;
    const fill = { __TYPE__: first.type, __FROM__: first.fromLabel, __TO__: first.toLabel };
    const query = cypher(bulk ? 'load/create-relationships' : 'load/merge-relationships', fill);
    for (let i = 0; i < group.length; i += size) {
      const batch = group.slice(i, i + size);
      yield {
        query,
        relationshipType: first.type,
        rows: ids
          ? batch.map((r) => ({
              from: ids.get(nodeKey(r.fromLabel, r.from)) ?? null,
              to: ids.get(nodeKey(r.toLabel, r.to)) ?? null,
              props: { ...r.props, key: r.key },
            }))
          : batch.map((r) => ({ from: r.from, to: r.to, key: r.key, props: { ...r.props, key: r.key } })),
      };
    }
  }
}

/** Keep the ids a bulk node batch answered, by label and slug, for the relationship batches. */
function remember(ids: Map<string, string>, step: LoadStep, result: Bag): void {
  const slugs = (result.slugs as string[] | undefined) ?? [];
  const elementIds = (result.ids as string[] | undefined) ?? [];
  for (let i = 0; i < slugs.length; i++) ids.set(nodeKey(step.label as string, slugs[i] as string), elementIds[i] as string);
}

/** Add one statement's counts to the summary; a relationship row whose ends are missing fails the whole load. */
function count(summary: LoadSummary, step: LoadStep, result: Bag): void {
  if (step.relationshipType === undefined) {
    summary.nodesCreated += Number(result.created ?? 0);
    summary.updated += Number(result.updated ?? 0);
    return;
  }
  // Such a row matches nothing and would vanish silently; refuse the whole load instead.
  const matched = Number(result.matched ?? 0);
  if (matched !== step.rows.length)
    throw new Error(`load: ${step.rows.length - matched} ${step.relationshipType} relationship(s) point at missing nodes`);
  // CREATE statements report what they matched, and created all of it; MERGE statements say what was new.
  summary.relationshipsCreated += result.created === undefined ? matched : Number(result.created);
  summary.updated += Number(result.updated ?? 0);
}

/** Group rows by a key, then answer in key order: the order and length a DataLoader expects. */
function inKeyOrder<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

const slugOf = (props: Bag) => String(props.slug);
/** Neo4j keeps a node's slug and a relationship's merge key as properties; rows carry them beside the props. */
const withoutKeys = (props: Props, key: string): Props => Object.fromEntries(Object.entries(props).filter(([k]) => k !== key));
const person = (props: Bag) => personRecord(slugOf(props), props);
const work = (props: Bag) => workRecord(slugOf(props), props);
const rolesFilter = (filter: RoleFilter) => (filter.roles && filter.roles.length > 0 ? [...filter.roles] : null);
const byRank = (roles: Role[]) => [...roles].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

/** A conflict as read/conflicts answers it: its claims' properties and its subjects, made into links. */
function conflictRecord(row: Bag): ConflictRecord {
  return conflictFromLinks(
    String(row.slug),
    { description: String(row.description) },
    {
      claims: (row.claims as Props[]).map((props) => ({ label: 'Claim', slug: '', props })),
      about: (row.about as { label: NodeLabel; slug: string }[]).map((a) => ({ ...a, props: {} })),
    },
  );
}

/** An award win as read/award-wins-by-slug answers it, its links by slug. */
function awardWinFrom(row: Bag): AwardWinRecord {
  const props = row.props as Props;
  const linked = (label: NodeLabel, slug: unknown) => (typeof slug === 'string' ? [{ label, slug, props: {} }] : []);
  return awardWinFromLinks(slugOf(props), props, {
    award: linked('Award', row.award),
    work: linked('Work', row.work),
    recipients: ((row.recipients as string[]) ?? []).map((slug) => ({ label: 'Person', slug, props: {} })),
  });
}

/** Driver failures a client should see as "unavailable" or "too slow" rather than as an internal error. */
function translate(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')
    return new StoreUnavailableError(`Neo4j is unavailable: ${error.message}`, { cause: error });
  if (
    error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    error.code.includes('TransactionMarkedAsFailed')
  )
    return new DeadlineExceededError(`Neo4j stopped the transaction at the deadline: ${error.message}`, { cause: error });
  if (error.code === 'Neo.ClientError.Transaction.InvalidBookmark')
    return new BookmarkRejectedError(`Neo4j refused the X-Liner-Bookmark: ${error.message}`, { cause: error });
  return error;
}

/** An iterator whose failures are translated like every other driver failure. */
function guarded<T>(iterator: AsyncIterator<T>): AsyncIterator<T> {
  return {
    next: async () => {
      try {
        return await iterator.next();
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

/**
 * The driver captures its caller's stack trace for every result, to graft onto a later error; formatting it was
 * about half of a one-statement read's client CPU under GraphQL's resolvers, whose async stacks are deep
 * (bench/RESULTS.md). The result is made with no frames to capture: a failed read's error then carries its name and
 * message without a stack, and is translated into this adapter's own errors and logged with its GraphQL path anyway.
 */
function withoutCallSite<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

async function translated<T>(work: () => Promise<T>, deadline: Deadline | null): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (deadline?.signal.aborted) throw new DeadlineExceededError('deadline passed', { cause: error });
    throw translate(error);
  }
}

/** Nodes as stored with every relationship touching them, in key order (null where absent). */
function neighbourhoodsOf(label: NodeLabel, slugs: readonly string[], rows: Bag[]): (NodeNeighbourhood | null)[] {
  return inKeyOrder(slugs, rows, (r) => String(r.slug)).map(([row]) => {
    if (!row) return null;
    const rels = (row.rels as Bag[]).map(relRowOf);
    return {
      node: { label, slug: String(row.slug), props: withoutKeys(row.props as Props, 'slug') },
      rels: rels.sort(compareRelRows),
    };
  });
}

/** Lock the nodes a change was planned from, then refuse it (ConcurrentChangeError) if any changed since it was read. */
async function checkExpectedIn(tx: ManagedTransaction, expect: readonly ExpectedNeighbourhood[]): Promise<void> {
  const now = new Map<string, NodeNeighbourhood | null>();
  for (const [label, expected] of groupBy(expect, (e) => e.label) as Map<NodeLabel, ExpectedNeighbourhood[]>) {
    const slugs = [...new Set(expected.map((e) => e.slug))].sort(compareStrings);
    await tx.run(cypher('write/lock-nodes', { __LABEL__: label }), { slugs });
    const read = await tx.run(cypher('read/neighbourhoods', { __LABEL__: label }), { slugs, labels: NODE_LABELS });
    const rows = read.records.map((r) => r.toObject() as Bag);
    neighbourhoodsOf(label, slugs, rows).forEach((n, i) => now.set(`${label}:${slugs[i]}`, n));
  }
  checkExpected(
    expect,
    expect.map((e) => now.get(`${e.label}:${e.slug}`) ?? null),
  );
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j';
  /** Its own: tests that need raw statements open a driver of their own (tests/neo4j/neo4j-env.ts). */
  private readonly driver: Driver;
  private readonly database: string;
  private readonly bulkRows: number;
  private deadline: Deadline | null = null;

  constructor(options: Neo4jOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      // Fail fast when Neo4j is down: a refused connection is retried for at most 2 s, then the request fails.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 2_000,
    });
    this.database = options.database;
    this.bulkRows = options.bulkRows ?? 100_000;
  }

  /** Constraints and the full-text index, idempotently. */
  async applySchema(): Promise<void> {
    for (const label of NODE_LABELS)
      await this.writeQuery(
        cypher('schema/create-slug-constraint', { __LABEL__: label, __NAME__: `${label.toLowerCase()}_slug` }),
      );
    await this.buildSearchIndex();
  }

  /** A view for one request: its queries carry the deadline as an abort signal and a transaction timeout. */
  withDeadline(deadline: Deadline): GraphStore {
    const view = Object.create(this) as Neo4jStore;
    view.deadline = deadline;
    return view;
  }

  private transactionConfig() {
    return this.deadline ? { timeout: Math.max(1, Math.ceil(this.deadline.at - Date.now())) } : undefined;
  }

  /**
   * One read statement in an auto-commit transaction: RUN and PULL in one round trip. The driver's managed
   * transactions (executeQuery) add BEGIN, COMMIT and bookmark handling, about twice the client CPU per statement,
   * for retries a single read seldom needs; a failure the driver calls retriable (a connection gone stale across a
   * Neo4j restart) is tried once more instead. The deadline closes the session, as executeQuery does with a signal.
   */
  private async read(query: string, params: Bag = {}): Promise<Bag[]> {
    const parameters = toParams(params) as Bag;
    const once = async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: sessionBookmarks('read'),
      });
      const signal = this.deadline?.signal;
      const stop = () => void session.close();
      signal?.addEventListener('abort', stop);
      try {
        signal?.throwIfAborted();
        const result = withoutCallSite(() => session.run(query, parameters, this.transactionConfig()));
        return (await result).records.map((r) => r.toObject());
      } finally {
        signal?.removeEventListener('abort', stop);
        await session.close();
      }
    };
    return translated(async () => {
      try {
        return await once();
      } catch (error) {
        if (!(error instanceof Neo4jError) || !error.retriable || this.deadline?.signal.aborted) throw error;
        return await once();
      }
    }, this.deadline);
  }

  private async writeQuery(query: string, params: Bag = {}): Promise<Bag[]> {
    const result = await translated(
      () => this.driver.executeQuery(query, toParams(params) as Bag, { database: this.database }),
      this.deadline,
    );
    return result.records.map((r) => r.toObject());
  }

  async ping(): Promise<void> {
    await this.read(cypher('admin/ping'));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.read(cypher('admin/is-empty'));
    return row?.empty === true;
  }

  /** The same counts from Neo4j's count store, without reading a node: what a bulk import checks at millions of rows. */
  storedCounts(): Promise<GraphCounts> {
    return countStoreCounts((query) => this.read(query));
  }

  async counts(): Promise<GraphCounts> {
    const nodes = await this.read(cypher('admin/count-nodes'));
    const rels = await this.read(cypher('admin/count-relationships'));
    return {
      nodes: Object.fromEntries(nodes.map((r) => [String(r.label), Number(r.count)])),
      relationships: Object.fromEntries(rels.map((r) => [String(r.type), Number(r.count)])),
    };
  }

  /**
   * Everything in one write transaction: a load either lands whole or not at all. Into an empty database (checked in
   * that transaction) the rows are CREATEd in big batches, since nothing can match yet; otherwise each row is MERGEd
   * and compared with what is there, so loading the same rows twice changes nothing.
   */
  async load(rows: GraphRows): Promise<LoadSummary> {
    if (rows.nodes.length + rows.rels.length > this.bulkRows && (await this.isEmpty())) return this.loadInBatches(rows);
    const session = this.driver.session({ database: this.database, bookmarkManager: sessionBookmarks('write') });
    try {
      return await translated(
        () =>
          session.executeWrite(async (tx) => {
            const summary: LoadSummary = { nodesCreated: 0, relationshipsCreated: 0, updated: 0 };
            const [empty] = (await tx.run(cypher('admin/is-empty'))).records.map((r) => r.toObject());
            const ids = empty?.empty === true ? new Map<string, string>() : null;
            const run = async (step: LoadStep) => {
              const result = (await tx.run(step.query, toParams({ rows: step.rows }) as Bag)).records[0]?.toObject() ?? {};
              if (ids && step.label) remember(ids, step, result);
              count(summary, step, result);
            };
            for (const step of nodeSteps(rows, ids !== null)) await run(step);
            for (const step of relSteps(rows, ids)) await run(step);
            return summary;
            // Under a request (importDataset) the transaction ends at its deadline, rolled back whole, as reads do.
          }, this.transactionConfig()),
        this.deadline,
      );
    } finally {
      await session.close();
    }
  }

  /**
   * A big load into an empty database: CREATE in batches, each batch its own transaction, so Neo4j never holds the
   * whole load in memory. All or nothing still holds for the end state, not while it runs: when a batch fails, every
   * node the load created is deleted again (with its relationships), so the database is left empty as it was found;
   * until then, readers can see part of the load, and search fails (its full-text index is dropped for the load and
   * rebuilt at the end, failed or not; a crash in between leaves it to the next applySchema).
   */
  private async loadInBatches(rows: GraphRows): Promise<LoadSummary> {
    const summary: LoadSummary = { nodesCreated: 0, relationshipsCreated: 0, updated: 0 };
    const ids = new Map<string, string>();
    const [search] = await this.read(cypher('load/has-search-index'));
    if (search?.exists === true) await this.writeQuery(cypher('load/drop-search-index'));
    // One batch at a time: two sessions in flight cost Neo4j more CPU (relationship batches share end nodes and
    // contend for their locks) and were no faster on two cores.
    const session = this.driver.session({ database: this.database, bookmarkManager: sessionBookmarks('write') });
    let failure: unknown = null;
    try {
      const run = async (step: LoadStep) => {
        const result = await translated(
          () =>
            session.executeWrite(
              async (tx) => (await tx.run(step.query, toParams({ rows: step.rows }) as Bag)).records[0]?.toObject() ?? {},
            ),
          null,
        );
        if (step.label) remember(ids, step, result);
        count(summary, step, result);
      };
      for (const step of nodeSteps(rows, true)) await run(step);
      for (const step of relSteps(rows, ids)) await run(step);
    } catch (error) {
      failure = await this.removeLoaded(rows).then(
        () => error,
        (cleanup: unknown) =>
          new Error(`load failed part-way (${String(error)}), and removing what it had written failed too`, {
            cause: cleanup,
          }),
      );
    } finally {
      await session.close();
    }
    // The index comes back whether the load landed or not; its failure never hides the load's own.
    const unindexed =
      search?.exists === true
        ? await this.buildSearchIndex().then(
            () => null,
            (e: unknown) => e,
          )
        : null;
    if (failure !== null) throw failure;
    if (unindexed !== null)
      throw new Error(
        `the load completed, but building the full-text search index failed (${String(unindexed)}); it is built again at the next start`,
        { cause: unindexed },
      );
    return summary;
  }

  /** Delete every node a failed bulk load created, with their relationships. */
  private async removeLoaded(rows: GraphRows): Promise<void> {
    const nodes = lastOfEach(rows.nodes, (n) => nodeKey(n.label, n.slug));
    for (const [label, group] of groupBy(nodes, (n) => n.label))
      for (let i = 0; i < group.length; i += BULK_BATCH)
        await this.writeQuery(cypher('load/delete-nodes', { __LABEL__: label }), {
          slugs: group.slice(i, i + BULK_BATCH).map((n) => n.slug),
        });
  }

  /** The full-text index (if it is not there) and every index online. */
  private async buildSearchIndex(): Promise<void> {
    await this.writeQuery(cypher('schema/create-search-index'));
    await this.read('CALL db.awaitIndexes(300)');
  }

  async *streamNodes(batchSize = 1000): AsyncIterable<NodeRow[]> {
    for await (const batch of this.stream(cypher('admin/stream-nodes'), { labels: NODE_LABELS }, batchSize))
      yield batch.map((r) => ({
        label: r.label as NodeLabel,
        slug: String(r.slug),
        props: withoutKeys(r.props as Props, 'slug'),
      }));
  }

  async *streamRelationships(batchSize = 1000): AsyncIterable<RelRow[]> {
    for await (const batch of this.stream(
      cypher('admin/stream-relationships'),
      { labels: NODE_LABELS, types: REL_TYPES },
      batchSize,
    ))
      yield batch.map(relRowOf);
  }

  /** Records as they arrive, in batches: the driver pulls more only as we consume, so memory stays bounded. */
  private async *stream(query: string, params: Bag, batchSize: number): AsyncIterable<Bag[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: batchSize,
      bookmarkManager: sessionBookmarks('read'),
    });
    try {
      let batch: Bag[] = [];
      const records = session.run(query, toParams(params) as Bag);
      for await (const record of { [Symbol.asyncIterator]: () => guarded(records[Symbol.asyncIterator]()) }) {
        batch.push(record.toObject());
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await session.close();
    }
  }

  /** One write transaction; the driver retries it whole on transient errors, so a retry never half-applies. */
  async write(batch: WriteBatch): Promise<WriteResult> {
    const session = this.driver.session({ database: this.database, bookmarkManager: sessionBookmarks('write') });
    try {
      return await translated(
        () =>
          session.executeWrite(async (tx) => {
            const result: WriteResult = { nodesCreated: 0, relationshipsCreated: 0, relationshipsRemoved: 0, updated: 0 };
            const run = async (query: string, rows: Bag[]) =>
              (await tx.run(query, toParams({ rows }) as Bag)).records.map((r) => r.toObject());
            const source = (s: SourceRecord | undefined) =>
              s ? { document: s.document, citations: s.citations.join(','), quote: s.quote } : null;
            for (const [label, nodes] of groupBy(batch.nodes ?? [], (n) => n.label)) {
              const [counts] = await run(
                cypher('write/upsert-nodes', { __LABEL__: label }),
                nodes.map((n) => ({ slug: n.slug, set: n.set, source: source(n.source) })),
              );
              result.nodesCreated += Number(counts?.created ?? 0);
              result.updated += Number(counts?.updated ?? 0);
            }
            for (const [, rels] of groupBy(batch.rels ?? [], (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`)) {
              const first = rels[0] as RelUpsert;
              const fill = { __FROM__: first.fromLabel, __TO__: first.toLabel };
              const rows = rels.map((r) => ({ from: r.from, to: r.to, key: r.key, set: r.set, source: source(r.source) }));
              const [missing] = await run(cypher('write/missing-ends', fill), rows);
              if (missing)
                throw new MissingNodeError(missing.fromMissing ? first.fromLabel : first.toLabel, String(missing.slug));
              const [counts] = await run(cypher('write/upsert-relationships', { ...fill, __TYPE__: first.type }), rows);
              result.relationshipsCreated += Number(counts?.created ?? 0);
              result.updated += Number(counts?.updated ?? 0);
            }
            for (const [, rels] of groupBy(batch.removeRels ?? [], (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`)) {
              const first = rels[0] as RelRef;
              const [counts] = await run(
                cypher('write/remove-relationships', { __FROM__: first.fromLabel, __TO__: first.toLabel, __TYPE__: first.type }),
                rels.map((r) => ({ from: r.from, to: r.to, key: r.key })),
              );
              result.relationshipsRemoved += Number(counts?.removed ?? 0);
            }
            return result;
          }, this.transactionConfig()),
        this.deadline,
      );
    } finally {
      await session.close();
    }
  }

  async namesOf(label: 'Person' | 'Work', slugs?: readonly string[]): Promise<NodeNames[]> {
    const rows =
      slugs === undefined
        ? await this.read(cypher('read/names-of', { __LABEL__: label }))
        : await this.read(cypher('read/names-of-slugs', { __LABEL__: label }), { slugs: [...new Set(slugs)] });
    return rows.map((r) => ({ slug: String(r.slug), name: String(r.name), aliases: (r.aliases as string[]).map(String) }));
  }

  async neighbourhoods(label: NodeLabel, slugs: readonly string[]): Promise<(NodeNeighbourhood | null)[]> {
    const rows = await this.read(cypher('read/neighbourhoods', { __LABEL__: label }), { slugs, labels: NODE_LABELS });
    return neighbourhoodsOf(label, slugs, rows);
  }

  async creditedAround(label: 'Person' | 'Work', slugs: readonly string[]): Promise<CreditedAround[]> {
    const statement = label === 'Person' ? 'read/credited-around-people' : 'read/credited-around-works';
    const rows = await this.read(cypher(statement), { slugs });
    const bySlug = (a: { slug: string }, b: { slug: string }) => compareStrings(a.slug, b.slug);
    return inKeyOrder(slugs, rows, (r) => String(r.slug)).map(([row]) => ({
      works: ((row?.works as Bag[] | undefined) ?? [])
        .map((w) => ({ slug: String(w.slug), title: String(w.title ?? ''), year: typeof w.year === 'number' ? w.year : null }))
        .sort(bySlug),
      people: ((row?.people as Bag[] | undefined) ?? [])
        .map((p) => ({ slug: String(p.slug), name: String(p.name ?? p.slug) }))
        .sort(bySlug),
    }));
  }

  async nodeRows(label: NodeLabel): Promise<NodeRow[]> {
    const rows = await this.read(cypher('read/node-rows', { __LABEL__: label }));
    return rows.map((r) => ({ label, slug: String(r.slug), props: withoutKeys(r.props as Props, 'slug') }));
  }

  /** One write transaction, in RowChange's order; the checks run inside it, so a refusal rolls everything back. */
  async applyChange(change: RowChange): Promise<void> {
    const session = this.driver.session({ database: this.database, bookmarkManager: sessionBookmarks('write') });
    try {
      await translated(
        () =>
          session.executeWrite(async (tx) => {
            const run = async (query: string, rows: Bag[]) =>
              (await tx.run(query, toParams({ rows }) as Bag)).records.map((r) => r.toObject());
            await checkExpectedIn(tx, change.expect ?? []);
            const byEnds = (rels: readonly RelRef[]) => groupBy(rels, (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`).values();
            for (const rels of byEnds(change.removeRels ?? [])) {
              const first = rels[0] as RelRef;
              await run(
                cypher('write/remove-relationships', { __FROM__: first.fromLabel, __TO__: first.toLabel, __TYPE__: first.type }),
                rels.map((r) => ({ from: r.from, to: r.to, key: r.key })),
              );
            }
            for (const [label, nodes] of groupBy(change.removeNodes ?? [], (n) => n.label)) {
              const rows = nodes.map((n) => ({ slug: n.slug }));
              const [linked] = await run(cypher('write/linked-nodes', { __LABEL__: label }), rows);
              if (linked)
                throw new NodeStillLinkedError(
                  `${label} "${String(linked.slug)}" still has a ${String(linked.type)} relationship`,
                );
              await run(cypher('write/delete-nodes', { __LABEL__: label }), rows);
            }
            for (const [label, nodes] of groupBy(change.putNodes ?? [], (n) => n.label))
              await run(
                cypher('load/merge-nodes', { __LABEL__: label }),
                nodes.map((n) => ({ slug: n.slug, props: { ...n.props, slug: n.slug } })),
              );
            for (const rels of byEnds(change.putRels ?? [])) {
              const first = rels[0] as RelRow;
              const fill = { __FROM__: first.fromLabel, __TO__: first.toLabel };
              const rows = (rels as RelRow[]).map((r) => ({
                from: r.from,
                to: r.to,
                key: r.key,
                props: { ...r.props, key: r.key },
              }));
              const [missing] = await run(cypher('write/missing-ends', fill), rows);
              if (missing)
                throw new MissingNodeError(missing.fromMissing ? first.fromLabel : first.toLabel, String(missing.slug));
              await run(cypher('load/merge-relationships', { ...fill, __TYPE__: first.type }), rows);
            }
          }, this.transactionConfig()),
        this.deadline,
      );
    } finally {
      await session.close();
    }
  }

  async nodesBySlug<L extends LookupLabel>(label: L, slugs: readonly string[]): Promise<(RecordByLabel[L] | null)[]> {
    if (label === 'AwardWin') {
      const rows = await this.read(cypher('read/award-wins-by-slug'), { slugs });
      return inKeyOrder(slugs, rows, (r) => String(r.slug)).map((g) => (g[0] ? awardWinFrom(g[0]) : null)) as (
        | RecordByLabel[L]
        | null
      )[];
    }
    if (label === 'Conflict') {
      const all = await this.conflicts();
      return slugs.map((s) => all.find((c) => c.slug === s) ?? null) as (RecordByLabel[L] | null)[];
    }
    const toRecord = simpleRecord[label as Exclude<LookupLabel, 'AwardWin' | 'Conflict'>];
    const rows = await this.read(cypher('read/nodes-by-slug', { __LABEL__: label }), { slugs });
    return inKeyOrder(slugs, rows, (r) => String(r.slug)).map((g) =>
      g[0] ? toRecord(String(g[0].slug), g[0].props as Bag) : null,
    ) as (RecordByLabel[L] | null)[];
  }

  async listPeople(search: string | undefined, page: PageArgs): Promise<Page<PersonRecord>> {
    if (search === undefined) {
      const [row] = await this.read(cypher('read/list-people-all'), { ...page });
      return { total: Number(row?.total ?? 0), items: ((row?.items as Bag[]) ?? []).map((i) => person(i.props as Bag)) };
    }
    const [row] = await this.read(cypher('read/list-people'), {
      tokens: search === undefined ? null : searchTokens(search),
      ...page,
    });
    return { total: Number(row?.total ?? 0), items: ((row?.items as Bag[]) ?? []).map((i) => person(i.props as Bag)) };
  }

  async listDocuments(page: PageArgs): Promise<Page<DocumentRecord>> {
    const [row] = await this.read(cypher('read/list-documents'), { ...page });
    return {
      total: Number(row?.total ?? 0),
      items: ((row?.items as Bag[]) ?? []).map((p) => documentRecord(slugOf(p), p)),
    };
  }

  async listWorks(filter: WorkFilter, page: PageArgs): Promise<Page<WorkRecord>> {
    if (
      filter.kind === undefined &&
      filter.yearFrom === undefined &&
      filter.yearTo === undefined &&
      filter.search === undefined
    ) {
      const [row] = await this.read(cypher('read/list-works-all'), { ...page });
      return { total: Number(row?.total ?? 0), items: ((row?.items as Bag[]) ?? []).map((i) => work(i.props as Bag)) };
    }
    const [row] = await this.read(cypher('read/list-works'), {
      kind: filter.kind ?? null,
      yearFrom: filter.yearFrom ?? null,
      yearTo: filter.yearTo ?? null,
      tokens: filter.search === undefined ? null : searchTokens(filter.search),
      ...page,
    });
    return { total: Number(row?.total ?? 0), items: ((row?.items as Bag[]) ?? []).map((i) => work(i.props as Bag)) };
  }

  async search(text: string, limit: number): Promise<SearchHitRecord[]> {
    const tokens = searchTokens(text);
    if (tokens.length === 0) return [];
    const rows = await this.read(cypher('read/search'), {
      lucene: luceneQuery(tokens),
      query: tokens.join(' '),
      labels: SEARCHABLE_LABELS,
      labelRank: Object.fromEntries(SEARCHABLE_LABELS.map((l, i) => [l, i])),
      limit,
    });
    return rows.map((r) => ({ label: r.label as SearchHitRecord['label'], slug: String(r.slug), name: String(r.name) }));
  }

  async creditsOfPeople(slugs: readonly string[], filter: CreditFilter, page: PageArgs): Promise<Page<CreditRecord>[]> {
    const rows = await this.read(cypher('read/credits-of-people'), {
      slugs,
      roles: rolesFilter(filter),
      kind: filter.kind ?? null,
      yearFrom: filter.yearFrom ?? null,
      yearTo: filter.yearTo ?? null,
      roleRank: ROLE_RANK,
      ...page,
    });
    return inKeyOrder(slugs, rows, (r) => String(r.slug)).map(([row]) => {
      if (!row?.person) return { items: [], total: 0 };
      const who = person(row.person as Bag);
      return {
        total: Number(row.total),
        items: (row.items as Bag[]).map((i) => {
          return creditRecord(who, work(i.work as Bag), i.credit as Bag);
        }),
      };
    });
  }

  async creditsOfWorks(slugs: readonly string[], filter: RoleFilter): Promise<CreditRecord[][]> {
    const rows = await this.read(cypher('read/credits-of-works'), { slugs, roles: rolesFilter(filter) });
    return inKeyOrder(slugs, rows, (r) => String(r.slug)).map(([row]) => {
      if (!row) return [];
      const credited = work(row.work as Bag);
      return (row.credits as Bag[])
        .map((item) => creditRecord(person(item.person as Bag), credited, item.credit as Bag))
        .sort(compareCreditsOnWork);
    });
  }

  async topPeople(by: PeopleRanking, filter: RoleFilter, limit: number): Promise<RankedPersonRecord[]> {
    const statement = by === 'CREDITS' ? 'read/top-people-by-credits' : 'read/top-people-by-collaborators';
    const rows = await this.read(cypher(statement), { roles: rolesFilter(filter), limit });
    return rows.map((r) => ({ person: person(r.person as Bag), count: Number(r.count) }));
  }

  async collaboratorsOf(slugs: readonly string[], filter: RoleFilter, page: PageArgs): Promise<Page<CollaboratorRecord>[]> {
    const rows = await this.read(cypher('read/collaborators-of'), { slugs, roles: rolesFilter(filter), ...page });
    return inKeyOrder(slugs, rows, (r) => String(r.slug)).map(([row]) => ({
      total: Number(row?.total ?? 0),
      items: ((row?.items as Bag[]) ?? []).map((i) => ({
        person: person(i.person as Bag),
        sharedWorks: (i.works as Bag[]).map(work).sort(compareWorks),
      })),
    }));
  }

  async commonCollaborators(of: readonly string[], filter: RoleFilter): Promise<CollaboratorRecord[]> {
    const rows = await this.read(cypher('read/common-collaborators'), { of, roles: rolesFilter(filter) });
    return rows.map((r) => ({ person: person(r.person as Bag), sharedWorks: (r.works as Bag[]).map(work).sort(compareWorks) }));
  }

  async shortestPath(from: string, to: string, maxHops: number): Promise<PathStepRecord[] | null> {
    if (from === to) return null;
    const rows = await this.read(cypher('read/shortest-path', { __MAX_LENGTH__: String(2 * maxHops) }), { from, to });
    if (rows.length === 0) return null;
    return rows.map((r) => ({
      from: person(r.fromPerson as Bag),
      work: work(r.work as Bag),
      to: person(r.toPerson as Bag),
      fromRoles: byRank(r.fromRoles as Role[]),
      toRoles: byRank(r.toRoles as Role[]),
    }));
  }

  /** One hop's rows (hop-cypher.ts), one statement for every start node; records are built above the port. */
  async hops(hop: HopName, from: NodeLabel, slugs: readonly string[]): Promise<HopRow[][]> {
    const rows = await this.read(hopCypher(hop, from), { slugs });
    return inKeyOrder(slugs, rows, (r) => String(r.start_slug)).map((group) =>
      group.map(
        (r): HopRow => ({
          type: r.type as RelType,
          outgoing: r.outgoing === true,
          rel: r.rel as Props,
          slug: String(r.slug),
          props: r.props as Props,
          start: r.start as Props,
          links: r.links as Record<string, LinkedNode[]>,
        }),
      ),
    );
  }

  async nodeByIdentifier(scheme: IdentifierScheme, value: string): Promise<NodeRef | null> {
    const [row] = await this.read(cypher('read/node-by-identifier'), {
      slug: identifierSlug(scheme, value),
      labels: IDENTIFIED_LABELS,
    });
    return row && typeof row.label === 'string' ? { label: row.label as IdentifiedLabel, slug: String(row.slug) } : null;
  }

  /** A root field's plan as one statement (plan-cypher.ts): only the selected properties cross the wire. */
  async runPlan(plan: ReadPlan, args: PlanArgs): Promise<PlanResultByRoot[PlanRoot]> {
    const rows = await this.read(planCypher(plan, args), planParameters(plan, args));
    return planResult(plan, rows as Row[]);
  }

  async conflicts(filter: ConflictFilter = {}): Promise<ConflictRecord[]> {
    const rows = await this.read(cypher('read/conflicts'), {
      source: filter.source ?? null,
      sourceKind: filter.sourceKind ?? null,
      about: filter.about ?? null,
      aboutLabel: filter.aboutLabel ?? null,
    });
    return rows.map(conflictRecord);
  }

  async nodesByIdentifiers(keys: readonly IdentifierKey[]): Promise<(IdentifiedNode | null)[]> {
    const found: (IdentifiedNode | null)[] = keys.map(() => null);
    for (let start = 0; start < keys.length; start += IDENTITY_BATCH) {
      const batch = keys
        .slice(start, start + IDENTITY_BATCH)
        .map((k, j) => ({ i: start + j, slug: identifierSlug(k.scheme, k.value) }));
      const rows = await this.read(cypher('identity/nodes-by-identifiers'), { keys: batch, labels: IDENTIFIED_LABELS });
      for (const row of rows)
        if (typeof row.label === 'string')
          found[Number(row.i)] = {
            label: row.label as IdentifiedLabel,
            slug: String(row.slug),
            props: withoutKeys(row.props as Props, 'slug'),
            identifierProps: withoutKeys(row.identifierProps as Props, 'slug'),
          };
    }
    return found;
  }

  async relationshipProps(refs: readonly RelRef[]): Promise<(Props | null)[]> {
    const found: (Props | null)[] = refs.map(() => null);
    const indexed = refs.map((ref, i) => ({ ref, i }));
    for (const group of groupBy(indexed, ({ ref }) => `${ref.type}|${ref.fromLabel}|${ref.toLabel}`).values()) {
      const { type, fromLabel, toLabel } = (group[0] as { ref: RelRef }).ref;
      const query = cypher('identity/relationship-props', { __TYPE__: type, __FROM__: fromLabel, __TO__: toLabel });
      for (let start = 0; start < group.length; start += IDENTITY_BATCH) {
        const rows = group
          .slice(start, start + IDENTITY_BATCH)
          .map(({ ref, i }) => ({ i, from: ref.from, to: ref.to, key: ref.key }));
        for (const row of await this.read(query, { rows })) found[Number(row.i)] = withoutKeys(row.props as Props, 'key');
      }
    }
    return found;
  }
}
