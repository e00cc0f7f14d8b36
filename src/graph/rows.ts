// The property-graph form of a dataset: the exact nodes and relationships both stores hold.

import { SECTIONS } from '../dataset/dataset-lines.ts';
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

/** Where rows go as they are made: a list for a dataset held whole, a CSV file for one read line by line. */
export interface RowSink {
  node(row: NodeRow): void;
  rel(row: RelRow): void;
}

type Section = Exclude<keyof Dataset, 'format' | 'version'>;
type Entry<S extends Section> = Dataset[S][number];

/** Makes each entry's rows: one mapping for a dataset held whole (datasetToRows) and one streamed (the bulk import). */
export interface EntryRows {
  /** A person, with their birth: a dataset states a birth date apart (`births`), a person row holds it. */
  person(p: Entry<'people'>, birth: Entry<'births'> | undefined): void;
  /** An entry of any other section; a birth gives its BORN_IN here, its date goes through `person`. */
  entry<S extends Exclude<Section, 'people'>>(section: S, entry: Entry<S>): void;
}

export interface EntryRowsOptions {
  /**
   * Share equal provenance lists and relationship props between rows (sharedProps): rows held by the million take a
   * fraction of the memory. Rows written as they are made gain nothing, and the pool would grow with the dataset.
   */
  share: boolean;
}

export function entryRows(sink: RowSink, { share }: EntryRowsOptions): EntryRows {
  const cited = sharedProvenance();
  const shared = share ? sharedProps() : (props: Props) => props;
  const rel = (
    type: RelType,
    fromLabel: NodeLabel,
    from: string,
    toLabel: NodeLabel,
    to: string,
    sources: readonly SourceInput[],
    extra: Record<string, PropValue | undefined> = {},
    key = '',
  ) => sink.rel({ type, fromLabel, from, toLabel, to, key, props: shared({ ...defined(extra), ...cited(sources) }) });

  /** An identifier is a node of its own: its key is unique in both stores, and one identifier names one node. */
  const identify = (
    label: NodeLabel,
    slug: string,
    entry: { identifiers?: Dataset['people'][number]['identifiers']; sources: readonly SourceInput[] },
  ) => {
    for (const id of entry.identifiers ?? []) {
      const key = identifierSlug(id.scheme, id.value);
      sink.node({
        label: 'Identifier',
        slug: key,
        props: { ...defined({ scheme: id.scheme, value: id.value, url: id.url }), ...cited(entry.sources) },
      });
      rel('IDENTIFIES', 'Identifier', key, label, slug, entry.sources);
    }
  };
  const named = (label: 'Place' | 'Award', e: Entry<'places'> | Entry<'awards'>) => {
    sink.node({ label, slug: e.slug, props: { name: e.name, searchText: searchText(e.name), ...cited(e.sources) } });
    identify(label, e.slug, e);
  };
  const subjectLabel = {
    person: 'Person',
    work: 'Work',
    awardWin: 'AwardWin',
    organization: 'Organization',
    place: 'Place',
  } as const;

  const sections: { [S in Exclude<Section, 'people'>]: (entry: Entry<S>) => void } = {
    documents: (d) => sink.node({ label: 'Document', slug: d.slug, props: documentProps(d) }),
    works: (w) => {
      sink.node({ label: 'Work', slug: w.slug, props: { ...workProps(w), ...cited(w.sources) } });
      identify('Work', w.slug, w);
    },
    places: (p) => named('Place', p),
    organizations: (o) => {
      sink.node({
        label: 'Organization',
        slug: o.slug,
        props: { name: o.name, kind: o.kind, searchText: searchText(o.name), ...cited(o.sources) },
      });
      identify('Organization', o.slug, o);
    },
    awards: (a) => named('Award', a),
    credits: (c) => {
      const props = shared({ ...creditProps(c), ...cited(c.sources) });
      // The key is the shared props' role: equal to c.role, and one string instead of one per credit.
      sink.rel({ ...creditLink(c.person, c.work, props.role as string), props });
    },
    workLinks: (l) => rel(l.type, 'Work', l.from, 'Work', l.to, l.sources, { detail: l.detail, attributes: l.attributes }),
    memberships: (m) =>
      rel('MEMBER_OF', 'Person', m.person, 'Person', m.group, m.sources, {
        beginDate: m.beginDate,
        endDate: m.endDate,
        attributes: m.attributes,
        creditedAs: m.creditedAs,
      }),
    births: (b) => {
      if (b.place) rel('BORN_IN', 'Person', b.person, 'Place', b.place, b.sources, { date: b.date });
    },
    affiliations: (a) =>
      rel(
        a.type,
        'Person',
        a.person,
        'Organization',
        a.organization,
        a.sources,
        { role: a.role, detail: a.detail, startYear: a.startYear, endYear: a.endYear, period: a.period },
        affiliationKey(a),
      ),
    locations: (l) => rel('LOCATED_IN', 'Organization', l.organization, 'Place', l.place, l.sources),
    organizationParts: (p) => rel('PART_OF', 'Organization', p.organization, 'Organization', p.parent, p.sources),
    associations: (a) =>
      rel(a.type, 'Person', a.from, 'Person', a.to, a.sources, {
        detail: a.detail,
        beginDate: a.beginDate,
        endDate: a.endDate,
        attributes: a.attributes,
      }),
    awardWins: (w) => {
      sink.node({ label: 'AwardWin', slug: w.slug, props: { ...awardWinProps(w), ...cited(w.sources) } });
      for (const link of awardWinLinks(w)) sink.rel({ ...link, props: shared(cited(w.sources)) });
    },
    conflicts: (c) => {
      const claimSources = c.claims.map((claim) => claim.source);
      sink.node({ label: 'Conflict', slug: c.slug, props: { description: c.description, ...cited(claimSources) } });
      c.claims.forEach((claim, i) => {
        const slug = `${c.slug}-claim-${i + 1}`;
        sink.node({ label: 'Claim', slug, props: { statement: claim.statement, position: i, ...cited([claim.source]) } });
        rel('HAS_CLAIM', 'Conflict', c.slug, 'Claim', slug, [claim.source]);
      });
      for (const s of c.about) rel('ABOUT', 'Conflict', c.slug, subjectLabel[s.type], s.slug, claimSources);
    },
  };

  return {
    person(p, birth) {
      sink.node({
        label: 'Person',
        slug: p.slug,
        props: {
          ...personProps(p, birth?.date),
          ...cited(birth?.date ? [...p.sources, ...birth.sources] : p.sources),
        },
      });
      identify('Person', p.slug, p);
      if (p.area) rel('IN_AREA', 'Person', p.slug, 'Place', p.area, p.sources);
    },
    entry(section, entry) {
      (sections[section] as (entry: unknown) => void)(entry);
    },
  };
}

/** The sections after people, in the order their rows are made (the dataset's own order). */
const AFTER_PEOPLE = SECTIONS.filter((section) => section !== 'documents' && section !== 'people') as Exclude<
  Section,
  'people' | 'documents'
>[];

export function datasetToRows(data: Dataset): GraphRows {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const rows = entryRows({ node: (n) => nodes.push(n), rel: (r) => rels.push(r) }, { share: true });
  for (const d of data.documents) rows.entry('documents', d);
  const births = new Map(data.births.map((b) => [b.person, b]));
  for (const p of data.people) rows.person(p, births.get(p.slug));
  for (const section of AFTER_PEOPLE) for (const entry of data[section]) rows.entry(section, entry as never);
  return { nodes, rels };
}
