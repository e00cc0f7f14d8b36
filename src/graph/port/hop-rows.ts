// What an adapter answers for one allow-listed hop: raw rows, no records. The hop table (src/graph/hops.ts) says
// which hops exist and how their rows become records; this file is the part of it the port and adapters share.
import type { NodeLabel, Props, RelType } from '../rows.ts';

/** A node a hop row's end node links to (an award win's award, a conflict's claims): what its record needs. */
export interface LinkedNode {
  label: NodeLabel;
  slug: string;
  /** Its properties as stored, when the link asks for them; empty otherwise. */
  props: Props;
}

/** One relationship of a hop, seen from its start node. */
export interface HopRow {
  /** The relationship's type: a hop may cover several (work links, affiliations, associations). */
  type: RelType;
  /** True when the start node is the relationship's start: both-way hops (memberships, associations) need it. */
  outgoing: boolean;
  /** The relationship's properties as stored (the Neo4j adapter's may also hold its internal `key`). */
  rel: Props;
  /** The node at the other end: its slug and properties as stored (Neo4j's may also hold `slug`). */
  slug: string;
  props: Props;
  /** The start node's properties the hop names in `startProps` (an absent one left out, or null on Neo4j). */
  start: Props;
  /** The end node's links the hop names in `links`, by link name, in no particular order. */
  links: Record<string, LinkedNode[]>;
}

/** One link of a hop's end node, followed one relationship further. */
export interface LinkShape {
  type: RelType;
  direction: 'out' | 'in';
  /** The linked node's label; undefined for any label (what a conflict is about). */
  to?: NodeLabel;
  /** Whether the linked node's properties are read (a claim's statement) or only its label and slug. */
  props?: boolean;
}

/**
 * What an adapter needs of a hop to read it: from which labels, over which relationship types in which direction,
 * to which label, plus the start node's properties and the end node's links its records are built from.
 */
export interface HopShape {
  /** The start labels the hop may be asked from; the first is the default. */
  from: readonly NodeLabel[];
  types: readonly RelType[];
  /** `both`: either way, each row saying which (`outgoing`). */
  direction: 'out' | 'in' | 'both';
  to: NodeLabel;
  startProps?: readonly string[];
  links?: Readonly<Record<string, LinkShape>>;
}
