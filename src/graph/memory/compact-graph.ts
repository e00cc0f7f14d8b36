// The embedded store's graph in columns: nodes and relationships are integer ids, adjacency lives in typed arrays.
import { NODE_LABELS, type NodeLabel, type Props, REL_TYPES, type RelType } from '../rows.ts';

/**
 * A relationship type code that marks a removed relationship. Its id is never reused, so ids stay stable and the
 * adjacency lists need no rewrite when a write removes one; the next rebuild leaves it out.
 */
const REMOVED = 255;
/** Per-node adjacency of relationships added since the last rebuild; rebuilt into the packed lists past this many. */
const REBUILD_AFTER = 4096;

const labelCode = new Map<NodeLabel, number>(NODE_LABELS.map((label, i) => [label, i]));
const typeCode = new Map<RelType, number>(REL_TYPES.map((type, i) => [type, i]));

function grown<T extends Int32Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 1024));
  next.set(array);
  return next;
}

/**
 * Directed multigraph with (type, from, to, key) as a relationship's identity. A million relationships cost a few
 * typed-array slots each plus their property bag, where one graphology edge was several objects and a long string
 * key: that difference is what keeps a million-credit catalogue's start-up time and memory in bounds.
 */
export class CompactGraph {
  private nodeLabelCodes = new Uint8Array(0);
  private readonly slugs: string[] = [];
  private readonly nodeProps: Props[] = [];
  private readonly idsByLabel = new Map<NodeLabel, Map<string, number>>(NODE_LABELS.map((label) => [label, new Map()]));
  private removedNodes = 0;

  private edgeTypeCodes = new Uint8Array(0);
  private edgeFrom = new Int32Array(0);
  private edgeTo = new Int32Array(0);
  private edgeKeyCodes = new Int32Array(0);
  private readonly edgeProps: (Props | undefined)[] = [];
  private liveEdges = 0;
  /** Relationship keys are few distinct strings (roles, affiliation keys), so each relationship keeps a code. */
  private readonly keys: string[] = [];
  private readonly keyCodes = new Map<string, number>();

  /**
   * Packed adjacency of the relationships that existed at the last `pack`, in id order per node: those of node n
   * leaving it are outIds[outStart[n] .. outStart[n + 1]), arriving likewise with inStart/inIds.
   */
  private outStart = new Int32Array(1);
  private outIds = new Int32Array(0);
  private inStart = new Int32Array(1);
  private inIds = new Int32Array(0);
  private packedNodes = 0;
  /** Relationships added since the last rebuild, by node. */
  private extraOut = new Map<number, number[]>();
  private extraIn = new Map<number, number[]>();
  private extraCount = 0;
  /** Set by a big `reserve`: new relationships skip the per-node lists until `pack` rebuilds the packed ones. */
  private deferred = false;

  /** Open-addressing hash of relationship identities to ids (-1: empty), so an upsert finds its relationship at once. */
  private slots = new Int32Array(1 << 10).fill(-1);
  private usedSlots = 0;

  get nodeCount(): number {
    return this.slugs.length;
  }

  get edgeCount(): number {
    return this.liveEdges;
  }

  /** Ids run 0..edgeIdLimit-1, removed ones included (see `isLive`). */
  get edgeIdLimit(): number {
    return this.edgeProps.length;
  }

  nodeId(label: NodeLabel, slug: string): number {
    return this.idsByLabel.get(label)?.get(slug) ?? -1;
  }

  addNode(label: NodeLabel, slug: string, props: Props): number {
    const id = this.slugs.length;
    this.nodeLabelCodes = grown(this.nodeLabelCodes, id + 1);
    this.nodeLabelCodes[id] = labelCode.get(label) ?? 0;
    this.slugs.push(slug);
    this.nodeProps.push(props);
    this.idsByLabel.get(label)?.set(slug, id);
    return id;
  }

  /** Take out the nodes from id `first` on, none of which may have relationships yet: a load that failed its checks. */
  removeNodesFrom(first: number): void {
    for (let id = first; id < this.slugs.length; id++) this.idsByLabel.get(this.label(id))?.delete(this.slugs[id] as string);
    this.slugs.length = first;
    this.nodeProps.length = first;
  }

  /**
   * Take one node out (a merged node): its slug no longer finds it and its label no longer lists it. Its id is not
   * reused, as for relationships; it must have no live relationship left.
   */
  removeNode(node: number): void {
    const byLabel = this.idsByLabel.get(this.label(node));
    if (byLabel?.get(this.slug(node)) === node) byLabel.delete(this.slug(node));
    this.nodeProps[node] = {};
    this.removedNodes++;
  }

  /** False for a node taken out by `removeNode`. */
  isLiveNode(node: number): boolean {
    return this.idsByLabel.get(this.label(node))?.get(this.slug(node)) === node;
  }

  /** Nodes not taken out. */
  get liveNodeCount(): number {
    return this.slugs.length - this.removedNodes;
  }

  label(node: number): NodeLabel {
    return NODE_LABELS[this.nodeLabelCodes[node] ?? 0] as NodeLabel;
  }

  slug(node: number): string {
    return this.slugs[node] as string;
  }

  props(node: number): Props {
    return this.nodeProps[node] as Props;
  }

  setProps(node: number, props: Props): void {
    this.nodeProps[node] = props;
  }

  /** Every node id of a label, in the order the nodes were added. */
  idsOf(label: NodeLabel): IterableIterator<number> {
    return (this.idsByLabel.get(label) as Map<string, number>).values();
  }

  isLive(edge: number): boolean {
    return this.edgeTypeCodes[edge] !== REMOVED;
  }

  type(edge: number): RelType {
    return REL_TYPES[this.edgeTypeCodes[edge] ?? 0] as RelType;
  }

  /** The type as its index in REL_TYPES, for loops that test many relationships against a few types. */
  typeCode(edge: number): number {
    return this.edgeTypeCodes[edge] ?? REMOVED;
  }

  from(edge: number): number {
    return this.edgeFrom[edge] ?? -1;
  }

  to(edge: number): number {
    return this.edgeTo[edge] ?? -1;
  }

  key(edge: number): string {
    return this.keys[this.edgeKeyCodes[edge] ?? 0] as string;
  }

  relProps(edge: number): Props {
    return this.edgeProps[edge] as Props;
  }

  setRelProps(edge: number, props: Props): void {
    this.edgeProps[edge] = props;
  }

  findEdge(type: RelType, from: number, to: number, key: string): number {
    const code = typeCode.get(type) ?? REMOVED;
    const keyCode = this.keyCodes.get(key);
    if (keyCode === undefined) return -1;
    const mask = this.slots.length - 1;
    for (let slot = hash(code, from, to, keyCode) & mask; ; slot = (slot + 1) & mask) {
      const edge = this.slots[slot] as number;
      if (edge === -1) return -1;
      if (
        this.edgeTypeCodes[edge] === code &&
        this.edgeFrom[edge] === from &&
        this.edgeTo[edge] === to &&
        this.edgeKeyCodes[edge] === keyCode
      )
        return edge;
    }
  }

  addEdge(type: RelType, from: number, to: number, key: string, props: Props): number {
    const id = this.edgeProps.length;
    let keyCode = this.keyCodes.get(key);
    if (keyCode === undefined) {
      keyCode = this.keys.length;
      this.keys.push(key);
      this.keyCodes.set(key, keyCode);
    }
    this.edgeTypeCodes = grown(this.edgeTypeCodes, id + 1);
    this.edgeFrom = grown(this.edgeFrom, id + 1);
    this.edgeTo = grown(this.edgeTo, id + 1);
    this.edgeKeyCodes = grown(this.edgeKeyCodes, id + 1);
    this.edgeTypeCodes[id] = typeCode.get(type) ?? 0;
    this.edgeFrom[id] = from;
    this.edgeTo[id] = to;
    this.edgeKeyCodes[id] = keyCode;
    this.edgeProps.push(props);
    this.liveEdges++;
    this.insertSlot(id);
    this.extraCount++;
    if (!this.deferred) {
      append(this.extraOut, from, id);
      append(this.extraIn, to, id);
    }
    return id;
  }

  /**
   * Make room for this many more relationships. When they are many, they are left out of the per-node lists until
   * `pack`, which then rebuilds the packed ones: a big load pays for one counting sort rather than a list per node it
   * touches. Relationships are not visited from their ends until then.
   */
  reserve(edges: number): void {
    const needed = this.edgeProps.length + edges;
    this.edgeTypeCodes = grown(this.edgeTypeCodes, needed);
    this.edgeFrom = grown(this.edgeFrom, needed);
    this.edgeTo = grown(this.edgeTo, needed);
    this.edgeKeyCodes = grown(this.edgeKeyCodes, needed);
    let capacity = this.slots.length;
    while ((this.usedSlots + edges) * 2 > capacity) capacity *= 2;
    if (capacity > this.slots.length) this.rehash(capacity);
    if (edges >= REBUILD_AFTER) this.deferred = true;
  }

  removeEdge(edge: number): void {
    this.edgeTypeCodes[edge] = REMOVED;
    this.edgeProps[edge] = undefined;
    this.liveEdges--;
  }

  /** Live relationships leaving (out) or arriving at (in) a node, in the order they were added. */
  forEachEdge(node: number, direction: 'out' | 'in', visit: (edge: number) => void): void {
    const [start, ids, extra] =
      direction === 'out' ? [this.outStart, this.outIds, this.extraOut] : [this.inStart, this.inIds, this.extraIn];
    if (node < this.packedNodes)
      for (let i = start[node] as number, end = start[node + 1] as number; i < end; i++) {
        const edge = ids[i] as number;
        if (this.edgeTypeCodes[edge] !== REMOVED) visit(edge);
      }
    for (const edge of extra.get(node) ?? []) if (this.edgeTypeCodes[edge] !== REMOVED) visit(edge);
  }

  /** Fold the relationships added since the last rebuild into the packed lists once there are enough of them. */
  pack(): void {
    if (!this.deferred && this.extraCount < REBUILD_AFTER) return;
    this.deferred = false;
    const nodes = this.slugs.length;
    const edges = this.edgeProps.length;
    [this.outStart, this.outIds] = packed(nodes, edges, this.edgeFrom, this.edgeTypeCodes);
    [this.inStart, this.inIds] = packed(nodes, edges, this.edgeTo, this.edgeTypeCodes);
    this.packedNodes = nodes;
    this.extraOut = new Map();
    this.extraIn = new Map();
    this.extraCount = 0;
    // Trim the growth headroom: the packed lists are the bulk of a big graph and rarely grow much after a load.
    this.edgeTypeCodes = this.edgeTypeCodes.slice(0, edges);
    this.edgeFrom = this.edgeFrom.slice(0, edges);
    this.edgeTo = this.edgeTo.slice(0, edges);
    this.edgeKeyCodes = this.edgeKeyCodes.slice(0, edges);
    this.nodeLabelCodes = this.nodeLabelCodes.slice(0, nodes);
    if (this.usedSlots > 2 * this.liveEdges + 1024) this.rehash(this.slots.length);
  }

  private insertSlot(edge: number): void {
    // Growing re-inserts every live relationship, this one included (its columns are already written).
    if ((this.usedSlots + 1) * 2 > this.slots.length) return this.rehash(this.slots.length * 2);
    const mask = this.slots.length - 1;
    let slot =
      hash(this.edgeTypeCodes[edge] ?? 0, this.edgeFrom[edge] ?? 0, this.edgeTo[edge] ?? 0, this.edgeKeyCodes[edge] ?? 0) & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = edge;
    this.usedSlots++;
  }

  /** A fresh table holding only live relationships: removed ones otherwise keep their slots. */
  private rehash(size: number): void {
    let capacity = size;
    while (this.liveEdges * 2 >= capacity) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.usedSlots = 0;
    for (let edge = 0; edge < this.edgeProps.length; edge++) if (this.edgeTypeCodes[edge] !== REMOVED) this.insertSlot(edge);
  }
}

function hash(type: number, from: number, to: number, key: number): number {
  let h = Math.imul(from ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ to, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ (type << 24) ^ key, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

function append(lists: Map<number, number[]>, node: number, edge: number): void {
  const list = lists.get(node);
  if (list) list.push(edge);
  else lists.set(node, [edge]);
}

/** Counting sort of live relationship ids by one end: offsets per node, then the ids, each node's in id order. */
function packed(
  nodes: number,
  edges: number,
  end: Int32Array,
  types: Uint8Array,
): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const start = new Int32Array(nodes + 1);
  for (let edge = 0; edge < edges; edge++)
    if (types[edge] !== REMOVED) start[(end[edge] as number) + 1] = (start[(end[edge] as number) + 1] as number) + 1;
  for (let node = 0; node < nodes; node++) start[node + 1] = (start[node + 1] as number) + (start[node] as number);
  const ids = new Int32Array(start[nodes] as number);
  const next = start.slice(0, nodes);
  for (let edge = 0; edge < edges; edge++) {
    if (types[edge] === REMOVED) continue;
    const node = end[edge] as number;
    ids[next[node] as number] = edge;
    next[node] = (next[node] as number) + 1;
  }
  return [start, ids];
}
