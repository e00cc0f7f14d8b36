// The graph an export writes: a projection's nodes and edges as async batches, with the attributes each may carry.

export type AttributeType = 'string' | 'int' | 'double' | 'boolean' | 'string[]';

export interface AttributeSpec {
  readonly name: string;
  readonly type: AttributeType;
}

export type AttributeValue = string | number | boolean | readonly string[];
/** An attribute left undefined is absent: formats write nothing for it rather than an empty value. */
export type Attributes = Readonly<Record<string, AttributeValue | undefined>>;

export interface ExportNode {
  readonly id: string;
  /** Always `type` (the node's label) and `slug`; the rest as declared by the graph. */
  readonly attributes: Attributes;
}

export interface ExportEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Always `type` (the relationship type, or the role in the bipartite projection). */
  readonly attributes: Attributes;
}

export interface ExportGraph {
  /** The projection's name, e.g. "collaboration": names the graph inside every format. */
  readonly name: string;
  readonly directed: boolean;
  /** Whether two nodes may be joined by more than one edge (several roles on one work). */
  readonly multigraph: boolean;
  readonly nodeAttributes: readonly AttributeSpec[];
  readonly edgeAttributes: readonly AttributeSpec[];
  /** Each call streams afresh, so a format may read nodes and edges in either order or only one of them. */
  nodes(): AsyncIterable<ExportNode[]>;
  edges(): AsyncIterable<ExportEdge[]>;
}

/** What a node is, in every projection that has such nodes. */
export const NODE_ATTRIBUTES = {
  type: { name: 'type', type: 'string' },
  slug: { name: 'slug', type: 'string' },
  name: { name: 'name', type: 'string' },
  kind: { name: 'kind', type: 'string' },
  year: { name: 'year', type: 'int' },
  isGroup: { name: 'isGroup', type: 'boolean' },
} as const satisfies Record<string, AttributeSpec>;

export const EDGE_ATTRIBUTES = {
  type: { name: 'type', type: 'string' },
  role: { name: 'role', type: 'string' },
  detail: { name: 'detail', type: 'string' },
  weight: { name: 'weight', type: 'int' },
  works: { name: 'works', type: 'string[]' },
} as const satisfies Record<string, AttributeSpec>;
