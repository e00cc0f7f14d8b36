// How two statements of one node — the kept one and another source's — become one: a pure function, shared by
// identity resolution at import and by merging nodes by hand.
import { createHash } from 'node:crypto';
import { searchTokens } from '../dataset/slug.ts';
import { type GraphRows, type NodeRow, type Props, type PropValue, type RelRow, sameValue } from '../graph/rows.ts';
import type { SourceRecord } from '../graph/store.ts';

/** A source's name as a claim states it ("MusicBrainz", "Discogs", an article's title). */
export type DescribeSource = (source: SourceRecord) => string;

const CATALOGUE_NAMES: Record<string, string> = { MUSICBRAINZ: 'MusicBrainz', DISCOGS: 'Discogs' };

/** How a claim names a document: a catalogue by its name (one page per entity), anything else by its title. */
export function documentName(document: { kind?: string | null; title?: string | null }): string {
  return CATALOGUE_NAMES[document.kind ?? ''] ?? document.title ?? '';
}

/** Provenance lists: unioned, never compared as values. */
const PROVENANCE = new Set(['sourceDocuments', 'sourceCitations', 'sourceQuotes']);
/** The name a node goes by: another source's different name is kept as an alias, not a conflict. */
const NAME_PROPS = new Set(['name', 'title']);
/** Derived from the names: rebuilt, never compared. */
const DERIVED = new Set(['searchText', 'aliases']);
/**
 * Flags where a source that does not know says false (the dataset format defaults `isGroup` to false): any source
 * saying true wins, so a catalogue that does not record it does not contradict one that does.
 */
const EITHER_TRUE = new Set(['isGroup', 'ended']);

/** The sources a row's provenance lists, in order. */
export function sourcesOfProps(props: Props): SourceRecord[] {
  const documents = (props.sourceDocuments as readonly string[] | undefined) ?? [];
  const citations = (props.sourceCitations as readonly string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as readonly string[] | undefined) ?? [];
  return documents.map((document, i) => ({
    document,
    citations: (citations[i] ?? '') === '' ? [] : (citations[i] as string).split(','),
    quote: quotes[i] ?? '',
  }));
}

/**
 * `kept`'s provenance with every source of `other` not already there, in `other`'s order; `kept` itself when
 * nothing is new (a re-import), so an unchanged node stays the very same object.
 */
export function unionSources(kept: Props, other: Props): Props {
  const documents = (kept.sourceDocuments as readonly string[] | undefined) ?? [];
  const citations = (kept.sourceCitations as readonly string[] | undefined) ?? [];
  const quotes = (kept.sourceQuotes as readonly string[] | undefined) ?? [];
  const otherDocuments = (other.sourceDocuments as readonly string[] | undefined) ?? [];
  const otherCitations = (other.sourceCitations as readonly string[] | undefined) ?? [];
  const otherQuotes = (other.sourceQuotes as readonly string[] | undefined) ?? [];
  let added: number[] | null = null;
  for (let i = 0; i < otherDocuments.length; i++) {
    let known = false;
    for (let j = 0; j < documents.length && !known; j++)
      known = documents[j] === otherDocuments[i] && quotes[j] === otherQuotes[i] && citations[j] === otherCitations[i];
    for (let j = 0; j < i && !known && added !== null; j++)
      known =
        added.includes(j) &&
        otherDocuments[j] === otherDocuments[i] &&
        otherQuotes[j] === otherQuotes[i] &&
        otherCitations[j] === otherCitations[i];
    if (!known) (added ??= []).push(i);
  }
  if (added === null) return kept;
  return {
    ...kept,
    sourceDocuments: [...documents, ...added.map((i) => otherDocuments[i] as string)],
    sourceCitations: [...citations, ...added.map((i) => otherCitations[i] ?? '')],
    sourceQuotes: [...quotes, ...added.map((i) => otherQuotes[i] ?? '')],
  };
}

/** Strings of both lists, `kept`'s first, each once. */
function unionList(kept: PropValue | undefined, other: PropValue | undefined): PropValue | undefined {
  const a = Array.isArray(kept) ? (kept as readonly (string | number)[]) : [];
  const b = Array.isArray(other) ? (other as readonly (string | number)[]) : [];
  if (b.every((x) => a.includes(x))) return kept ?? other;
  return [...a, ...b.filter((x, i) => !a.includes(x) && b.indexOf(x) === i)] as PropValue;
}

/** "beginDate" → "begin date". */
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const shown = (value: PropValue) => (Array.isArray(value) ? value.join(', ') : String(value));

/**
 * The conflict recording that two sources give a property two values: one Claim per source, each with its own quote,
 * about the kept node. Its slug is derived from the node, the property and both values, so importing the same data
 * again writes the same conflict (and changes nothing).
 */
export function valueConflict(
  subject: NodeRow,
  property: string,
  kept: { value: PropValue; source: SourceRecord },
  other: { value: PropValue; source: SourceRecord },
  describeSource: DescribeSource,
): GraphRows {
  const hash = createHash('sha1')
    .update(`${subject.label}\u0000${subject.slug}\u0000${property}\u0000${shown(kept.value)}\u0000${shown(other.value)}`)
    .digest('hex')
    .slice(0, 10);
  const slug = `${subject.slug}-${words(property).replace(/ /g, '-')}-${hash}`.toLowerCase();
  const name = typeof subject.props.name === 'string' ? subject.props.name : String(subject.props.title ?? subject.slug);
  const claims = [kept, other].map((claim) => ({
    statement: `${describeSource(claim.source)}: ${words(property)} ${shown(claim.value)}`,
    source: claim.source,
  }));
  const provenance = (sources: SourceRecord[]): Props => ({
    sourceDocuments: sources.map((s) => s.document),
    sourceCitations: sources.map((s) => s.citations.join(',')),
    sourceQuotes: sources.map((s) => s.quote),
  });
  const both = claims.map((c) => c.source);
  const nodes: NodeRow[] = [
    {
      label: 'Conflict',
      slug,
      props: {
        description: `The sources give two values for the ${words(property)} of ${name}: ${claims.map((c) => c.statement).join('; ')}.`,
        ...provenance(both),
      },
    },
  ];
  const rels: RelRow[] = [];
  claims.forEach((claim, i) => {
    const claimSlug = `${slug}-claim-${i + 1}`;
    nodes.push({
      label: 'Claim',
      slug: claimSlug,
      props: { statement: claim.statement, position: i, ...provenance([claim.source]) },
    });
    rels.push({
      type: 'HAS_CLAIM',
      fromLabel: 'Conflict',
      from: slug,
      toLabel: 'Claim',
      to: claimSlug,
      key: '',
      props: provenance([claim.source]),
    });
  });
  rels.push({
    type: 'ABOUT',
    fromLabel: 'Conflict',
    from: slug,
    toLabel: subject.label,
    to: subject.slug,
    key: '',
    props: provenance(both),
  });
  return { nodes, rels };
}

/**
 * One node from two statements of it. The kept node's values stay; values it lacks are added; provenance is the
 * union; another name becomes an alias (and searchable); lists are unioned; where both state a property with
 * different values, the kept value stays and a Conflict with one Claim per source records both.
 */
export function combineNode(
  kept: NodeRow,
  other: NodeRow,
  describeSource: DescribeSource,
): { props: Props; conflicts: GraphRows } {
  const conflicts: GraphRows = { nodes: [], rels: [] };
  let props: Props = { ...kept.props };
  const keptSource = sourcesOfProps(kept.props)[0];
  const otherSource = sourcesOfProps(other.props)[0];
  // An identifier, a document or a conflict's own parts: facts about the subject are not theirs to contradict.
  const recordsConflicts = kept.label !== 'Identifier' && keptSource !== undefined && otherSource !== undefined;
  const newNames: string[] = [];
  for (const name in other.props) {
    if (PROVENANCE.has(name) || DERIVED.has(name)) continue;
    const value = other.props[name] as PropValue;
    const current = props[name];
    if (current === undefined) props[name] = value;
    else if (sameValue(current, value)) continue;
    else if (NAME_PROPS.has(name)) newNames.push(String(value));
    else if (EITHER_TRUE.has(name)) props[name] = current === true || value === true;
    else if (Array.isArray(current) || Array.isArray(value)) props[name] = unionList(current, value) as PropValue;
    else if (recordsConflicts) {
      const found = valueConflict(
        kept,
        name,
        { value: current, source: keptSource },
        { value, source: otherSource },
        describeSource,
      );
      conflicts.nodes.push(...found.nodes);
      conflicts.rels.push(...found.rels);
    }
  }
  const otherAliases = [...((other.props.aliases as readonly string[] | undefined) ?? []), ...newNames];
  if (otherAliases.length > 0) props.aliases = unionList(props.aliases ?? [], otherAliases) as PropValue;
  // Only words the kept text lacks are appended: the kept text stays as it was when nothing is new. Search text is
  // already lowercase words joined by spaces, so it is split, not tokenized again.
  if (typeof other.props.searchText === 'string' || otherAliases.length > 0) {
    const keptText = typeof props.searchText === 'string' ? props.searchText : '';
    const known = new Set(keptText.split(' '));
    const added: string[] = [];
    const consider = (token: string) => {
      if (token !== '' && !known.has(token)) {
        known.add(token);
        added.push(token);
      }
    };
    if (typeof other.props.searchText === 'string') for (const token of other.props.searchText.split(' ')) consider(token);
    for (const alias of otherAliases) for (const token of searchTokens(alias)) consider(token);
    if (added.length > 0) props.searchText = keptText === '' ? added.join(' ') : `${keptText} ${added.join(' ')}`;
  }
  props = unionSources(props, other.props);
  return { props, conflicts };
}

/**
 * One relationship from two statements of it: the kept props stay, missing ones are added, lists (a credit's
 * attributes) are united, sources are the union; `kept` itself when nothing is new.
 */
export function combineRelProps(kept: Props, other: Props): Props {
  let props: Props = kept;
  for (const name in other) {
    if (PROVENANCE.has(name)) continue;
    const value = other[name] as PropValue;
    const current = props[name];
    const next = current === undefined ? value : Array.isArray(current) ? unionList(current, value) : current;
    if (next !== current) props = { ...props, [name]: next as PropValue };
  }
  return unionSources(props, other);
}
