// Turns stored property bags into port records, the same way for both adapters so their answers match.
import {
  type DocumentKind,
  IDENTIFIER_PAGES,
  type IdentifierScheme,
  type PersonKind,
  type Role,
  type WorkKind,
} from '../dataset/format.ts';
import {
  type AssociationRecord,
  type AssociationType,
  type AwardRecord,
  type AwardWinRecord,
  type CreditRecord,
  type DocumentRecord,
  type IdentifiedLabel,
  type IdentifierRecord,
  type MembershipRecord,
  type OrganizationRecord,
  type PersonRecord,
  type PlaceRecord,
  type Qualified,
  type RecordByLabel,
  ROLE_RANK,
  type SourceRecord,
  type WorkLinkRecord,
  type WorkLinkType,
  type WorkRecord,
} from './store.ts';

type Bag = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Zip the parallel provenance lists back into sources. */
export function sourcesOf(props: Bag): SourceRecord[] {
  const documents = strings(props.sourceDocuments);
  const citations = strings(props.sourceCitations);
  const quotes = strings(props.sourceQuotes);
  return documents.map((document, i) => ({
    document,
    citations: (citations[i] ?? '').split(',').filter((c) => c.length > 0),
    quote: quotes[i] ?? '',
  }));
}

export function personRecord(slug: string, p: Bag): PersonRecord {
  return {
    slug,
    name: str(p.name) ?? slug,
    isGroup: p.isGroup === true,
    aliases: strings(p.aliases),
    birthDate: str(p.birthDate),
    kind: str(p.kind) as PersonKind | null,
    gender: str(p.gender),
    sortName: str(p.sortName),
    disambiguation: str(p.disambiguation),
    country: str(p.country),
    beginDate: str(p.beginDate),
    endDate: str(p.endDate),
    ended: typeof p.ended === 'boolean' ? p.ended : null,
    nationality: str(p.nationality),
    occupations: strings(p.occupations),
    genres: strings(p.genres),
    sources: sourcesOf(p),
  };
}

export function workRecord(slug: string, p: Bag): WorkRecord {
  return {
    slug,
    title: str(p.title) ?? slug,
    kind: (str(p.kind) ?? 'ALBUM') as WorkKind,
    year: num(p.year),
    endYear: num(p.endYear),
    date: str(p.date),
    disambiguation: str(p.disambiguation),
    lengthMs: num(p.lengthMs),
    sales: str(p.sales),
    sources: sourcesOf(p),
  };
}

function qualified(p: Bag): Qualified {
  return { beginDate: str(p.beginDate), endDate: str(p.endDate), attributes: strings(p.attributes) };
}

/** A credit from its CREDITED relationship's properties and its two ends. */
export function creditRecord(person: PersonRecord, work: WorkRecord, p: Bag): CreditRecord {
  return {
    person,
    work,
    role: p.role as Role,
    detail: str(p.detail),
    creditedAs: str(p.creditedAs),
    ...qualified(p),
    sources: sourcesOf(p),
  };
}

export function associationRecord(
  type: AssociationType,
  direction: 'OUT' | 'IN',
  person: PersonRecord,
  p: Bag,
): AssociationRecord {
  return { type, direction, person, detail: str(p.detail), ...qualified(p), sources: sourcesOf(p) };
}

export function membershipRecord(direction: 'OUT' | 'IN', person: PersonRecord, p: Bag): MembershipRecord {
  return { direction, person, creditedAs: str(p.creditedAs), ...qualified(p), sources: sourcesOf(p) };
}

export function workLinkRecord(type: WorkLinkType, work: WorkRecord, p: Bag): WorkLinkRecord {
  return { type, work, detail: str(p.detail), attributes: strings(p.attributes), sources: sourcesOf(p) };
}

/** MusicBrainz's page for an entity of a label (and a work kind, for the four kinds of MusicBrainz work). */
function musicBrainzPage(label: IdentifiedLabel, kind: string | null, mbid: string): string | null {
  const type =
    label === 'Person'
      ? 'artist'
      : label === 'Place'
        ? 'area'
        : label === 'Organization'
          ? 'label'
          : label === 'Work'
            ? (({ RECORDING: 'recording', RELEASE: 'release', COMPOSITION: 'work' } as Record<string, string>)[kind ?? ''] ??
              'release-group')
            : null;
  return type ? `https://musicbrainz.org/${type}/${mbid}` : null;
}

/** An identifier from its node's properties; `label` and `kind` place a MusicBrainz id whose node stored no URL. */
export function identifierRecord(p: Bag, label: IdentifiedLabel, kind: string | null): IdentifierRecord {
  const scheme = p.scheme as IdentifierScheme;
  const value = str(p.value) ?? '';
  const url =
    str(p.url) ?? IDENTIFIER_PAGES[scheme]?.(value) ?? (scheme === 'MUSICBRAINZ' ? musicBrainzPage(label, kind, value) : null);
  return { scheme, value, url };
}

export const compareIdentifiers = (a: IdentifierRecord, b: IdentifierRecord) =>
  compareStrings(a.scheme, b.scheme) || compareStrings(a.value, b.value);

/** Groups before members, then by begin date (undated last), then slug: the same order on both stores. */
export const compareMemberships = (a: MembershipRecord, b: MembershipRecord) =>
  compareStrings(a.direction, b.direction) ||
  compareNullableStrings(a.beginDate, b.beginDate) ||
  compareStrings(a.person.slug, b.person.slug);

export const compareAssociations = (a: AssociationRecord, b: AssociationRecord) =>
  compareStrings(a.type, b.type) || compareStrings(a.direction, b.direction) || compareStrings(a.person.slug, b.person.slug);

export const compareWorkLinks = (a: WorkLinkRecord, b: WorkLinkRecord) =>
  compareWorks(a.work, b.work) || compareStrings(a.type, b.type);

function compareNullableStrings(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

export function placeRecord(slug: string, p: Bag): PlaceRecord {
  return { slug, name: str(p.name) ?? slug, sources: sourcesOf(p) };
}

export function organizationRecord(slug: string, p: Bag): OrganizationRecord {
  return { slug, name: str(p.name) ?? slug, kind: str(p.kind) ?? 'COMPANY', sources: sourcesOf(p) };
}

export function awardRecord(slug: string, p: Bag): AwardRecord {
  return { slug, name: str(p.name) ?? slug, sources: sourcesOf(p) };
}

/** An award win with its links, which both stores read along with the node. */
export function awardWinRecord(
  slug: string,
  p: Bag,
  links: { awardSlug: string; workSlug: string | null; recipientSlugs: string[] },
): AwardWinRecord {
  return {
    slug,
    awardSlug: links.awardSlug,
    category: str(p.category),
    year: num(p.year),
    note: str(p.note),
    workSlug: links.workSlug,
    recipientSlugs: [...links.recipientSlugs].sort(),
    sources: sourcesOf(p),
  };
}

export function documentRecord(slug: string, p: Bag): DocumentRecord {
  return {
    slug,
    title: str(p.title) ?? slug,
    url: str(p.url),
    kind: str(p.kind) as DocumentKind | null,
    licence: str(p.licence),
    text: str(p.text),
  };
}

type SimpleLabel = Exclude<keyof RecordByLabel, 'AwardWin' | 'Conflict'>;
export const simpleRecord: { [L in SimpleLabel]: (slug: string, p: Bag) => RecordByLabel[L] } = {
  Person: personRecord,
  Work: workRecord,
  Place: placeRecord,
  Organization: organizationRecord,
  Award: awardRecord,
  Document: documentRecord,
};

export function roleOf(p: Bag): Role {
  return p.role as Role;
}

/** Ascending with nulls last, as Cypher's ORDER BY sorts. */
export function compareNullableNumbers(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Code-unit order, as Cypher compares strings; never locale order, which differs by machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareWorks(a: WorkRecord, b: WorkRecord): number {
  return compareNullableNumbers(a.year, b.year) || compareStrings(a.slug, b.slug);
}

/** A work's credits: performers first, then by role rank and person; the same order on both stores and in plans. */
export function compareCreditsOnWork(a: CreditRecord, b: CreditRecord): number {
  return ROLE_RANK[a.role] - ROLE_RANK[b.role] || compareStrings(a.person.slug, b.person.slug);
}

export function compareAwardWins(a: AwardWinRecord, b: AwardWinRecord): number {
  return compareNullableNumbers(a.year, b.year) || compareStrings(a.slug, b.slug);
}

/** Relationship rows in the export streams' order: type, start label and slug, end label and slug, key. */
export function compareRelRows(
  a: { type: string; fromLabel: string; from: string; toLabel: string; to: string; key: string },
  b: typeof a,
): number {
  return (
    compareStrings(a.type, b.type) ||
    compareStrings(a.fromLabel, b.fromLabel) ||
    compareStrings(a.from, b.from) ||
    compareStrings(a.toLabel, b.toLabel) ||
    compareStrings(a.to, b.to) ||
    compareStrings(a.key, b.key)
  );
}
