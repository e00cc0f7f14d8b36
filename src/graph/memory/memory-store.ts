// The embedded store: the whole graph in process on graphology, answering what the Neo4j adapter answers.
import { isDeepStrictEqual } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import type { Role } from '../../dataset/format.ts';
import { searchTokens } from '../../dataset/slug.ts';
import {
  awardWinRecord,
  compareAwardWins,
  compareNullableNumbers,
  compareStrings,
  compareWorks,
  organizationRecord,
  personRecord,
  placeRecord,
  roleOf,
  simpleRecord,
  sourcesOf,
  workRecord,
} from '../records.ts';
import {
  type GraphRows,
  NODE_LABELS,
  type NodeLabel,
  type NodeRow,
  type Props,
  type PropValue,
  type RelRow,
  type RelType,
  withSource,
} from '../rows.ts';
import { matchesSearch, SEARCHABLE_LABELS, searchRank } from '../search.ts';
import {
  type AffiliationRecord,
  type AssociationRecord,
  type AwardWinRecord,
  type BirthPlaceRecord,
  type CollaboratorRecord,
  type ConflictRecord,
  type CreditRecord,
  type Deadline,
  DeadlineExceededError,
  type GraphCounts,
  type GraphStore,
  type LoadSummary,
  type LookupLabel,
  MissingNodeError,
  type Page,
  type PageArgs,
  type PathStepRecord,
  type PersonRecord,
  type RecordByLabel,
  ROLE_RANK,
  type RoleFilter,
  type SearchableLabel,
  type SearchHitRecord,
  type WorkFilter,
  type WorkLinkRecord,
  type WorkRecord,
  type WriteBatch,
  type WriteResult,
} from '../store.ts';

interface NodeAttributes {
  label: NodeLabel;
  slug: string;
  props: Props;
}
interface EdgeAttributes {
  type: RelType;
  key: string;
  props: Props;
}

const nodeKey = (label: NodeLabel, slug: string) => `${label}:${slug}`;
/** Provenance lists with few distinct values across a graph (quotes are mostly unique, so they are not shared). */
const SHARED_LISTS = ['sourceDocuments', 'sourceCitations'] as const;
/** A node or relationship made by a write starts with empty provenance lists, as the Neo4j statement does. */
const emptySources: Props = { sourceDocuments: [], sourceCitations: [], sourceQuotes: [] };
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
  private readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  /** Provenance lists that repeat across many rows, kept once (see `shared`). */
  private readonly interned = new Map<string, PropValue>();
  private sortedSlugs = new Map<NodeLabel, string[]>();
  private deadline: Deadline | null = null;

  /** A view sharing this graph whose loops stop at the deadline (a timer cannot interrupt synchronous work). */
  withDeadline(deadline: Deadline): GraphStore {
    const view = Object.create(this) as MemoryStore;
    view.deadline = deadline;
    return view;
  }

  protected checkDeadline(): void {
    if (this.deadline !== null && Date.now() > this.deadline.at) throw new DeadlineExceededError('deadline passed');
  }

  async load(rows: GraphRows): Promise<LoadSummary> {
    this.checkWrite(rows);
    const summary: LoadSummary = { nodesCreated: 0, relationshipsCreated: 0, updated: 0 };
    for (const row of rows.nodes) {
      const key = nodeKey(row.label, row.slug);
      if (!this.graph.hasNode(key)) {
        this.graph.addNode(key, { label: row.label, slug: row.slug, props: this.shared(row.props) });
        summary.nodesCreated++;
      } else if (!isDeepStrictEqual(this.graph.getNodeAttribute(key, 'props'), row.props)) {
        this.graph.setNodeAttribute(key, 'props', this.shared(row.props));
        summary.updated++;
      }
    }
    for (const rel of rows.rels) {
      const from = nodeKey(rel.fromLabel, rel.from);
      const to = nodeKey(rel.toLabel, rel.to);
      const key = `${rel.type}|${from}|${to}|${rel.key}`;
      if (!this.graph.hasEdge(key)) {
        this.graph.addDirectedEdgeWithKey(key, from, to, { type: rel.type, key: rel.key, props: this.shared(rel.props) });
        summary.relationshipsCreated++;
      } else if (!isDeepStrictEqual(this.graph.getEdgeAttribute(key, 'props'), rel.props)) {
        this.graph.setEdgeAttribute(key, 'props', this.shared(rel.props));
        summary.updated++;
      }
    }
    this.sortedSlugs = new Map();
    return summary;
  }

  /** Every relationship's ends must exist or come with the batch; checked before anything changes. */
  checkWrite(batch: WriteBatch | GraphRows): void {
    const created = new Set(
      ('nodes' in batch ? (batch.nodes ?? []) : []).map((n: { label: NodeLabel; slug: string }) => nodeKey(n.label, n.slug)),
    );
    for (const rel of 'rels' in batch ? (batch.rels ?? []) : [])
      for (const [label, slug] of [
        [rel.fromLabel, rel.from],
        [rel.toLabel, rel.to],
      ] as const)
        if (!this.graph.hasNode(nodeKey(label, slug)) && !created.has(nodeKey(label, slug)))
          throw new MissingNodeError(label, slug);
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    this.checkWrite(batch);
    const result: WriteResult = { nodesCreated: 0, relationshipsCreated: 0, relationshipsRemoved: 0, updated: 0 };
    for (const node of batch.nodes ?? []) {
      const key = nodeKey(node.label, node.slug);
      if (!this.graph.hasNode(key)) {
        this.graph.addNode(key, {
          label: node.label,
          slug: node.slug,
          props: withSource({ ...emptySources, ...node.set }, node.source),
        });
        result.nodesCreated++;
        this.sortedSlugs.delete(node.label);
        continue;
      }
      const before = this.props(key);
      const after = withSource({ ...before, ...node.set }, node.source);
      if (!isDeepStrictEqual(before, after)) {
        this.graph.setNodeAttribute(key, 'props', after);
        result.updated++;
      }
    }
    for (const rel of batch.rels ?? []) {
      const from = nodeKey(rel.fromLabel, rel.from);
      const to = nodeKey(rel.toLabel, rel.to);
      const key = `${rel.type}|${from}|${to}|${rel.key}`;
      if (!this.graph.hasEdge(key)) {
        const props = withSource({ ...emptySources, ...rel.set }, rel.source);
        this.graph.addDirectedEdgeWithKey(key, from, to, { type: rel.type, key: rel.key, props });
        result.relationshipsCreated++;
        continue;
      }
      const before = this.graph.getEdgeAttribute(key, 'props');
      const after = withSource({ ...before, ...rel.set }, rel.source);
      if (!isDeepStrictEqual(before, after)) {
        this.graph.setEdgeAttribute(key, 'props', after);
        result.updated++;
      }
    }
    for (const rel of batch.removeRels ?? []) {
      const from = nodeKey(rel.fromLabel, rel.from);
      const to = nodeKey(rel.toLabel, rel.to);
      const key = `${rel.type}|${from}|${to}|${rel.key}`;
      if (!this.graph.hasEdge(key)) continue;
      this.graph.dropEdge(key);
      result.relationshipsRemoved++;
    }
    return result;
  }

  async isEmpty() {
    return this.graph.order === 0;
  }

  async ping() {}

  async close() {}

  async counts(): Promise<GraphCounts> {
    const nodes: Record<string, number> = {};
    const relationships: Record<string, number> = {};
    this.graph.forEachNode((_, a) => {
      nodes[a.label] = (nodes[a.label] ?? 0) + 1;
    });
    this.graph.forEachEdge((_, a) => {
      relationships[a.type] = (relationships[a.type] ?? 0) + 1;
    });
    return { nodes, relationships };
  }

  async *streamNodes(batchSize = 1000): AsyncIterable<NodeRow[]> {
    const labels = [...NODE_LABELS].sort(compareStrings);
    let batch: NodeRow[] = [];
    for (const label of labels)
      for (const slug of this.slugsOf(label)) {
        batch.push({ label, slug, props: this.props(nodeKey(label, slug)) });
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
    this.graph.forEachEdge((_edge, attrs, source) => {
      present.add(`${attrs.type}|${this.graph.getNodeAttribute(source, 'label')}`);
    });
    const types = [...new Set([...present].map((p) => p.slice(0, p.indexOf('|'))))].sort(compareStrings);
    const labels = [...NODE_LABELS].sort(compareStrings);
    let batch: RelRow[] = [];
    for (const type of types)
      for (const fromLabel of labels) {
        if (!present.has(`${type}|${fromLabel}`)) continue;
        for (const from of this.slugsOf(fromLabel)) {
          const rels: RelRow[] = [];
          this.graph.forEachOutEdge(nodeKey(fromLabel, from), (_edge, attrs, _source, target) => {
            if (attrs.type !== type) return;
            const to = this.graph.getNodeAttributes(target);
            rels.push({ type, fromLabel, from, toLabel: to.label, to: to.slug, key: attrs.key, props: attrs.props });
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
    if (batch.length > 0) yield batch;
  }

  async nodesBySlug<L extends LookupLabel>(label: L, slugs: readonly string[]): Promise<(RecordByLabel[L] | null)[]> {
    return slugs.map((slug) => {
      const key = nodeKey(label, slug);
      if (!this.graph.hasNode(key)) return null;
      return this.record(label, key) as RecordByLabel[L];
    });
  }

  async listPeople(search: string | undefined, args: PageArgs): Promise<Page<PersonRecord>> {
    this.checkDeadline();
    const tokens = search === undefined ? null : searchTokens(search);
    // Unfiltered, the page is a slice of the sorted slugs: no pass over every person per request.
    const all = this.slugsOf('Person');
    const slugs = tokens === null ? all : all.filter((slug) => this.matches('Person', slug, tokens));
    const { items, total } = page(slugs, args);
    return { items: items.map((s) => this.person(nodeKey('Person', s))), total };
  }

  async listWorks(filter: WorkFilter, args: PageArgs): Promise<Page<WorkRecord>> {
    this.checkDeadline();
    const tokens = filter.search === undefined ? null : searchTokens(filter.search);
    if (tokens === null && filter.kind === undefined && filter.yearFrom === undefined && filter.yearTo === undefined) {
      const { items, total } = page(this.slugsOf('Work'), args);
      return { items: items.map((slug) => this.work(nodeKey('Work', slug))), total };
    }
    const works = this.slugsOf('Work')
      .map((slug) => this.work(nodeKey('Work', slug)))
      .filter(
        (w) =>
          (filter.kind === undefined || w.kind === filter.kind) &&
          (filter.yearFrom === undefined || (w.year !== null && w.year >= filter.yearFrom)) &&
          (filter.yearTo === undefined || (w.year !== null && w.year <= filter.yearTo)) &&
          (tokens === null || this.matches('Work', w.slug, tokens)),
      );
    return page(works, args);
  }

  async search(text: string, limit: number): Promise<SearchHitRecord[]> {
    this.checkDeadline();
    const tokens = searchTokens(text);
    const hits: (SearchHitRecord & { rank: number; labelRank: number })[] = [];
    SEARCHABLE_LABELS.forEach((label, labelRank) => {
      this.checkDeadline();
      for (const slug of this.slugsOf(label)) {
        const props = this.graph.getNodeAttribute(nodeKey(label, slug), 'props');
        if (!matchesSearch(String(props.searchText ?? ''), tokens)) continue;
        const name = String(props.name ?? props.title ?? slug);
        hits.push({ label, slug, name, rank: searchRank(String(props.searchText), tokens), labelRank });
      }
    });
    hits.sort((a, b) => a.rank - b.rank || a.labelRank - b.labelRank || compareStrings(a.slug, b.slug));
    return hits.slice(0, limit).map(({ label, slug, name }) => ({ label, slug, name }));
  }

  async creditsOfPeople(slugs: readonly string[], filter: RoleFilter, args: PageArgs): Promise<Page<CreditRecord>[]> {
    return slugs.map((slug) => {
      const credits = this.creditsOf(nodeKey('Person', slug), 'out', filter);
      credits.sort((a, b) => compareWorks(a.work, b.work) || ROLE_RANK[a.role] - ROLE_RANK[b.role]);
      return page(credits, args);
    });
  }

  async creditsOfWorks(slugs: readonly string[], filter: RoleFilter): Promise<CreditRecord[][]> {
    return slugs.map((slug) => {
      const credits = this.creditsOf(nodeKey('Work', slug), 'in', filter);
      credits.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || compareStrings(a.person.slug, b.person.slug));
      return credits;
    });
  }

  async collaboratorsOf(slugs: readonly string[], filter: RoleFilter, args: PageArgs): Promise<Page<CollaboratorRecord>[]> {
    return slugs.map((slug) => {
      const shared = this.sharedWorks(slug, filter);
      shared.delete(slug);
      return page(this.collaborators(shared), args);
    });
  }

  async commonCollaborators(of: readonly string[], filter: RoleFilter): Promise<CollaboratorRecord[]> {
    const perPerson = of.map((slug) => this.sharedWorks(slug, filter));
    const [first, ...rest] = perPerson;
    if (!first) return [];
    const common = new Map<string, Set<string>>();
    for (const [person, works] of first) {
      if (of.includes(person) || !rest.every((m) => m.has(person))) continue;
      common.set(person, new Set([...works, ...rest.flatMap((m) => [...(m.get(person) ?? [])])]));
    }
    return this.collaborators(common);
  }

  async shortestPath(from: string, to: string, maxHops: number): Promise<PathStepRecord[] | null> {
    const source = nodeKey('Person', from);
    const target = nodeKey('Person', to);
    if (from === to || !this.graph.hasNode(source) || !this.graph.hasNode(target)) return null;
    const path = this.smallestShortestPath(source, target, 2 * maxHops);
    if (path === null) return null;
    const steps: PathStepRecord[] = [];
    for (let i = 0; i + 2 < path.length; i += 2) {
      const [a, w, b] = [path[i] as string, path[i + 1] as string, path[i + 2] as string];
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

  async membersOf(groupSlugs: readonly string[]): Promise<PersonRecord[][]> {
    return groupSlugs.map((slug) => this.neighbours(nodeKey('Person', slug), 'in', ['MEMBER_OF']).map(([k]) => this.person(k)));
  }

  async groupsOf(personSlugs: readonly string[]): Promise<PersonRecord[][]> {
    return personSlugs.map((slug) => this.neighbours(nodeKey('Person', slug), 'out', ['MEMBER_OF']).map(([k]) => this.person(k)));
  }

  async birthPlacesOf(personSlugs: readonly string[]): Promise<(BirthPlaceRecord | null)[]> {
    return personSlugs.map((slug) => {
      const [hit] = this.neighbours(nodeKey('Person', slug), 'out', ['BORN_IN']);
      if (!hit) return null;
      const [key, edge] = hit;
      return { place: placeRecord(this.graph.getNodeAttribute(key, 'slug'), this.props(key)), sources: sourcesOf(edge.props) };
    });
  }

  async workLinksOf(workSlugs: readonly string[], direction: 'OUT' | 'IN'): Promise<WorkLinkRecord[][]> {
    return workSlugs.map((slug) =>
      this.neighbours(nodeKey('Work', slug), direction === 'OUT' ? 'out' : 'in', ['PART_OF', 'SOUNDTRACK_OF'])
        .map(([key, edge]) => ({
          type: edge.type as WorkLinkRecord['type'],
          work: this.work(key),
          sources: sourcesOf(edge.props),
        }))
        .sort((a, b) => compareWorks(a.work, b.work) || compareStrings(a.type, b.type)),
    );
  }

  async awardWinsOf(label: 'Person' | 'Work' | 'Award', slugs: readonly string[]): Promise<AwardWinRecord[][]> {
    const [direction, type] = {
      Person: ['out', 'RECEIVED'],
      Work: ['in', 'FOR_WORK'],
      Award: ['in', 'OF_AWARD'],
    }[label] as ['out' | 'in', RelType];
    return slugs.map((slug) =>
      this.neighbours(nodeKey(label, slug), direction, [type])
        .map(([key]) => this.awardWin(key))
        .sort(compareAwardWins),
    );
  }

  async affiliationsOf(personSlugs: readonly string[]): Promise<AffiliationRecord[][]> {
    return personSlugs.map((slug) =>
      this.neighbours(nodeKey('Person', slug), 'out', ['STUDIED_AT', 'WORKED_AT', 'TAUGHT_AT'])
        .map(([key, edge]): AffiliationRecord => {
          const p = edge.props;
          return {
            type: edge.type as AffiliationRecord['type'],
            organization: organizationRecord(this.graph.getNodeAttribute(key, 'slug'), this.props(key)),
            role: typeof p.role === 'string' ? p.role : null,
            detail: typeof p.detail === 'string' ? p.detail : null,
            startYear: typeof p.startYear === 'number' ? p.startYear : null,
            endYear: typeof p.endYear === 'number' ? p.endYear : null,
            period: typeof p.period === 'string' ? p.period : null,
            sources: sourcesOf(p),
          };
        })
        .sort(
          (a, b) =>
            compareNullableNumbers(a.startYear ?? a.endYear, b.startYear ?? b.endYear) ||
            compareStrings(a.organization.slug, b.organization.slug) ||
            compareStrings(a.type, b.type) ||
            compareStrings(a.role ?? '', b.role ?? ''),
        ),
    );
  }

  async associationsOf(personSlugs: readonly string[]): Promise<AssociationRecord[][]> {
    const types: RelType[] = ['WORKED_WITH', 'MENTORED'];
    return personSlugs.map((slug) => {
      const key = nodeKey('Person', slug);
      const out = this.neighbours(key, 'out', types).map(([k, e]) => ({ k, e, direction: 'OUT' as const }));
      const inn = this.neighbours(key, 'in', types).map(([k, e]) => ({ k, e, direction: 'IN' as const }));
      return [...out, ...inn]
        .map(
          ({ k, e, direction }): AssociationRecord => ({
            type: e.type as AssociationRecord['type'],
            direction,
            person: this.person(k),
            detail: typeof e.props.detail === 'string' ? e.props.detail : null,
            sources: sourcesOf(e.props),
          }),
        )
        .sort(
          (a, b) =>
            compareStrings(a.type, b.type) ||
            compareStrings(a.direction, b.direction) ||
            compareStrings(a.person.slug, b.person.slug),
        );
    });
  }

  async conflictsAbout(label: NodeLabel, slugs: readonly string[]): Promise<ConflictRecord[][]> {
    return slugs.map((slug) =>
      this.neighbours(nodeKey(label, slug), 'in', ['ABOUT'])
        .map(([key]) => this.conflict(key))
        .sort((a, b) => compareStrings(a.slug, b.slug)),
    );
  }

  async conflicts(): Promise<ConflictRecord[]> {
    return this.slugsOf('Conflict').map((slug) => this.conflict(nodeKey('Conflict', slug)));
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  /**
   * Of the shortest credit paths from source to target (at most maxLength edges), the one whose sequence of slugs is
   * smallest, as the Cypher's ORDER BY picks it. A bidirectional breadth-first search: each side grows a whole level
   * at a time, the smaller frontier first, until a level of one side reaches the other; both sides then together
   * cover the paths, and only a ball of half the distance around each end is visited.
   */
  private smallestShortestPath(source: string, target: string, maxLength: number): string[] | null {
    const side = (start: string) => ({ distance: new Map([[start, 0]]), levels: [[start]] });
    const fromSource = side(source);
    const fromTarget = side(target);
    let meeting: string[] = [];
    let visited = 0;
    while (meeting.length === 0) {
      const [grow, other] =
        (fromSource.levels.at(-1) as string[]).length <= (fromTarget.levels.at(-1) as string[]).length
          ? [fromSource, fromTarget]
          : [fromTarget, fromSource];
      if (fromSource.levels.length + fromTarget.levels.length - 2 >= maxLength) return null;
      const level = grow.levels.length;
      const next: string[] = [];
      for (const node of grow.levels.at(-1) as string[]) {
        if (++visited % 1024 === 0) this.checkDeadline();
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
      for (const node of fromSource.levels[level] as string[])
        if (this.creditNeighbours(node).some((n) => onPath.has(n) && fromSource.distance.get(n) === level + 1)) onPath.add(node);
    const smallest = (candidates: string[]) =>
      candidates.sort((a, b) =>
        compareStrings(this.graph.getNodeAttribute(a, 'slug'), this.graph.getNodeAttribute(b, 'slug')),
      )[0];
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
  private creditNeighbours(key: string): string[] {
    const found = new Set<string>();
    this.graph.forEachOutEdge(key, (_e, attrs, _source, target) => {
      if (attrs.type === 'CREDITED') found.add(target);
    });
    this.graph.forEachInEdge(key, (_e, attrs, source) => {
      if (attrs.type === 'CREDITED') found.add(source);
    });
    return [...found];
  }

  /**
   * The props with their provenance document and citation lists kept once: a big graph has few distinct ones, so
   * sharing them saves a few arrays per relationship. Shared lists are frozen; every change builds new props anyway.
   */
  private shared(props: Props): Props {
    const out: Record<string, PropValue> = { ...props };
    for (const name of SHARED_LISTS) {
      const value = props[name];
      if (!Array.isArray(value)) continue;
      const key = `${name}:${JSON.stringify(value)}`;
      let canonical = this.interned.get(key);
      if (canonical === undefined) {
        canonical = Object.freeze([...value]) as PropValue;
        this.interned.set(key, canonical);
      }
      out[name] = canonical;
    }
    return out;
  }

  private props(key: string): Props {
    return this.graph.getNodeAttribute(key, 'props');
  }

  private person(key: string): PersonRecord {
    return personRecord(this.graph.getNodeAttribute(key, 'slug'), this.props(key));
  }

  private work(key: string): WorkRecord {
    return workRecord(this.graph.getNodeAttribute(key, 'slug'), this.props(key));
  }

  private record(label: LookupLabel, key: string): RecordByLabel[LookupLabel] {
    if (label === 'AwardWin') return this.awardWin(key);
    if (label === 'Conflict') return this.conflict(key);
    return simpleRecord[label](this.graph.getNodeAttribute(key, 'slug'), this.props(key));
  }

  private awardWin(key: string): AwardWinRecord {
    const slugOf = (k: string) => this.graph.getNodeAttribute(k, 'slug');
    const [award] = this.neighbours(key, 'out', ['OF_AWARD']);
    const [work] = this.neighbours(key, 'out', ['FOR_WORK']);
    return awardWinRecord(slugOf(key), this.props(key), {
      awardSlug: award ? slugOf(award[0]) : '',
      workSlug: work ? slugOf(work[0]) : null,
      recipientSlugs: this.neighbours(key, 'in', ['RECEIVED']).map(([k]) => slugOf(k)),
    });
  }

  private conflict(key: string): ConflictRecord {
    const claims = this.neighbours(key, 'out', ['HAS_CLAIM'])
      .map(([k]) => this.props(k))
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((p) => ({ statement: String(p.statement), source: sourcesOf(p)[0] ?? { document: '', citations: [], quote: '' } }));
    const about = this.neighbours(key, 'out', ['ABOUT'])
      .map(([k]) => ({ label: this.graph.getNodeAttribute(k, 'label'), slug: this.graph.getNodeAttribute(k, 'slug') }))
      .sort((a, b) => compareStrings(a.label, b.label) || compareStrings(a.slug, b.slug));
    return { slug: this.graph.getNodeAttribute(key, 'slug'), description: String(this.props(key).description), claims, about };
  }

  /** Neighbour node keys over edges of the given types, with the edge attributes. */
  private neighbours(key: string, direction: 'out' | 'in', types: readonly RelType[]): [string, EdgeAttributes][] {
    if (!this.graph.hasNode(key)) return [];
    const found: [string, EdgeAttributes][] = [];
    const visit = (_e: string, attrs: EdgeAttributes, source: string, target: string) => {
      if (types.includes(attrs.type)) found.push([direction === 'out' ? target : source, attrs]);
    };
    if (direction === 'out') this.graph.forEachOutEdge(key, visit);
    else this.graph.forEachInEdge(key, visit);
    return found;
  }

  private creditsOf(key: string, direction: 'out' | 'in', filter: RoleFilter): CreditRecord[] {
    const allowed = roleAllowed(filter);
    return this.neighbours(key, direction, ['CREDITED'])
      .filter(([, edge]) => allowed(roleOf(edge.props)))
      .map(([other, edge]) => {
        const [personKey, workKey] = direction === 'out' ? [key, other] : [other, key];
        return {
          person: this.person(personKey),
          work: this.work(workKey),
          role: roleOf(edge.props),
          detail: typeof edge.props.detail === 'string' ? edge.props.detail : null,
          sources: sourcesOf(edge.props),
        };
      });
  }

  private rolesOn(personKey: string, workKey: string): Role[] {
    return this.graph
      .outEdges(personKey, workKey)
      .map((e) => this.graph.getEdgeAttributes(e))
      .filter((a) => a.type === 'CREDITED')
      .map((a) => roleOf(a.props))
      .sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
  }

  /** Collaborator slug → slugs of the works they share with `slug`, their role on it allowed by the filter. */
  private sharedWorks(slug: string, filter: RoleFilter): Map<string, Set<string>> {
    const allowed = roleAllowed(filter);
    const shared = new Map<string, Set<string>>();
    for (const [workKey] of this.neighbours(nodeKey('Person', slug), 'out', ['CREDITED'])) {
      this.checkDeadline();
      for (const [personKey, edge] of this.neighbours(workKey, 'in', ['CREDITED'])) {
        if (!allowed(roleOf(edge.props))) continue;
        const other = this.graph.getNodeAttribute(personKey, 'slug');
        const works = shared.get(other) ?? new Set<string>();
        works.add(this.graph.getNodeAttribute(workKey, 'slug'));
        shared.set(other, works);
      }
    }
    return shared;
  }

  private collaborators(shared: Map<string, Set<string>>): CollaboratorRecord[] {
    return [...shared]
      .map(([slug, works]) => ({
        person: this.person(nodeKey('Person', slug)),
        sharedWorks: [...works].map((w) => this.work(nodeKey('Work', w))).sort(compareWorks),
      }))
      .sort((a, b) => b.sharedWorks.length - a.sharedWorks.length || compareStrings(a.person.slug, b.person.slug));
  }

  private slugsOf(label: NodeLabel): string[] {
    let slugs = this.sortedSlugs.get(label);
    if (!slugs) {
      slugs = [];
      this.graph.forEachNode((_, a) => {
        if (a.label === label) slugs?.push(a.slug);
      });
      slugs.sort(compareStrings);
      this.sortedSlugs.set(label, slugs);
    }
    return slugs;
  }

  private matches(label: SearchableLabel, slug: string, tokens: string[]): boolean {
    return matchesSearch(String(this.props(nodeKey(label, slug)).searchText ?? ''), tokens);
  }
}
