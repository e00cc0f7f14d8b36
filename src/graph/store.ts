// The GraphStore port's records, errors and role interfaces: every question the API asks, answered by either adapter,
// batch-first and in key order.
import type {
  ASSOCIATION_TYPES,
  DocumentKind,
  IdentifierScheme,
  PersonKind,
  Role,
  WORK_LINK_TYPES,
  WorkKind,
} from '../dataset/format.ts';
import type { NodeLabel, NodeRow, Props, RelRow } from './rows.ts';

export type AssociationType = (typeof ASSOCIATION_TYPES)[number];
export type WorkLinkType = (typeof WORK_LINK_TYPES)[number];

export interface SourceRecord {
  document: string;
  citations: string[];
  quote: string;
}

interface Sourced {
  sources: SourceRecord[];
}

export interface PersonRecord extends Sourced {
  slug: string;
  name: string;
  isGroup: boolean;
  aliases: string[];
  birthDate: string | null;
  kind: PersonKind | null;
  gender: string | null;
  sortName: string | null;
  disambiguation: string | null;
  country: string | null;
  beginDate: string | null;
  endDate: string | null;
  ended: boolean | null;
  nationality: string | null;
  occupations: string[];
  genres: string[];
}

export interface WorkRecord extends Sourced {
  slug: string;
  title: string;
  kind: WorkKind;
  year: number | null;
  endYear: number | null;
  date: string | null;
  disambiguation: string | null;
  lengthMs: number | null;
  sales: string | null;
}

/** What a source adds to a relationship: when it held and the words it attaches (instruments, "lead vocals"). */
export interface Qualified {
  beginDate: string | null;
  endDate: string | null;
  attributes: string[];
}

export interface IdentifierRecord {
  scheme: IdentifierScheme;
  value: string;
  /** The identifier's page, where the scheme has one. */
  url: string | null;
}

/** Node labels that carry identifiers. */
export const IDENTIFIED_LABELS = ['Person', 'Work', 'Place', 'Organization', 'Award'] as const;
export type IdentifiedLabel = (typeof IDENTIFIED_LABELS)[number];

export interface PlaceRecord extends Sourced {
  slug: string;
  name: string;
}

export interface OrganizationRecord extends Sourced {
  slug: string;
  name: string;
  kind: string;
}

export interface DocumentRecord {
  slug: string;
  title: string;
  url: string | null;
  kind: DocumentKind | null;
  licence: string | null;
  /** The document's text, where Liner holds it. */
  text: string | null;
}

export interface AwardRecord extends Sourced {
  slug: string;
  name: string;
}

export interface AwardWinRecord extends Sourced {
  slug: string;
  awardSlug: string;
  category: string | null;
  year: number | null;
  note: string | null;
  workSlug: string | null;
  recipientSlugs: string[];
}

export interface ClaimRecord {
  statement: string;
  source: SourceRecord;
}

export interface ConflictRecord {
  slug: string;
  description: string;
  claims: ClaimRecord[];
  about: { label: NodeLabel; slug: string }[];
}

export interface CreditRecord extends Sourced, Qualified {
  person: PersonRecord;
  work: WorkRecord;
  role: Role;
  detail: string | null;
  creditedAs: string | null;
}

export interface CollaboratorRecord {
  person: PersonRecord;
  /** The works both share, ordered by year then slug: the evidence for the link. */
  sharedWorks: WorkRecord[];
}

export interface WorkLinkRecord extends Sourced {
  type: WorkLinkType;
  work: WorkRecord;
  /** Where in the other work: "disc 1, track 3". */
  detail: string | null;
  attributes: string[];
}

export interface BirthPlaceRecord extends Sourced {
  place: PlaceRecord;
}

export interface AffiliationRecord extends Sourced {
  type: 'STUDIED_AT' | 'WORKED_AT' | 'TAUGHT_AT';
  organization: OrganizationRecord;
  role: string | null;
  detail: string | null;
  startYear: number | null;
  endYear: number | null;
  period: string | null;
}

export interface AssociationRecord extends Sourced, Qualified {
  type: AssociationType;
  /** OUT: this person is the `from` side (the mentor, the parent); IN: the `to` side. */
  direction: 'OUT' | 'IN';
  person: PersonRecord;
  detail: string | null;
}

export interface MembershipRecord extends Sourced, Qualified {
  /** OUT: this person is the member and `person` the group; IN: this is the group and `person` a member. */
  direction: 'OUT' | 'IN';
  person: PersonRecord;
  creditedAs: string | null;
}

/** An identifier as a catalogue writes it. */
export interface IdentifierKey {
  scheme: IdentifierScheme;
  value: string;
}

/** The node an identifier names, with its properties and the identifier node's own: what identity resolution merges. */
export interface IdentifiedNode {
  label: IdentifiedLabel;
  slug: string;
  props: Props;
  identifierProps: Props;
}

/** Conflicts narrowed down; every part given must hold. */
export interface ConflictFilter {
  /** Some claim is quoted from this document (a slug). */
  source?: string | undefined;
  /** Some claim is quoted from a document of this kind. */
  sourceKind?: DocumentKind | undefined;
  /** The conflict is about this node (a slug)… */
  about?: string | undefined;
  /** …or about a node of this label (with `about`: that node, of that label). */
  aboutLabel?: NodeLabel | undefined;
}

/** A node found by one of its identifiers. */
export interface NodeRef {
  label: IdentifiedLabel;
  slug: string;
}

export interface PathStepRecord {
  from: PersonRecord;
  work: WorkRecord;
  to: PersonRecord;
  fromRoles: Role[];
  toRoles: Role[];
}

export type SearchableLabel = 'Person' | 'Work' | 'Award' | 'Organization' | 'Place';

export interface SearchHitRecord {
  label: SearchableLabel;
  slug: string;
  /** The matched name or title. */
  name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageArgs {
  offset: number;
  limit: number;
}

export interface RoleFilter {
  /** Only these roles; undefined or empty means every role. */
  roles?: readonly Role[] | undefined;
}

/** Credits whose work is of a kind and within a year range (undated works drop out of a range). */
export interface CreditFilter extends RoleFilter {
  kind?: WorkKind | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
}

export interface RankedPersonRecord {
  person: PersonRecord;
  /** Credits held, or distinct collaborators, as the ranking asked. */
  count: number;
}

export type PeopleRanking = 'CREDITS' | 'COLLABORATORS';

export interface WorkFilter {
  kind?: WorkKind | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  search?: string | undefined;
}

export interface LoadSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  /** Existing nodes and relationships whose properties the load changed. */
  updated: number;
}

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Set properties on a node, creating it if need be, and add one source to its provenance unless already there. */
export interface NodeUpsert {
  label: NodeLabel;
  slug: string;
  set: Props;
  source?: SourceRecord | undefined;
}

/** A relationship between two existing nodes, identified by type, ends and key. */
export type RelRef = Omit<RelRow, 'props'>;

/** Set properties on such a relationship, creating it if need be, with a source as for nodes. */
export interface RelUpsert extends RelRef {
  set: Props;
  source?: SourceRecord | undefined;
}

/** One atomic change: every part lands, or none does. */
export interface WriteBatch {
  nodes?: NodeUpsert[];
  rels?: RelUpsert[];
  removeRels?: RelRef[];
}

export interface WriteResult {
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsRemoved: number;
  /** Existing nodes and relationships whose properties or sources changed. */
  updated: number;
}

/** A node with every relationship touching it, as stored (provenance lists included): what a merge moves. */
export interface NodeNeighbourhood {
  node: NodeRow;
  /** Ordered by type, then ends and key, as the export streams list them. */
  rels: RelRow[];
}

/** A node's name (or a work's title) and aliases: what duplicate candidates are blocked by. */
export interface NodeNames {
  slug: string;
  name: string;
  aliases: string[];
}

/** What a node is credited with, names only: a person's works and collaborators, or a work's credited people. */
export interface CreditedAround {
  /** A person's works, by slug (none for a work). */
  works: { slug: string; title: string; year: number | null }[];
  /** A person's collaborators, or the people credited on a work, by slug. */
  people: { slug: string; name: string }[];
}

/**
 * Whole rows replaced or removed in one atomic change, applied in this order: relationships removed, nodes removed
 * (which must have no relationship left), nodes put (properties replaced exactly, created if absent), relationships
 * put (likewise; both ends must exist). A merge and its undo are such changes.
 */
export interface RowChange {
  /**
   * The rows the change was planned from: each node's neighbourhood as read (null: the node must not exist). The
   * store locks those nodes inside the change's transaction and refuses with ConcurrentChangeError, changing
   * nothing, when any differs — so two servers planning from the same rows cannot both apply.
   */
  expect?: ExpectedNeighbourhood[];
  removeRels?: RelRef[];
  removeNodes?: { label: NodeLabel; slug: string }[];
  putNodes?: NodeRow[];
  putRels?: RelRow[];
}

export interface ExpectedNeighbourhood {
  label: NodeLabel;
  slug: string;
  as: NodeNeighbourhood | null;
}

/** A node a change was planned from changed before the change was applied (another server or request): nothing was changed. */
export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

/** A change would remove a node that still has relationships: nothing was changed. */
export class NodeStillLinkedError extends Error {
  override name = 'NodeStillLinkedError';
}

/** A relationship in a write points at a node that does not exist: nothing was written. */
export class MissingNodeError extends Error {
  readonly label: NodeLabel;
  readonly slug: string;
  constructor(label: NodeLabel, slug: string) {
    super(`no ${label} with slug "${slug}"`);
    this.name = 'MissingNodeError';
    this.label = label;
    this.slug = slug;
  }
}

/** When a request's work must stop: `at` for in-process loops, `signal` for the driver. */
export interface Deadline {
  at: number;
  signal: AbortSignal;
}

/** The request ran past its deadline; whatever it started in the store was stopped. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

/** The store cannot be reached (Neo4j down or restarting); the request may be retried. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** The disk holding the store's data is full: the write was refused and nothing of it was kept. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

/** The store cannot start, for a reason its message explains to whoever runs the server (no stack trace needed). */
export class StoreStartError extends Error {
  override name = 'StoreStartError';
}

export interface RecordByLabel {
  Person: PersonRecord;
  Work: WorkRecord;
  Place: PlaceRecord;
  Organization: OrganizationRecord;
  Award: AwardRecord;
  AwardWin: AwardWinRecord;
  Conflict: ConflictRecord;
  Document: DocumentRecord;
}
export type LookupLabel = keyof RecordByLabel;

/** The port, by role (src/graph/port/roles.ts): callers take the narrowest role they need. */
export type {
  GraphAlgorithms,
  GraphReads,
  GraphStore,
  GraphStreams,
  GraphWrites,
  IdentityReads,
  PlanRunner,
  StoreLifecycle,
} from './port/roles.ts';

/**
 * The order credits list roles in on a work: the artists and performers first, then the people behind the desk,
 * then the writers, then the artwork. The article's roles keep their order among themselves.
 */
const ROLE_ORDER: readonly Role[] = [
  'PRIMARY_ARTIST',
  'FEATURED_ARTIST',
  'PERFORMER',
  'VOCALIST',
  'INSTRUMENTALIST',
  'CONDUCTOR',
  'CHORUS_MASTER',
  'PRODUCER',
  'CO_PRODUCER',
  'EXECUTIVE_PRODUCER',
  'ASSISTANT_PRODUCER',
  'ENGINEER',
  'RECORDING_ENGINEER',
  'ASSISTANT_ENGINEER',
  'AUDIO_ENGINEER',
  'SOUND_ENGINEER',
  'MIXER',
  'DJ_MIXER',
  'REMIXER',
  'PROGRAMMER',
  'MASTERING_ENGINEER',
  'ARRANGER',
  'ORCHESTRATOR',
  'COMPOSER',
  'SONGWRITER',
  'LYRICIST',
  'LIBRETTIST',
  'TRANSLATOR',
  'DIRECTOR',
  'EDITOR',
  'PHOTOGRAPHER',
  'DESIGNER',
  'ILLUSTRATOR',
  'LINER_NOTES',
  'CONTRIBUTOR',
];
export const ROLE_RANK = Object.fromEntries(ROLE_ORDER.map((role, i) => [role, i])) as Record<Role, number>;
