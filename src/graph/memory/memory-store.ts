// The embedded store: the whole graph in process in compact columns, answering what the Neo4j adapter answers.

import { isDeepStrictEqual } from 'node:util';
import type { IdentifierScheme, Role } from '../../dataset/format.ts';
import { identifierSlug, searchTokens } from '../../dataset/slug.ts';
import { conflictMatches } from '../conflict-filter.ts';
import { Slicer } from '../cooperative.ts';
import { checkExpected } from '../expected-rows.ts';
import { AWARD_WIN_LINKS, awardWinFromLinks, CONFLICT_LINKS, conflictFromLinks, type HopName, hopShape } from '../hops.ts';
import type { HopRow, LinkedNode, LinkShape } from '../port/hop-rows.ts';

import {
  compareCreditsOnWork,
  compareRelRows,
  compareStrings,
  compareWorks,
  creditRecord,
  documentRecord,
  personRecord,
  roleOf,
  simpleRecord,
  workRecord,
} from '../records.ts';
import {
  type GraphRows,
  NODE_LABELS,
  type NodeLabel,
  type NodeRow,
  type Props,
  type PropValue,
  REL_TYPES,
  type RelRow,
  type RelType,
} from '../rows.ts';
import { matchesSearch, SEARCHABLE_LABELS, searchRank } from '../search.ts';
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
  type GraphCounts,
  type GraphStore,
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
  ROLE_RANK,
  type RoleFilter,
  type RowChange,
  type SearchableLabel,
  type SearchHitRecord,
  type WorkFilter,
  type WorkRecord,
  type WriteBatch,
  type WriteResult,
} from '../store.ts';
import { CompactGraph } from './compact-graph.ts';
import { Interner } from './interner.ts';
import { releaseMemory } from './release-memory.ts';
import { reordered } from './slug-order.ts';
import { upsertedProps } from './upserted-props.ts';

/** Rows in one load past which it hands back the memory it passed through (see releaseMemory). */
const RELEASE_AFTER = 200_000;
const typeCodes = (types: readonly RelType[]) => types.map((type) => REL_TYPES.indexOf(type));
const CREDITED = REL_TYPES.indexOf('CREDITED');
const page = <T>(items: T[], { offset, limit }: PageArgs): Page<T> => ({
  items: items.slice(offset, offset + limit),
  total: items.length,
});
const roleAllowed = (filter: RoleFilter) => {
  const roles = filter.roles && filter.roles.length > 0 ? new Set(filter.roles) : null;
  return (role: Role) => roles === null || roles.has(role);
};

export class MemoryStore implements GraphStore {
  readonly kind: string = 'embedded';
  private readonly graph = new CompactGraph();
  private readonly interner = new Interner();
  /** Node ids of each label in slug order, dropped when a node of the label is added. */
  private readonly sortedIds = new Map<NodeLabel, Int32Array>();
  private deadline: Deadline | null = null;
  /** This request's answers by question, so aliases asking one question share one computation; null off a request. */
  private asked: Map<string, Promise<unknown>> | null = null;

  /**
   * A view sharing this graph for one request. A timer cannot interrupt synchronous work, so its long loops yield to
   * the event loop every few milliseconds (other clients are answered meanwhile) and stop at the deadline there.
   */
  withDeadline(deadline: Deadline): GraphStore {
    const view = Object.create(this) as MemoryStore;
    view.deadline = deadline;
    view.asked = new Map();
    return view;
  }

  /** Slices a long loop: `if (slicer.due()) await slicer.tick()` yields, and throws past this view's deadline. */
  private slicer(): Slicer {
    return new Slicer(this.deadline);
  }

  /**
   * One computation per question in a request: fifteen aliases of one costly field cost one. Keys hold every argument
   * the answer depends on. Writes forget them, so a later field of the same request sees the write.
   */
  private shared<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.asked === null) return work();
    let answer = this.asked.get(key) as Promise<T> | undefined;
    if (answer === undefined) {
      answer = work();
      this.asked.set(key, answer);
    }
    return answer;
  }

  protected checkDeadline(): void {
    if (this.deadline !== null && Date.now() > this.deadline.at) throw new DeadlineExceededError('deadline passed');
  }

  async load(rows: GraphRows): Promise<LoadSummary> {
    this.asked?.clear();
    const summary = this.merge(rows);
    // Here rather than in merge: its indexes of shared bags and relationship ends are garbage by now.
    if (rows.nodes.length + rows.rels.length >= RELEASE_AFTER) releaseMemory();
    // The slug order of every label, sorted now rather than by the first reader: at 1M credits sorting the people
    // held the event loop about 300 ms in the first anonymous request (a sort does not yield).
    for (const label of NODE_LABELS) this.idsOf(label);
    return summary;
  }

  private merge(rows: GraphRows): LoadSummary {
    const summary: LoadSummary = { nodesCreated: 0, relationshipsCreated: 0, updated: 0 };
    // New nodes go in first, so each relationship's ends are looked up once; a missing end takes them out again.
    const before = this.graph.nodeCount;
    const updates: NodeRow[] = [];
    for (const row of rows.nodes) {
      if (this.graph.nodeId(row.label, row.slug) !== -1) {
        updates.push(row);
        continue;
      }
      this.graph.addNode(row.label, row.slug, this.interner.withSharedLists(row.props));
      this.sortedIds.delete(row.label);
      summary.nodesCreated++;
    }
    const ends = new Int32Array(2 * rows.rels.length);
    rows.rels.forEach((rel, i) => {
      ends[2 * i] = this.endOf(rel.fromLabel, rel.from, before);
      ends[2 * i + 1] = this.endOf(rel.toLabel, rel.to, before);
    });
    for (const row of updates) {
      const id = this.graph.nodeId(row.label, row.slug);
      if (isDeepStrictEqual(this.graph.props(id), row.props)) continue;
      this.graph.setProps(id, this.interner.withSharedLists(row.props));
      summary.updated++;
    }
    const bag = this.interner.bags();
    this.graph.reserve(rows.rels.length);
    rows.rels.forEach((rel, i) => {
      const from = ends[2 * i] as number;
      const to = ends[2 * i + 1] as number;
      const edge = this.graph.findEdge(rel.type, from, to, rel.key);
      if (edge === -1) {
        this.graph.addEdge(rel.type, from, to, rel.key, bag(rel.props));
        summary.relationshipsCreated++;
      } else if (!isDeepStrictEqual(this.graph.relProps(edge), rel.props)) {
        this.graph.setRelProps(edge, bag(rel.props));
        summary.updated++;
      }
    });
    this.graph.pack();
    return summary;
  }

  /** A relationship end's node id; when it does not exist, the nodes added since `before` are removed first. */
  private endOf(label: NodeLabel, slug: string, before: number): number {
    const id = this.graph.nodeId(label, slug);
    if (id !== -1) return id;
    this.graph.removeNodesFrom(before);
    for (const label of NODE_LABELS) this.sortedIds.delete(label);
    throw new MissingNodeError(label, slug);
  }

  /** Every relationship's ends must exist or come with the batch; checked before anything changes. */
  checkWrite(batch: WriteBatch | GraphRows): void {
    // Only built when some end is not in the graph yet: a seed load would otherwise key every node it brings.
    let created: Set<string> | null = null;
    for (const rel of 'rels' in batch ? (batch.rels ?? []) : [])
      for (const [label, slug] of [
        [rel.fromLabel, rel.from],
        [rel.toLabel, rel.to],
      ] as const) {
        if (this.graph.nodeId(label, slug) !== -1) continue;
        created ??= new Set(
          ('nodes' in batch ? (batch.nodes ?? []) : []).map((n: { label: NodeLabel; slug: string }) => `${n.label}:${n.slug}`),
        );
        if (!created.has(`${label}:${slug}`)) throw new MissingNodeError(label, slug);
      }
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    this.asked?.clear();
    this.checkWrite(batch);
    const result: WriteResult = { nodesCreated: 0, relationshipsCreated: 0, relationshipsRemoved: 0, updated: 0 };
    const order = this.orderChanges();
    try {
      for (const node of batch.nodes ?? []) {
        const id = this.graph.nodeId(node.label, node.slug);
        if (id === -1) {
          order.add(node.label, this.graph.addNode(node.label, node.slug, upsertedProps(undefined, node.set, node.source)));
          result.nodesCreated++;
          continue;
        }
        const before = this.graph.props(id);
        const after = upsertedProps(before, node.set, node.source);
        if (!isDeepStrictEqual(before, after)) {
          this.graph.setProps(id, after);
          result.updated++;
        }
      }
      for (const rel of batch.rels ?? []) {
        const from = this.graph.nodeId(rel.fromLabel, rel.from);
        const to = this.graph.nodeId(rel.toLabel, rel.to);
        const edge = this.graph.findEdge(rel.type, from, to, rel.key);
        if (edge === -1) {
          this.graph.addEdge(rel.type, from, to, rel.key, upsertedProps(undefined, rel.set, rel.source));
          result.relationshipsCreated++;
          continue;
        }
        const before = this.graph.relProps(edge);
        const after = upsertedProps(before, rel.set, rel.source);
        if (!isDeepStrictEqual(before, after)) {
          this.graph.setRelProps(edge, after);
          result.updated++;
        }
      }
      for (const rel of batch.removeRels ?? []) {
        const from = this.graph.nodeId(rel.fromLabel, rel.from);
        const to = this.graph.nodeId(rel.toLabel, rel.to);
        const edge = from === -1 || to === -1 ? -1 : this.graph.findEdge(rel.type, from, to, rel.key);
        if (edge === -1) continue;
        this.graph.removeEdge(edge);
        result.relationshipsRemoved++;
      }
    } finally {
      // Also after a failure half-way: a node added is in the graph, so it must be in the order.
      order.apply();
    }
    this.graph.pack();
    return result;
  }

  async namesOf(label: 'Person' | 'Work', slugs?: readonly string[]): Promise<NodeNames[]> {
    this.checkDeadline();
    const nameProperty = label === 'Person' ? 'name' : 'title';
    const ids =
      slugs === undefined
        ? [...this.idsOf(label)]
        : [...new Set(slugs)]
            .sort(compareStrings)
            .map((slug) => this.graph.nodeId(label, slug))
            .filter((id) => id !== -1);
    const slicer = this.slicer();
    const names: NodeNames[] = [];
    for (const id of ids) {
      if (slicer.due()) await slicer.tick();
      const props = this.graph.props(id);
      const slug = this.graph.slug(id);
      names.push({ slug, name: String(props[nameProperty] ?? slug), aliases: (props.aliases as string[] | undefined) ?? [] });
    }
    return names;
  }

  async neighbourhoods(label: NodeLabel, slugs: readonly string[]): Promise<(NodeNeighbourhood | null)[]> {
    return this.neighbourhoodsNow(label, slugs);
  }

  private neighbourhoodsNow(label: NodeLabel, slugs: readonly string[]): (NodeNeighbourhood | null)[] {
    return slugs.map((slug) => {
      const id = this.graph.nodeId(label, slug);
      if (id === -1) return null;
      const rels: RelRow[] = [];
      const row = (edge: number): RelRow => {
        const from = this.graph.from(edge);
        const to = this.graph.to(edge);
        return {
          type: this.graph.type(edge),
          fromLabel: this.graph.label(from),
          from: this.graph.slug(from),
          toLabel: this.graph.label(to),
          to: this.graph.slug(to),
          key: this.graph.key(edge),
          props: this.graph.relProps(edge),
        };
      };
      this.graph.forEachEdge(id, 'out', (edge) => rels.push(row(edge)));
      // A relationship from the node to itself is listed once.
      this.graph.forEachEdge(id, 'in', (edge) => {
        if (this.graph.from(edge) !== id) rels.push(row(edge));
      });
      return { node: { label, slug, props: this.graph.props(id) }, rels: rels.sort(compareRelRows) };
    });
  }

  async creditedAround(label: 'Person' | 'Work', slugs: readonly string[]): Promise<CreditedAround[]> {
    const bySlug = (a: { slug: string }, b: { slug: string }) => compareStrings(a.slug, b.slug);
    const person = (id: number) => ({
      slug: this.graph.slug(id),
      name: String(this.graph.props(id).name ?? this.graph.slug(id)),
    });
    const slicer = this.slicer();
    const around: CreditedAround[] = [];
    for (const slug of slugs) {
      this.checkDeadline();
      if (slicer.due()) await slicer.tick();
      around.push(this.creditedAroundOne(label, slug, person, bySlug));
    }
    return around;
  }

  /** One node's credited neighbours, for creditedAround. */
  private creditedAroundOne(
    label: 'Person' | 'Work',
    slug: string,
    person: (id: number) => { slug: string; name: string },
    bySlug: (a: { slug: string }, b: { slug: string }) => number,
  ): CreditedAround {
    const id = this.graph.nodeId(label, slug);
    if (id === -1) return { works: [], people: [] };
    if (label === 'Work') {
      const people = new Set(this.neighbours(id, 'in', ['CREDITED']).map(([other]) => other));
      return { works: [], people: [...people].map(person).sort(bySlug) };
    }
    const works = new Set(this.neighbours(id, 'out', ['CREDITED']).map(([work]) => work));
    const people = new Set<number>();
    for (const work of works)
      for (const [other] of this.neighbours(work, 'in', ['CREDITED'])) if (other !== id) people.add(other);
    return {
      works: [...works]
        .map((work) => {
          const props = this.graph.props(work);
          return {
            slug: this.graph.slug(work),
            title: String(props.title ?? ''),
            year: typeof props.year === 'number' ? props.year : null,
          };
        })
        .sort(bySlug),
      people: [...people].map(person).sort(bySlug),
    };
  }

  async nodeRows(label: NodeLabel): Promise<NodeRow[]> {
    return [...this.idsOf(label)].map((id) => ({ label, slug: this.graph.slug(id), props: this.graph.props(id) }));
  }

  /** What `applyChange` refuses, found before anything changes: a put relationship's missing end, a linked removal. */
  checkChange(change: RowChange): void {
    const expect = change.expect ?? [];
    checkExpected(
      expect,
      expect.map((e) => this.neighbourhoodsNow(e.label, [e.slug])[0] ?? null),
    );
    const removedRels = new Set<number>();
    for (const rel of change.removeRels ?? []) {
      const edge = this.edgeOf(rel);
      if (edge !== -1) removedRels.add(edge);
    }
    const removed = new Set<string>();
    for (const { label, slug } of change.removeNodes ?? []) {
      const id = this.graph.nodeId(label, slug);
      if (id === -1) continue;
      removed.add(`${label}:${slug}`);
      let linked: number | null = null;
      const visit = (edge: number) => {
        if (!removedRels.has(edge)) linked = edge;
      };
      this.graph.forEachEdge(id, 'out', visit);
      this.graph.forEachEdge(id, 'in', visit);
      if (linked !== null)
        throw new NodeStillLinkedError(`${label} "${slug}" still has a ${this.graph.type(linked)} relationship`);
    }
    const put = new Set((change.putNodes ?? []).map((n) => `${n.label}:${n.slug}`));
    for (const rel of change.putRels ?? [])
      for (const [label, slug] of [
        [rel.fromLabel, rel.from],
        [rel.toLabel, rel.to],
      ] as const) {
        const key = `${label}:${slug}`;
        if (put.has(key)) continue;
        if (this.graph.nodeId(label, slug) === -1 || removed.has(key)) throw new MissingNodeError(label, slug);
      }
  }

  async applyChange(change: RowChange): Promise<void> {
    this.asked?.clear();
    this.checkChange(change);
    const order = this.orderChanges();
    try {
      for (const rel of change.removeRels ?? []) {
        const edge = this.edgeOf(rel);
        if (edge !== -1) this.graph.removeEdge(edge);
      }
      for (const { label, slug } of change.removeNodes ?? []) {
        const id = this.graph.nodeId(label, slug);
        if (id === -1) continue;
        this.graph.removeNode(id);
        order.remove(label, id);
      }
      for (const node of change.putNodes ?? []) {
        const id = this.graph.nodeId(node.label, node.slug);
        if (id !== -1) {
          this.graph.setProps(id, node.props);
          continue;
        }
        order.add(node.label, this.graph.addNode(node.label, node.slug, node.props));
      }
      for (const rel of change.putRels ?? []) {
        const from = this.graph.nodeId(rel.fromLabel, rel.from);
        const to = this.graph.nodeId(rel.toLabel, rel.to);
        const edge = this.graph.findEdge(rel.type, from, to, rel.key);
        if (edge === -1) this.graph.addEdge(rel.type, from, to, rel.key, rel.props);
        else this.graph.setRelProps(edge, rel.props);
      }
    } finally {
      // Also after a failure half-way: a node added is in the graph, so it must be in the order.
      order.apply();
    }
    this.graph.pack();
  }

  /** What a write adds to and takes from each label, for its slug orders (those built) to follow once it ends. */
  private orderChanges() {
    const changes = new Map<NodeLabel, { added: number[]; removed: Set<number> }>();
    const of = (label: NodeLabel) => {
      let change = changes.get(label);
      if (!change) changes.set(label, (change = { added: [], removed: new Set() }));
      return change;
    };
    return {
      add: (label: NodeLabel, id: number) => void of(label).added.push(id),
      remove: (label: NodeLabel, id: number) => void of(label).removed.add(id),
      apply: () => {
        for (const [label, { added, removed }] of changes) {
          const ids = this.sortedIds.get(label);
          if (ids)
            this.sortedIds.set(
              label,
              reordered(ids, added, removed, (id) => this.graph.slug(id)),
            );
        }
      },
    };
  }

  private edgeOf(rel: RelRef): number {
    const from = this.graph.nodeId(rel.fromLabel, rel.from);
    const to = this.graph.nodeId(rel.toLabel, rel.to);
    return from === -1 || to === -1 ? -1 : this.graph.findEdge(rel.type, from, to, rel.key);
  }

  async isEmpty() {
    return this.graph.liveNodeCount === 0;
  }

  async ping() {}

  async close() {}

  async counts(): Promise<GraphCounts> {
    const nodes: Record<string, number> = {};
    const relationships: Record<string, number> = {};
    for (let node = 0; node < this.graph.nodeCount; node++) {
      if (!this.graph.isLiveNode(node)) continue;
      const label = this.graph.label(node);
      nodes[label] = (nodes[label] ?? 0) + 1;
    }
    for (let edge = 0; edge < this.graph.edgeIdLimit; edge++) {
      if (!this.graph.isLive(edge)) continue;
      const type = this.graph.type(edge);
      relationships[type] = (relationships[type] ?? 0) + 1;
    }
    return { nodes, relationships };
  }

  async *streamNodes(batchSize = 1000): AsyncIterable<NodeRow[]> {
    const labels = [...NODE_LABELS].sort(compareStrings);
    let batch: NodeRow[] = [];
    for (const label of labels)
      for (const id of this.idsOf(label)) {
        batch.push({ label, slug: this.graph.slug(id), props: this.graph.props(id) });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    if (batch.length > 0) yield batch;
  }

  /**
   * In the same order as Neo4j's ORDER BY (type, then the start node's label and slug, then the end's and the key),
   * without copying every relationship first: for each type and start label present, the start nodes in slug order,
   * each with its own relationships of that type sorted. Memory stays at one batch whatever the graph's size.
   */
  async *streamRelationships(batchSize = 1000): AsyncIterable<RelRow[]> {
    const present = new Set<string>();
    for (let edge = 0; edge < this.graph.edgeIdLimit; edge++)
      if (this.graph.isLive(edge)) present.add(`${this.graph.type(edge)}|${this.graph.label(this.graph.from(edge))}`);
    const types = [...new Set([...present].map((p) => p.slice(0, p.indexOf('|'))))].sort(compareStrings);
    const labels = [...NODE_LABELS].sort(compareStrings);
    let batch: RelRow[] = [];
    for (const type of types) {
      const code = REL_TYPES.indexOf(type as RelType);
      for (const fromLabel of labels) {
        if (!present.has(`${type}|${fromLabel}`)) continue;
        for (const fromId of this.idsOf(fromLabel)) {
          const from = this.graph.slug(fromId);
          const rels: RelRow[] = [];
          this.graph.forEachEdge(fromId, 'out', (edge) => {
            if (this.graph.typeCode(edge) !== code) return;
            const to = this.graph.to(edge);
            rels.push({
              type: type as RelType,
              fromLabel,
              from,
              toLabel: this.graph.label(to),
              to: this.graph.slug(to),
              key: this.graph.key(edge),
              props: this.graph.relProps(edge),
            });
          });
          if (rels.length === 0) continue;
          rels.sort((a, b) => compareStrings(a.toLabel, b.toLabel) || compareStrings(a.to, b.to) || compareStrings(a.key, b.key));
          for (const rel of rels) {
            batch.push(rel);
            if (batch.length >= batchSize) {
              yield batch;
              batch = [];
            }
          }
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  async nodesBySlug<L extends LookupLabel>(label: L, slugs: readonly string[]): Promise<(RecordByLabel[L] | null)[]> {
    return slugs.map((slug) => {
      const id = this.graph.nodeId(label, slug);
      if (id === -1) return null;
      return this.record(label, id) as RecordByLabel[L];
    });
  }

  async listPeople(search: string | undefined, args: PageArgs): Promise<Page<PersonRecord>> {
    this.checkDeadline();
    const tokens = search === undefined ? null : searchTokens(search);
    // Unfiltered, the page is a slice of the sorted ids: no pass over every person per request.
    const all = this.idsOf('Person');
    if (tokens === null) {
      const { offset, limit } = args;
      return { items: [...all.subarray(offset, offset + limit)].map((id) => this.person(id)), total: all.length };
    }
    const slicer = this.slicer();
    const matching: number[] = [];
    for (const id of all) {
      if (slicer.due()) await slicer.tick();
      if (this.matches(id, tokens)) matching.push(id);
    }
    const { items, total } = page(matching, args);
    return { items: items.map((id) => this.person(id)), total };
  }

  async listDocuments(args: PageArgs): Promise<Page<DocumentRecord>> {
    const ids = this.idsOf('Document');
    const items = [...ids.subarray(args.offset, args.offset + args.limit)].map((id) =>
      documentRecord(this.graph.slug(id), this.graph.props(id)),
    );
    return { items, total: ids.length };
  }

  async listWorks(filter: WorkFilter, args: PageArgs): Promise<Page<WorkRecord>> {
    this.checkDeadline();
    const tokens = filter.search === undefined ? null : searchTokens(filter.search);
    const all = this.idsOf('Work');
    if (tokens === null && filter.kind === undefined && filter.yearFrom === undefined && filter.yearTo === undefined) {
      const { offset, limit } = args;
      return { items: [...all.subarray(offset, offset + limit)].map((id) => this.work(id)), total: all.length };
    }
    const slicer = this.slicer();
    const works: WorkRecord[] = [];
    for (const id of all) {
      if (slicer.due()) await slicer.tick();
      if (tokens !== null && !this.matches(id, tokens)) continue;
      const w = this.work(id);
      if (
        (filter.kind === undefined || w.kind === filter.kind) &&
        (filter.yearFrom === undefined || (w.year !== null && w.year >= filter.yearFrom)) &&
        (filter.yearTo === undefined || (w.year !== null && w.year <= filter.yearTo))
      )
        works.push(w);
    }
    return page(works, args);
  }

  async search(text: string, limit: number): Promise<SearchHitRecord[]> {
    this.checkDeadline();
    return this.shared(`search|${limit}|${text}`, () => this.searchNow(text, limit));
  }

  private async searchNow(text: string, limit: number): Promise<SearchHitRecord[]> {
    const tokens = searchTokens(text);
    const slicer = this.slicer();
    const hits: (SearchHitRecord & { rank: number; labelRank: number })[] = [];
    for (const [labelRank, label] of SEARCHABLE_LABELS.entries()) {
      for (const id of this.idsOf(label)) {
        if (slicer.due()) await slicer.tick();
        const props = this.graph.props(id);
        if (!matchesSearch(String(props.searchText ?? ''), tokens)) continue;
        const slug = this.graph.slug(id);
        const name = String(props.name ?? props.title ?? slug);
        hits.push({ label, slug, name, rank: searchRank(String(props.searchText), tokens), labelRank });
      }
    }
    hits.sort((a, b) => a.rank - b.rank || a.labelRank - b.labelRank || compareStrings(a.slug, b.slug));
    return hits.slice(0, limit).map(({ label, slug, name }) => ({ label, slug, name }));
  }

  async creditsOfPeople(slugs: readonly string[], filter: CreditFilter, args: PageArgs): Promise<Page<CreditRecord>[]> {
    const { kind, yearFrom, yearTo } = filter;
    const inRange = (w: WorkRecord) =>
      (kind === undefined || w.kind === kind) &&
      (yearFrom === undefined || (w.year !== null && w.year >= yearFrom)) &&
      (yearTo === undefined || (w.year !== null && w.year <= yearTo));
    const slicer = this.slicer();
    const pages: Page<CreditRecord>[] = [];
    for (const slug of slugs) {
      if (slicer.due()) await slicer.tick();
      let credits = this.creditsOf(this.graph.nodeId('Person', slug), 'out', filter);
      if (kind !== undefined || yearFrom !== undefined || yearTo !== undefined) credits = credits.filter((c) => inRange(c.work));
      credits.sort((a, b) => compareWorks(a.work, b.work) || ROLE_RANK[a.role] - ROLE_RANK[b.role]);
      pages.push(page(credits, args));
    }
    return pages;
  }

  async creditsOfWorks(slugs: readonly string[], filter: RoleFilter): Promise<CreditRecord[][]> {
    const slicer = this.slicer();
    const lists: CreditRecord[][] = [];
    for (const slug of slugs) {
      if (slicer.due()) await slicer.tick();
      const credits = this.creditsOf(this.graph.nodeId('Work', slug), 'in', filter);
      credits.sort(compareCreditsOnWork);
      lists.push(credits);
    }
    return lists;
  }

  async topPeople(by: PeopleRanking, filter: RoleFilter, limit: number): Promise<RankedPersonRecord[]> {
    this.checkDeadline();
    return this.shared(`topPeople|${by}|${limit}|${filter.roles?.join(',') ?? ''}`, () => this.topPeopleNow(by, filter, limit));
  }

  /** Every person's count: one pass over the whole graph, so it yields as it goes. */
  private async topPeopleNow(by: PeopleRanking, filter: RoleFilter, limit: number): Promise<RankedPersonRecord[]> {
    const allowed = roleAllowed(filter);
    const slicer = this.slicer();
    const counted: { id: number; count: number }[] = [];
    for (const id of this.idsOf('Person')) {
      if (slicer.due()) await slicer.tick();
      const works = new Set<number>();
      let credits = 0;
      for (const [work, edge] of this.neighbours(id, 'out', ['CREDITED']))
        if (allowed(roleOf(this.graph.relProps(edge)))) {
          credits++;
          works.add(work);
        }
      if (by === 'CREDITS') {
        if (credits > 0) counted.push({ id, count: credits });
        continue;
      }
      const others = new Set<number>();
      for (const work of works) {
        if (slicer.due()) await slicer.tick();
        for (const [other] of this.neighbours(work, 'in', ['CREDITED'])) if (other !== id) others.add(other);
      }
      if (others.size > 0) counted.push({ id, count: others.size });
    }
    // idsOf is in slug order and the sort is stable: ties stay in slug order, as the Cypher's ORDER BY gives them.
    counted.sort((a, b) => b.count - a.count);
    return counted.slice(0, limit).map(({ id, count }) => ({ person: this.person(id), count }));
  }

  async collaboratorsOf(slugs: readonly string[], filter: RoleFilter, args: PageArgs): Promise<Page<CollaboratorRecord>[]> {
    const pages: Page<CollaboratorRecord>[] = [];
    // Keyed without the page: aliases asking other pages of one person's collaborators share the whole list.
    for (const slug of slugs)
      pages.push(
        page(
          await this.shared(`collaborators|${slug}|${filter.roles?.join(',') ?? ''}`, () => this.allCollaborators(slug, filter)),
          args,
        ),
      );
    return pages;
  }

  private async allCollaborators(slug: string, filter: RoleFilter): Promise<CollaboratorRecord[]> {
    const slicer = this.slicer();
    const person = this.graph.nodeId('Person', slug);
    const shared = await this.sharedWorks(person, filter, slicer);
    shared.delete(person);
    return this.collaborators(shared, slicer);
  }

  async commonCollaborators(of: readonly string[], filter: RoleFilter): Promise<CollaboratorRecord[]> {
    return this.shared(`common|${of.join(',')}|${filter.roles?.join(',') ?? ''}`, () => this.commonCollaboratorsNow(of, filter));
  }

  private async commonCollaboratorsNow(of: readonly string[], filter: RoleFilter): Promise<CollaboratorRecord[]> {
    const slicer = this.slicer();
    const ids = of.map((slug) => this.graph.nodeId('Person', slug));
    const perPerson: Map<number, Set<number>>[] = [];
    for (const id of ids) perPerson.push(await this.sharedWorks(id, filter, slicer));
    const [first, ...rest] = perPerson;
    if (!first) return [];
    const common = new Map<number, Set<number>>();
    for (const [person, works] of first) {
      if (slicer.due()) await slicer.tick();
      if (ids.includes(person) || !rest.every((m) => m.has(person))) continue;
      common.set(person, new Set([...works, ...rest.flatMap((m) => [...(m.get(person) ?? [])])]));
    }
    return this.collaborators(common, slicer);
  }

  async shortestPath(from: string, to: string, maxHops: number): Promise<PathStepRecord[] | null> {
    this.checkDeadline();
    return this.shared(`path|${maxHops}|${from}|${to}`, () => this.shortestPathNow(from, to, maxHops));
  }

  private async shortestPathNow(from: string, to: string, maxHops: number): Promise<PathStepRecord[] | null> {
    const source = this.graph.nodeId('Person', from);
    const target = this.graph.nodeId('Person', to);
    if (from === to || source === -1 || target === -1) return null;
    const path = await this.smallestShortestPath(source, target, 2 * maxHops);
    if (path === null) return null;
    const steps: PathStepRecord[] = [];
    for (let i = 0; i + 2 < path.length; i += 2) {
      const [a, w, b] = [path[i] as number, path[i + 1] as number, path[i + 2] as number];
      steps.push({
        from: this.person(a),
        work: this.work(w),
        to: this.person(b),
        fromRoles: this.rolesOn(a, w),
        toRoles: this.rolesOn(b, w),
      });
    }
    return steps;
  }

  /** One hop's rows, read off the compact graph's adjacency; records are built and sorted above the port. */
  async hops(hop: HopName, from: NodeLabel, slugs: readonly string[]): Promise<HopRow[][]> {
    const shape = hopShape(hop, from);
    const codes = typeCodes(shape.types);
    const directions: ('out' | 'in')[] = shape.direction === 'both' ? ['out', 'in'] : [shape.direction];
    return slugs.map((slug) => {
      const id = this.graph.nodeId(from, slug);
      if (id === -1) return [];
      const start = shape.startProps ? this.picked(id, shape.startProps) : {};
      const rows: HopRow[] = [];
      for (const direction of directions)
        this.graph.forEachEdge(id, direction, (edge) => {
          if (!codes.includes(this.graph.typeCode(edge))) return;
          const other = direction === 'out' ? this.graph.to(edge) : this.graph.from(edge);
          if (this.graph.label(other) !== shape.to) return;
          rows.push({
            type: this.graph.type(edge),
            outgoing: direction === 'out',
            rel: this.graph.relProps(edge),
            slug: this.graph.slug(other),
            props: this.graph.props(other),
            start,
            links: shape.links ? this.links(other, shape.links) : {},
          });
        });
      return rows;
    });
  }

  async nodeByIdentifier(scheme: IdentifierScheme, value: string): Promise<NodeRef | null> {
    const [hit] = this.neighbours(this.graph.nodeId('Identifier', identifierSlug(scheme, value)), 'out', ['IDENTIFIES']);
    return hit ? { label: this.graph.label(hit[0]) as IdentifiedLabel, slug: this.graph.slug(hit[0]) } : null;
  }

  async conflicts(filter: ConflictFilter = {}): Promise<ConflictRecord[]> {
    const kindOf = (document: string) => {
      const id = this.graph.nodeId('Document', document);
      const kind = id === -1 ? undefined : this.graph.props(id).kind;
      return typeof kind === 'string' ? kind : null;
    };
    const slicer = this.slicer();
    const found: ConflictRecord[] = [];
    for (const id of this.idsOf('Conflict')) {
      if (slicer.due()) await slicer.tick();
      const conflict = this.conflict(id);
      if (conflictMatches(conflict, filter, kindOf)) found.push(conflict);
    }
    return found;
  }

  async nodesByIdentifiers(keys: readonly IdentifierKey[]): Promise<(IdentifiedNode | null)[]> {
    return keys.map(({ scheme, value }) => {
      const identifier = this.graph.nodeId('Identifier', identifierSlug(scheme, value));
      const [hit] = this.neighbours(identifier, 'out', ['IDENTIFIES']);
      if (!hit) return null;
      return {
        label: this.graph.label(hit[0]) as IdentifiedLabel,
        slug: this.graph.slug(hit[0]),
        props: this.graph.props(hit[0]),
        identifierProps: this.graph.props(identifier),
      };
    });
  }

  async relationshipProps(refs: readonly RelRef[]): Promise<(Props | null)[]> {
    return refs.map((ref) => {
      const from = this.graph.nodeId(ref.fromLabel, ref.from);
      const to = this.graph.nodeId(ref.toLabel, ref.to);
      const edge = from === -1 || to === -1 ? -1 : this.graph.findEdge(ref.type, from, to, ref.key);
      return edge === -1 ? null : this.graph.relProps(edge);
    });
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  /**
   * Of the shortest credit paths from source to target (at most maxLength edges), the one whose sequence of slugs is
   * smallest, as the Cypher's ORDER BY picks it. A bidirectional breadth-first search: each side grows a whole level
   * at a time, the smaller frontier first, until a level of one side reaches the other; both sides then together
   * cover the paths, and only a ball of half the distance around each end is visited.
   */
  private async smallestShortestPath(source: number, target: number, maxLength: number): Promise<number[] | null> {
    const slicer = this.slicer();
    const side = (start: number) => ({ distance: new Map([[start, 0]]), levels: [[start]] });
    const fromSource = side(source);
    const fromTarget = side(target);
    let meeting: number[] = [];
    while (meeting.length === 0) {
      const [grow, other] =
        (fromSource.levels.at(-1) as number[]).length <= (fromTarget.levels.at(-1) as number[]).length
          ? [fromSource, fromTarget]
          : [fromTarget, fromSource];
      if (fromSource.levels.length + fromTarget.levels.length - 2 >= maxLength) return null;
      const level = grow.levels.length;
      const next: number[] = [];
      for (const node of grow.levels.at(-1) as number[]) {
        if (slicer.due()) await slicer.tick();
        for (const neighbour of this.creditNeighbours(node)) {
          if (grow.distance.has(neighbour)) continue;
          grow.distance.set(neighbour, level);
          next.push(neighbour);
          if (other.distance.has(neighbour)) meeting.push(neighbour);
        }
      }
      if (next.length === 0) return null;
      grow.levels.push(next);
    }
    // Every shortest path crosses the last source-side level at a meeting node. Source-side nodes on some shortest
    // path are those with a neighbour on one a level further out, found from the meeting nodes back to the source.
    const sourceDepth = fromSource.levels.length - 1;
    const onPath = new Set(meeting.filter((m) => fromSource.distance.get(m) === sourceDepth));
    meeting = [...onPath];
    for (let level = sourceDepth - 1; level > 0; level--)
      for (const node of fromSource.levels[level] as number[]) {
        if (slicer.due()) await slicer.tick();
        if (this.creditNeighbours(node).some((n) => onPath.has(n) && fromSource.distance.get(n) === level + 1)) onPath.add(node);
      }
    const smallest = (candidates: number[]) =>
      candidates.sort((a, b) => compareStrings(this.graph.slug(a), this.graph.slug(b)))[0];
    // Walk from the source, always to the smallest slug still on a shortest path: first through the source side,
    // then down the target side's distances, where every step one closer to the target stays on a shortest path.
    const path = [source];
    let current = source;
    for (let level = 1; level <= sourceDepth; level++) {
      const next = smallest(this.creditNeighbours(current).filter((n) => onPath.has(n) && fromSource.distance.get(n) === level));
      if (next === undefined) return null;
      path.push(next);
      current = next;
    }
    while (current !== target) {
      const remaining = fromTarget.distance.get(current) ?? 0;
      const next = smallest(this.creditNeighbours(current).filter((n) => fromTarget.distance.get(n) === remaining - 1));
      if (next === undefined) return null;
      path.push(next);
      current = next;
    }
    return path;
  }

  /** People credited on a work, or works a person is credited on: collaboration paths run over these alone. */
  private creditNeighbours(node: number): number[] {
    const found = new Set<number>();
    this.graph.forEachEdge(node, 'out', (edge) => {
      if (this.graph.typeCode(edge) === CREDITED) found.add(this.graph.to(edge));
    });
    this.graph.forEachEdge(node, 'in', (edge) => {
      if (this.graph.typeCode(edge) === CREDITED) found.add(this.graph.from(edge));
    });
    return [...found];
  }

  private person(id: number): PersonRecord {
    return personRecord(this.graph.slug(id), this.graph.props(id));
  }

  private work(id: number): WorkRecord {
    return workRecord(this.graph.slug(id), this.graph.props(id));
  }

  private record(label: LookupLabel, id: number): RecordByLabel[LookupLabel] {
    if (label === 'AwardWin') return this.awardWin(id);
    if (label === 'Conflict') return this.conflict(id);
    return simpleRecord[label](this.graph.slug(id), this.graph.props(id));
  }

  private awardWin(id: number): AwardWinRecord {
    return awardWinFromLinks(this.graph.slug(id), this.graph.props(id), this.links(id, AWARD_WIN_LINKS));
  }

  private conflict(id: number): ConflictRecord {
    return conflictFromLinks(this.graph.slug(id), this.graph.props(id), this.links(id, CONFLICT_LINKS));
  }

  /** A node's links, as a hop's shape names them: the nodes one relationship further, with props where asked. */
  private links(id: number, shapes: Readonly<Record<string, LinkShape>>): Record<string, LinkedNode[]> {
    const found: Record<string, LinkedNode[]> = {};
    for (const [name, link] of Object.entries(shapes))
      found[name] = this.neighbours(id, link.direction, [link.type])
        .filter(([other]) => link.to === undefined || this.graph.label(other) === link.to)
        .map(([other]) => ({
          label: this.graph.label(other),
          slug: this.graph.slug(other),
          props: link.props ? this.graph.props(other) : {},
        }));
    return found;
  }

  /** The named properties of a node, those it has. */
  private picked(id: number, names: readonly string[]): Props {
    const props = this.graph.props(id);
    const picked: Props = {};
    for (const name of names) if (props[name] !== undefined) picked[name] = props[name];
    return picked;
  }

  /** [neighbour node, relationship] pairs over relationships of the given types; none for a missing node (-1). */
  private neighbours(node: number, direction: 'out' | 'in', types: readonly RelType[]): [number, number][] {
    if (node === -1) return [];
    const codes = typeCodes(types);
    const found: [number, number][] = [];
    this.graph.forEachEdge(node, direction, (edge) => {
      if (codes.includes(this.graph.typeCode(edge)))
        found.push([direction === 'out' ? this.graph.to(edge) : this.graph.from(edge), edge]);
    });
    return found;
  }

  private creditsOf(node: number, direction: 'out' | 'in', filter: RoleFilter): CreditRecord[] {
    const allowed = roleAllowed(filter);
    return this.neighbours(node, direction, ['CREDITED'])
      .filter(([, edge]) => allowed(roleOf(this.graph.relProps(edge))))
      .map(([other, edge]) => {
        const [person, work] = direction === 'out' ? [node, other] : [other, node];
        return creditRecord(this.person(person), this.work(work), this.graph.relProps(edge));
      });
  }

  private rolesOn(person: number, work: number): Role[] {
    return this.neighbours(person, 'out', ['CREDITED'])
      .filter(([to]) => to === work)
      .map(([, edge]) => roleOf(this.graph.relProps(edge)))
      .sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
  }

  /** Collaborator id → ids of the works they share with `person`, their role on it allowed by the filter. */
  private async sharedWorks(person: number, filter: RoleFilter, slicer: Slicer): Promise<Map<number, Set<number>>> {
    this.checkDeadline();
    const allowed = roleAllowed(filter);
    const shared = new Map<number, Set<number>>();
    for (const [work] of this.neighbours(person, 'out', ['CREDITED'])) {
      if (slicer.due()) await slicer.tick();
      for (const [other, edge] of this.neighbours(work, 'in', ['CREDITED'])) {
        if (!allowed(roleOf(this.graph.relProps(edge)))) continue;
        const works = shared.get(other) ?? new Set<number>();
        works.add(work);
        shared.set(other, works);
      }
    }
    return shared;
  }

  private async collaborators(shared: Map<number, Set<number>>, slicer: Slicer): Promise<CollaboratorRecord[]> {
    const found: CollaboratorRecord[] = [];
    for (const [person, works] of shared) {
      if (slicer.due()) await slicer.tick();
      found.push({ person: this.person(person), sharedWorks: [...works].map((work) => this.work(work)).sort(compareWorks) });
    }
    return found.sort((a, b) => b.sharedWorks.length - a.sharedWorks.length || compareStrings(a.person.slug, b.person.slug));
  }

  private idsOf(label: NodeLabel): Int32Array {
    let ids = this.sortedIds.get(label);
    if (!ids) {
      const slugs = (id: number) => this.graph.slug(id);
      ids = Int32Array.from([...this.graph.idsOf(label)].sort((a, b) => compareStrings(slugs(a), slugs(b))));
      this.sortedIds.set(label, ids);
    }
    return ids;
  }

  private matches(id: number, tokens: string[]): boolean {
    return matchesSearch(String(this.graph.props(id).searchText ?? ''), tokens);
  }
}
