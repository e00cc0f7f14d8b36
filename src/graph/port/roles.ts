// The GraphStore port in narrow roles: each caller takes the role it needs (the loaders GraphReads, the exporters
// GraphStreams, the merge tools IdentityReads and GraphWrites), and a store implements their intersection, GraphStore.
import type { IdentifierScheme } from '../../dataset/format.ts';
import type { PlanArgs, PlanResultByRoot, PlanRoot, ReadPlan } from '../../plan/plan.ts';
import type { HopName } from '../hops.ts';
import type { GraphRows, NodeLabel, NodeRow, Props, RelRow } from '../rows.ts';
import type {
  CollaboratorRecord,
  ConflictFilter,
  ConflictRecord,
  CreditedAround,
  CreditFilter,
  CreditRecord,
  Deadline,
  DocumentRecord,
  GraphCounts,
  IdentifiedNode,
  IdentifierKey,
  LoadSummary,
  LookupLabel,
  NodeNames,
  NodeNeighbourhood,
  NodeRef,
  Page,
  PageArgs,
  PathStepRecord,
  PeopleRanking,
  PersonRecord,
  RankedPersonRecord,
  RecordByLabel,
  RelRef,
  RoleFilter,
  RowChange,
  SearchHitRecord,
  WorkFilter,
  WorkRecord,
  WriteBatch,
  WriteResult,
} from '../store.ts';
import type { HopRow } from './hop-rows.ts';

/** What a GraphQL field asks: batch reads by key for the loaders, in key order, and the lists and search. */
export interface GraphReads {
  nodesBySlug<L extends LookupLabel>(label: L, slugs: readonly string[]): Promise<(RecordByLabel[L] | null)[]>;
  /**
   * The rows of one allow-listed one-hop list (src/graph/hops.ts) for each start node of label `from`, in key order,
   * unsorted: the records are built and sorted above the port (`readHop`). A hop or label outside the table throws.
   */
  hops(hop: HopName, from: NodeLabel, slugs: readonly string[]): Promise<HopRow[][]>;
  creditsOfPeople(slugs: readonly string[], filter: CreditFilter, page: PageArgs): Promise<Page<CreditRecord>[]>;
  creditsOfWorks(slugs: readonly string[], filter: RoleFilter): Promise<CreditRecord[][]>;
  collaboratorsOf(slugs: readonly string[], filter: RoleFilter, page: PageArgs): Promise<Page<CollaboratorRecord>[]>;
  listPeople(search: string | undefined, page: PageArgs): Promise<Page<PersonRecord>>;
  listWorks(filter: WorkFilter, page: PageArgs): Promise<Page<WorkRecord>>;
  listDocuments(page: PageArgs): Promise<Page<DocumentRecord>>;
  search(text: string, limit: number): Promise<SearchHitRecord[]>;
  /** The people with the most credits (in `roles`), or the most collaborators on works they hold such a credit on. */
  topPeople(by: PeopleRanking, filter: RoleFilter, limit: number): Promise<RankedPersonRecord[]>;
  /** The node an identifier names, if any. */
  nodeByIdentifier(scheme: IdentifierScheme, value: string): Promise<NodeRef | null>;
  /** Conflicts by slug, all of them or those the filter keeps. */
  conflicts(filter?: ConflictFilter): Promise<ConflictRecord[]>;
}

/** A root field answered in one query. Optional: a store without it answers every field through GraphReads. */
export interface PlanRunner {
  /** One root field's read plan (src/plan/plan.ts) answered in one query, with only the selected properties read. */
  runPlan?(plan: ReadPlan, args: PlanArgs): Promise<PlanResultByRoot[PlanRoot]>;
}

/** Questions over the whole credit graph rather than one hop. */
export interface GraphAlgorithms {
  /** People other than `of` who share a work with every one of them, with their role on it in `roles`. */
  commonCollaborators(of: readonly string[], filter: RoleFilter): Promise<CollaboratorRecord[]>;
  /** Fewest person→work→person hops; ties broken by the smallest sequence of slugs. */
  shortestPath(from: string, to: string, maxHops: number): Promise<PathStepRecord[] | null>;
}

/** Everything as stored, for exports and /health. */
export interface GraphStreams {
  counts(): Promise<GraphCounts>;
  /**
   * Every node, then every relationship, in batches ordered by label/type then slugs, for exports. Properties are
   * as loaded (provenance lists included); Neo4j's internal `slug` and `key` properties are left out.
   */
  streamNodes(batchSize?: number): AsyncIterable<NodeRow[]>;
  streamRelationships(batchSize?: number): AsyncIterable<RelRow[]>;
}

/** What identity resolution and the merge tools read: nodes and relationships as stored, names, identifiers. */
export interface IdentityReads {
  /** For each identifier, the node it names (null where none), in key order: identity resolution's batch lookup. */
  nodesByIdentifiers(keys: readonly IdentifierKey[]): Promise<(IdentifiedNode | null)[]>;
  /** Each relationship's properties as stored (null where absent), in key order, so a load can union sources. */
  relationshipProps(refs: readonly RelRef[]): Promise<(Props | null)[]>;
  /**
   * Every node of the label with its name (or title) and aliases, in slug order; with `slugs`, only those nodes (the
   * missing left out), as the duplicate index refreshes the nodes a write touched.
   */
  namesOf(label: 'Person' | 'Work', slugs?: readonly string[]): Promise<NodeNames[]>;
  /** Each node as stored with every relationship touching it; null for a slug with no such node. */
  neighbourhoods(label: NodeLabel, slugs: readonly string[]): Promise<(NodeNeighbourhood | null)[]>;
  /** Each node's works and people over CREDITED, names only (duplicate evidence); empty for a missing node. */
  creditedAround(label: 'Person' | 'Work', slugs: readonly string[]): Promise<CreditedAround[]>;
  /** Every node of the label as stored, in slug order (merge records). */
  nodeRows(label: NodeLabel): Promise<NodeRow[]>;
}

/** Every change to the data goes through one of these, atomically. */
export interface GraphWrites {
  /** Merge rows idempotently: loading the same rows twice changes nothing. All or nothing. */
  load(rows: GraphRows): Promise<LoadSummary>;
  /** Apply one batch of upserts and removals atomically; MissingNodeError when a relationship's end is absent. */
  write(batch: WriteBatch): Promise<WriteResult>;
  /** Apply a RowChange atomically; MissingNodeError or NodeStillLinkedError, and nothing changed, when it cannot. */
  applyChange(change: RowChange): Promise<void>;
}

/** The store as a running thing: what it is, whether it answers, and its per-request view. */
export interface StoreLifecycle {
  /** "embedded" or "neo4j": shown by /health and the logs. */
  readonly kind: string;
  /** The same store, for one request: its work stops at the deadline with DeadlineExceededError. */
  withDeadline(deadline: Deadline): GraphStore;
  isEmpty(): Promise<boolean>;
  /** Throws when the store cannot answer; used by /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The whole port: what an adapter implements (neo4j-store.ts, memory-store.ts, durable-store.ts). */
export interface GraphStore
  extends GraphReads,
    PlanRunner,
    GraphAlgorithms,
    GraphStreams,
    IdentityReads,
    GraphWrites,
    StoreLifecycle {}
