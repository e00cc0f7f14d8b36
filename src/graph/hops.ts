// The one-hop lists, as one table: each hop's shape (what an adapter reads) and how its rows become records and in
// what order. Records are built and sorted here, once, for both stores; the adapters only fetch raw rows.
import { ASSOCIATION_TYPES, WORK_LINK_TYPES } from '../dataset/format.ts';
import type { HopRow, HopShape, LinkedNode, LinkShape } from './port/hop-rows.ts';
import {
  associationRecord,
  awardWinRecord,
  compareAssociations,
  compareAwardWins,
  compareIdentifiers,
  compareMemberships,
  compareNullableNumbers,
  compareStrings,
  compareWorkLinks,
  identifierRecord,
  membershipRecord,
  organizationRecord,
  personRecord,
  placeRecord,
  sourcesOf,
  workLinkRecord,
  workRecord,
} from './records.ts';
import { NODE_LABELS, type NodeLabel, type Props } from './rows.ts';
import {
  type AffiliationRecord,
  type AssociationType,
  type AwardWinRecord,
  type BirthPlaceRecord,
  type ClaimRecord,
  type ConflictRecord,
  IDENTIFIED_LABELS,
  type IdentifiedLabel,
  type WorkLinkType,
} from './store.ts';

/** A hop: what to read, and how a start node's rows become its answer (a sorted list, or one record or null). */
interface Hop<A> {
  shape: HopShape;
  answer(rows: HopRow[], from: NodeLabel): A;
}

/** Every row a record, sorted: the lists. */
const list = <R>(shape: HopShape, record: (row: HopRow, from: NodeLabel) => R, order: (a: R, b: R) => number): Hop<R[]> => ({
  shape,
  answer: (rows, from) => rows.map((row) => record(row, from)).sort(order),
});

/** The first row's record, or null: a person's area and birthplace (the data holds at most one). */
const single = <R>(shape: HopShape, record: (row: HopRow) => R): Hop<R | null> => ({
  shape,
  answer: (rows) => (rows[0] ? record(rows[0]) : null),
});

const person = (row: HopRow) => personRecord(row.slug, row.props);
const bySlug = (a: { slug: string }, b: { slug: string }) => compareStrings(a.slug, b.slug);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** An award win from its node and its links: the award it is of, the work it is for, who received it. */
export const AWARD_WIN_LINKS = {
  award: { type: 'OF_AWARD', direction: 'out', to: 'Award' },
  work: { type: 'FOR_WORK', direction: 'out', to: 'Work' },
  recipients: { type: 'RECEIVED', direction: 'in', to: 'Person' },
} as const satisfies Record<string, LinkShape>;

export function awardWinFromLinks(slug: string, props: Props, links: Record<string, LinkedNode[]>): AwardWinRecord {
  return awardWinRecord(slug, props, {
    awardSlug: links.award?.[0]?.slug ?? '',
    workSlug: links.work?.[0]?.slug ?? null,
    recipientSlugs: (links.recipients ?? []).map((r) => r.slug),
  });
}

/** A conflict from its node and its links: its claims in their stored order, what it is about by label and slug. */
export const CONFLICT_LINKS = {
  claims: { type: 'HAS_CLAIM', direction: 'out', to: 'Claim', props: true },
  about: { type: 'ABOUT', direction: 'out' },
} as const satisfies Record<string, LinkShape>;

export function conflictFromLinks(slug: string, props: Props, links: Record<string, LinkedNode[]>): ConflictRecord {
  const claims = [...(links.claims ?? [])]
    .sort((a, b) => Number(a.props.position) - Number(b.props.position))
    .map(
      (claim): ClaimRecord => ({
        statement: String(claim.props.statement),
        source: sourcesOf(claim.props)[0] ?? { document: '', citations: [], quote: '' },
      }),
    );
  const about = (links.about ?? [])
    .map(({ label, slug }) => ({ label, slug }))
    .sort((a, b) => compareStrings(a.label, b.label) || compareStrings(a.slug, b.slug));
  return { slug, description: String(props.description), claims, about };
}

const awardWin = (row: HopRow) => awardWinFromLinks(row.slug, row.props, row.links);

function affiliationRecord(row: HopRow): AffiliationRecord {
  const p = row.rel;
  return {
    type: row.type as AffiliationRecord['type'],
    organization: organizationRecord(row.slug, row.props),
    role: str(p.role),
    detail: str(p.detail),
    startYear: num(p.startYear),
    endYear: num(p.endYear),
    period: str(p.period),
    sources: sourcesOf(p),
  };
}

/** By the year it began (or ended, if that is all that is known; undated last), then organization, type, role. */
const compareAffiliations = (a: AffiliationRecord, b: AffiliationRecord) =>
  compareNullableNumbers(a.startYear ?? a.endYear, b.startYear ?? b.endYear) ||
  compareStrings(a.organization.slug, b.organization.slug) ||
  compareStrings(a.type, b.type) ||
  compareStrings(a.role ?? '', b.role ?? '');

const direction = (row: HopRow) => (row.outgoing ? 'OUT' : 'IN') as 'OUT' | 'IN';
const workLinks = (direction: 'out' | 'in') =>
  list(
    { from: ['Work'], types: WORK_LINK_TYPES, direction, to: 'Work' },
    (row) => workLinkRecord(row.type as WorkLinkType, workRecord(row.slug, row.props), row.rel),
    compareWorkLinks,
  );
const awardWins = (from: 'Person' | 'Work' | 'Award', type: 'RECEIVED' | 'FOR_WORK' | 'OF_AWARD', direction: 'out' | 'in') =>
  list({ from: [from], types: [type], direction, to: 'AwardWin', links: AWARD_WIN_LINKS }, awardWin, compareAwardWins);

/** Every one-hop list the API reads, by name: the allow-list the adapters accept and nothing else. */
export const HOPS = {
  /** A group's members, by slug. */
  membersOf: list({ from: ['Person'], types: ['MEMBER_OF'], direction: 'in', to: 'Person' }, person, bySlug),
  /** The groups a person is a member of, by slug. */
  groupsOf: list({ from: ['Person'], types: ['MEMBER_OF'], direction: 'out', to: 'Person' }, person, bySlug),
  /** Both sides of MEMBER_OF with its dates and attributes: groups first, each side by begin date then slug. */
  membershipsOf: list(
    { from: ['Person'], types: ['MEMBER_OF'], direction: 'both', to: 'Person' },
    (row) => membershipRecord(direction(row), person(row), row.rel),
    compareMemberships,
  ),
  /** The place a person or group is from. */
  areaOf: single({ from: ['Person'], types: ['IN_AREA'], direction: 'out', to: 'Place' }, (row) =>
    placeRecord(row.slug, row.props),
  ),
  /** A person's birthplace, with the sources that state it. */
  birthPlaceOf: single(
    { from: ['Person'], types: ['BORN_IN'], direction: 'out', to: 'Place' },
    (row): BirthPlaceRecord => ({ place: placeRecord(row.slug, row.props), sources: sourcesOf(row.rel) }),
  ),
  /** A node's identifiers, by scheme then value; the node's kind places a MusicBrainz id that stored no URL. */
  identifiersOf: list(
    { from: IDENTIFIED_LABELS, types: ['IDENTIFIES'], direction: 'in', to: 'Identifier', startProps: ['kind'] },
    (row, from) => identifierRecord(row.props, from as IdentifiedLabel, str(row.start.kind)),
    compareIdentifiers,
  ),
  /** What a work is part of (album, film), by the other work's year then slug. */
  partOf: workLinks('out'),
  /** A work's parts (songs, soundtrack), likewise. */
  parts: workLinks('in'),
  /** Award wins received by a person, for a work, or of an award: by year, then slug. */
  awardWinsOfPerson: awardWins('Person', 'RECEIVED', 'out'),
  awardWinsOfWork: awardWins('Work', 'FOR_WORK', 'in'),
  awardWinsOfAward: awardWins('Award', 'OF_AWARD', 'in'),
  /** Schools and studios a person studied, worked or taught at. */
  affiliationsOf: list(
    { from: ['Person'], types: ['STUDIED_AT', 'WORKED_AT', 'TAUGHT_AT'], direction: 'out', to: 'Organization' },
    affiliationRecord,
    compareAffiliations,
  ),
  /** Person-to-person links without a named work (mentoring, family), both ways: by type, direction, slug. */
  associationsOf: list(
    { from: ['Person'], types: ASSOCIATION_TYPES, direction: 'both', to: 'Person' },
    (row) => associationRecord(row.type as AssociationType, direction(row), person(row), row.rel),
    compareAssociations,
  ),
  /** The conflicts about a node of any label, by slug. */
  conflictsAbout: list(
    { from: NODE_LABELS, types: ['ABOUT'], direction: 'in', to: 'Conflict', links: CONFLICT_LINKS },
    (row) => conflictFromLinks(row.slug, row.props, row.links),
    bySlug,
  ),
} satisfies Record<string, Hop<unknown>>;

export type HopName = keyof typeof HOPS;
/** What a hop answers per start node: a sorted list, or one record or null. */
export type HopAnswer<H extends HopName> = ReturnType<(typeof HOPS)[H]['answer']>;

/**
 * The shape of an allow-listed hop from a label, or a clear error: adapters call this before reading anything,
 * so a name or label outside the table never reaches a query.
 */
export function hopShape(hop: string, from: NodeLabel): HopShape {
  const entry = Object.hasOwn(HOPS, hop) ? HOPS[hop as HopName] : undefined;
  if (!entry) throw new Error(`hops: "${hop}" is not a hop (known: ${Object.keys(HOPS).join(', ')})`);
  if (!entry.shape.from.includes(from))
    throw new Error(`hops: "${hop}" reads from ${entry.shape.from.join(' or ')}, not from ${from}`);
  return entry.shape;
}

/**
 * One hop for many start nodes, as records in key order: the adapter's rows, built and sorted here. `from` is the
 * start label, for the hops that may start from several (identifiers, conflicts); the hop's first label otherwise.
 */
export async function readHop<H extends HopName>(
  reads: { hops(hop: HopName, from: NodeLabel, slugs: readonly string[]): Promise<HopRow[][]> },
  hop: H,
  slugs: readonly string[],
  from: NodeLabel = HOPS[hop].shape.from[0] as NodeLabel,
): Promise<HopAnswer<H>[]> {
  const rows = await reads.hops(hop, from, slugs);
  const answer = HOPS[hop].answer as (rows: HopRow[], from: NodeLabel) => HopAnswer<H>;
  return rows.map((forSlug) => answer(forSlug, from));
}
