// Turns stored property bags into port records, the same way for both adapters so their answers match.
import type { Role, WorkKind } from '../dataset/format.ts';
import type {
  AwardRecord,
  AwardWinRecord,
  DocumentRecord,
  OrganizationRecord,
  PersonRecord,
  PlaceRecord,
  RecordByLabel,
  SourceRecord,
  WorkRecord,
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
    sources: sourcesOf(p),
  };
}

export function workRecord(slug: string, p: Bag): WorkRecord {
  return {
    slug,
    title: str(p.title) ?? slug,
    kind: (str(p.kind) ?? 'ALBUM') as WorkKind,
    year: num(p.year),
    sources: sourcesOf(p),
  };
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
    workSlug: links.workSlug,
    recipientSlugs: [...links.recipientSlugs].sort(),
    sources: sourcesOf(p),
  };
}

export function documentRecord(slug: string, p: Bag): DocumentRecord {
  return { slug, title: str(p.title) ?? slug, url: str(p.url) };
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

export function compareAwardWins(a: AwardWinRecord, b: AwardWinRecord): number {
  return compareNullableNumbers(a.year, b.year) || compareStrings(a.slug, b.slug);
}
