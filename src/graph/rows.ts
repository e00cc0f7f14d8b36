// The property-graph form of a dataset: the exact nodes and relationships both stores hold.
import { ASSOCIATION_TYPES, type Dataset, type SourceInput } from '../dataset/format.ts';
import { identifierSlug } from '../dataset/slug.ts';
import { affiliationKey } from '../dataset/validate.ts';
import {
  awardWinLinks,
  awardWinProps,
  creditLink,
  creditProps,
  defined,
  documentProps,
  personProps,
  searchText,
  workProps,
} from './stored-props.ts';

/** Node labels and relationship types: a fixed allow-list, the only ones ever put into Cypher. */
export const NODE_LABELS = [
  'Person',
  'Work',
  'Place',
  'Organization',
  'Award',
  'AwardWin',
  'Document',
  'Conflict',
  'Claim',
  'Identifier',
  /** A record of a hand merge (mergeNodes), with what splitNode needs to undo it: not a fact, never exported. */
  'Merge',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'CREDITED',
  'PART_OF',
  'SOUNDTRACK_OF',
  'MEMBER_OF',
  'BORN_IN',
  'STUDIED_AT',
  'WORKED_AT',
  'TAUGHT_AT',
  'LOCATED_IN',
  ...ASSOCIATION_TYPES,
  'EDITION_OF',
  'RECORDING_OF',
  'IN_AREA',
  'IDENTIFIES',
  'OF_AWARD',
  'FOR_WORK',
  'RECEIVED',
  'ABOUT',
  'HAS_CLAIM',
] as const;
export type RelType = (typeof REL_TYPES)[number];

export type Scalar = string | number | boolean;
export type PropValue = Scalar | readonly string[] | readonly number[];
export type Props = Record<string, PropValue>;

export interface NodeRow {
  label: NodeLabel;
  slug: string;
  props: Props;
}

export interface RelRow {
  type: RelType;
  fromLabel: NodeLabel;
  from: string;
  toLabel: NodeLabel;
  to: string;
  /** Distinguishes parallel relationships of one type between the same nodes (a credit's role). */
  key: string;
  props: Props;
}

export interface GraphRows {
  nodes: NodeRow[];
  rels: RelRow[];
}

/**
 * Provenance as three parallel lists, because Neo4j properties cannot hold maps:
 * sourceDocuments[i], sourceCitations[i] ("13,14") and sourceQuotes[i] describe source i.
 */
export function provenance(sources: readonly SourceInput[]): Props {
  return {
    sourceDocuments: sources.map((s) => s.document),
    sourceCitations: sources.map((s) => s.citations.join(',')),
    sourceQuotes: sources.map((s) => s.quote),
  };
}

/**
 * `provenance` for a whole dataset's rows: a document list or citation list equal to the previous one is that same
 * array. A big catalogue cites one document throughout, so this saves two arrays per row; nothing changes these
 * lists in place (see `withSource`).
 */
function sharedProvenance(): (sources: readonly SourceInput[]) => Props {
  let documents: string[] = [];
  let citations: string[] = [];
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (sources) => {
    const nextDocuments = sources.map((s) => s.document);
    const nextCitations = sources.map((s) => s.citations.join(','));
    if (!same(documents, nextDocuments)) documents = nextDocuments;
    if (!same(citations, nextCitations)) citations = nextCitations;
    return { sourceDocuments: documents, sourceCitations: citations, sourceQuotes: sources.map((s) => s.quote) };
  };
}

/**
 * Props with one more source in its provenance lists, or the same props when an identical source is already
 * there: writing the same fact twice keeps one copy of its source.
 */
export function withSource(props: Props, source: SourceInput | undefined): Props {
  if (!source) return props;
  const documents = (props.sourceDocuments as string[] | undefined) ?? [];
  const citations = (props.sourceCitations as string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as string[] | undefined) ?? [];
  const joined = source.citations.join(',');
  if (quotes.some((q, i) => q === source.quote && documents[i] === source.document && citations[i] === joined)) return props;
  return {
    ...props,
    sourceDocuments: [...documents, source.document],
    sourceCitations: [...citations, joined],
    sourceQuotes: [...quotes, source.quote],
  };
}

/**
 * Candidates a Pool keeps per bucket. Buckets are keyed by a short string already in hand (a quote, a list's first
 * item) rather than by serialising every value, which cost more than the rest of a load; a crowded bucket stops
 * sharing rather than turning into a quadratic scan.
 */
const BUCKET_LIMIT = 8;

export function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Equal values under the same names in the same order: sharing must not even change how an export lists them. */
export function sameProps(a: Props, b: Props): boolean {
  const names = Object.keys(a);
  const others = Object.keys(b);
  if (names.length !== others.length) return false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name !== others[i] || !sameValue(a[name], b[name])) return false;
  }
  return true;
}

export const firstString = (value: PropValue | undefined): string =>
  Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

/** One kept copy of each distinct value, found by bucket; `get` gives `undefined` when the value's bucket is full. */
export class Pool<T> {
  private readonly buckets = new Map<string, T[]>();
  private readonly same: (a: T, b: T) => boolean;
  private readonly keep: (value: T) => T;
  constructor(same: (a: T, b: T) => boolean, keep: (value: T) => T) {
    this.same = same;
    this.keep = keep;
  }

  get(key: string, value: T): T | undefined {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    for (const candidate of bucket) if (this.same(candidate, value)) return candidate;
    if (bucket.length >= BUCKET_LIMIT) return undefined;
    const kept = this.keep(value);
    bucket.push(kept);
    return kept;
  }
}

/**
 * One object for equal relationship properties: a big catalogue repeats a credit's role and quote for each of a
 * person's works, and a million rows would otherwise keep a million copies and the parsed strings behind them.
 * Nothing changes rows' properties in place (see `withSource`).
 */
function sharedProps(): (props: Props) => Props {
  const pool = new Pool<Props>(sameProps, (props) => props);
  return (props) => pool.get(firstString(props.sourceQuotes), props) ?? props;
}

export function datasetToRows(data: Dataset): GraphRows {
  const cited = sharedProvenance();
  const shared = sharedProps();
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const rel = (
    type: RelType,
    fromLabel: NodeLabel,
    from: string,
    toLabel: NodeLabel,
    to: string,
    sources: readonly SourceInput[],
    extra: Record<string, PropValue | undefined> = {},
    key = '',
  ) => rels.push({ type, fromLabel, from, toLabel, to, key, props: shared({ ...defined(extra), ...cited(sources) }) });

  /** An identifier is a node of its own: its key is unique in both stores, and one identifier names one node. */
  const identify = (
    label: NodeLabel,
    slug: string,
    entry: { identifiers?: Dataset['people'][number]['identifiers']; sources: readonly SourceInput[] },
  ) => {
    for (const id of entry.identifiers ?? []) {
      const key = identifierSlug(id.scheme, id.value);
      nodes.push({
        label: 'Identifier',
        slug: key,
        props: { ...defined({ scheme: id.scheme, value: id.value, url: id.url }), ...cited(entry.sources) },
      });
      rel('IDENTIFIES', 'Identifier', key, label, slug, entry.sources);
    }
  };

  for (const d of data.documents) nodes.push({ label: 'Document', slug: d.slug, props: documentProps(d) });

  const births = new Map(data.births.map((b) => [b.person, b]));
  for (const p of data.people) {
    const birth = births.get(p.slug);
    nodes.push({
      label: 'Person',
      slug: p.slug,
      props: {
        ...personProps(p, birth?.date),
        ...cited(birth?.date ? [...p.sources, ...birth.sources] : p.sources),
      },
    });
    identify('Person', p.slug, p);
    if (p.area) rel('IN_AREA', 'Person', p.slug, 'Place', p.area, p.sources);
  }
  for (const w of data.works) nodes.push({ label: 'Work', slug: w.slug, props: { ...workProps(w), ...cited(w.sources) } });
  for (const w of data.works) identify('Work', w.slug, w);
  for (const p of data.places) {
    nodes.push({
      label: 'Place',
      slug: p.slug,
      props: { name: p.name, searchText: searchText(p.name), ...cited(p.sources) },
    });
    identify('Place', p.slug, p);
  }
  for (const o of data.organizations) {
    nodes.push({
      label: 'Organization',
      slug: o.slug,
      props: { name: o.name, kind: o.kind, searchText: searchText(o.name), ...cited(o.sources) },
    });
    identify('Organization', o.slug, o);
  }
  for (const a of data.awards) {
    nodes.push({
      label: 'Award',
      slug: a.slug,
      props: { name: a.name, searchText: searchText(a.name), ...cited(a.sources) },
    });
    identify('Award', a.slug, a);
  }

  for (const c of data.credits) {
    const props = shared({ ...creditProps(c), ...cited(c.sources) });
    // The key is the shared props' role: equal to c.role, and one string instead of one per credit.
    rels.push({ ...creditLink(c.person, c.work, props.role as string), props });
  }
  for (const l of data.workLinks)
    rel(l.type, 'Work', l.from, 'Work', l.to, l.sources, { detail: l.detail, attributes: l.attributes });
  for (const m of data.memberships)
    rel('MEMBER_OF', 'Person', m.person, 'Person', m.group, m.sources, {
      beginDate: m.beginDate,
      endDate: m.endDate,
      attributes: m.attributes,
      creditedAs: m.creditedAs,
    });
  for (const b of data.births) if (b.place) rel('BORN_IN', 'Person', b.person, 'Place', b.place, b.sources, { date: b.date });
  for (const a of data.affiliations)
    rel(
      a.type,
      'Person',
      a.person,
      'Organization',
      a.organization,
      a.sources,
      { role: a.role, detail: a.detail, startYear: a.startYear, endYear: a.endYear, period: a.period },
      affiliationKey(a),
    );
  for (const l of data.locations) rel('LOCATED_IN', 'Organization', l.organization, 'Place', l.place, l.sources);
  for (const p of data.organizationParts) rel('PART_OF', 'Organization', p.organization, 'Organization', p.parent, p.sources);
  for (const a of data.associations)
    rel(a.type, 'Person', a.from, 'Person', a.to, a.sources, {
      detail: a.detail,
      beginDate: a.beginDate,
      endDate: a.endDate,
      attributes: a.attributes,
    });

  for (const w of data.awardWins) {
    nodes.push({
      label: 'AwardWin',
      slug: w.slug,
      props: { ...awardWinProps(w), ...cited(w.sources) },
    });
    for (const link of awardWinLinks(w)) rels.push({ ...link, props: shared(cited(w.sources)) });
  }

  const subjectLabel = {
    person: 'Person',
    work: 'Work',
    awardWin: 'AwardWin',
    organization: 'Organization',
    place: 'Place',
  } as const;
  for (const c of data.conflicts) {
    const claimSources = c.claims.map((claim) => claim.source);
    nodes.push({ label: 'Conflict', slug: c.slug, props: { description: c.description, ...cited(claimSources) } });
    c.claims.forEach((claim, i) => {
      const slug = `${c.slug}-claim-${i + 1}`;
      nodes.push({ label: 'Claim', slug, props: { statement: claim.statement, position: i, ...cited([claim.source]) } });
      rel('HAS_CLAIM', 'Conflict', c.slug, 'Claim', slug, [claim.source]);
    });
    for (const s of c.about) rel('ABOUT', 'Conflict', c.slug, subjectLabel[s.type], s.slug, claimSources);
  }
  return { nodes, rels };
}
