// A fast path for the dataset schema: the big sections checked in place by hand, without zod's copy of every entry.
import { type Dataset, datasetSchema, IDENTIFIER_SCHEMES, MAX_NAME_LENGTH, PERSON_KINDS, ROLES, WORK_KINDS } from './format.ts';

/**
 * The same rules as format.ts states for the sections a big catalogue is made of. Anything these checks are unsure of
 * returns null, and the caller runs the full schema for its exact messages: so a check here may be stricter than
 * the schema, never looser. A million credits validate in a fraction of the time and with no second copy in memory.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CITATION = /^\d+$/;
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const COUNTRY = /^[A-Z]{2}$/;
/** Stricter than z.url(), which the schema applies when this says no. */
const WEB_URL = /^https?:\/\/[^\s]+$/;
const roles = new Set<unknown>(ROLES);
const workKinds = new Set<unknown>(WORK_KINDS);
const personKinds = new Set<unknown>(PERSON_KINDS);
/** One list stands in for every defaulted empty one: nothing changes a parsed dataset, and a million arrays add up. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isSlug = (value: unknown) => typeof value === 'string' && SLUG.test(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
/** A name, alias or title: the schema caps them at MAX_NAME_LENGTH, and this path must never be looser. */
const isName = (value: unknown) => isText(value) && (value as string).length <= MAX_NAME_LENGTH;
const isOptionalNames = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isName));
const isOptionalText = (value: unknown) => value === undefined || isText(value);
const isOptionalDate = (value: unknown) => value === undefined || (typeof value === 'string' && PARTIAL_DATE.test(value));
const isOptionalTexts = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isText));
const isOptionalYear = (value: unknown) =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 1000 && (value as number) <= 2999);

const identifierKeys = new Set(['scheme', 'value', 'url']);
function isIdentifier(value: unknown): boolean {
  if (!isEntry(value) || !onlyKeys(value, identifierKeys) || typeof value.value !== 'string') return false;
  const form = IDENTIFIER_SCHEMES[value.scheme as keyof typeof IDENTIFIER_SCHEMES] as RegExp | undefined;
  return (
    form !== undefined &&
    form.test(value.value) &&
    (value.url === undefined || (typeof value.url === 'string' && WEB_URL.test(value.url)))
  );
}
const areOptionalIdentifiers = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isIdentifier));

function onlyKeys(entry: Entry, allowed: ReadonlySet<string>): boolean {
  for (const key in entry) if (!allowed.has(key)) return false;
  return true;
}

const sourceKeys = new Set(['document', 'citations', 'quote']);
function isSource(value: unknown): boolean {
  if (!isEntry(value) || !onlyKeys(value, sourceKeys) || !isSlug(value.document) || !isText(value.quote)) return false;
  const citations = value.citations;
  if (citations === undefined) return true;
  return Array.isArray(citations) && citations.every((c) => typeof c === 'string' && CITATION.test(c));
}

function areSources(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isSource);
}

const creditKeys = new Set(['person', 'work', 'role', 'detail', 'attributes', 'creditedAs', 'beginDate', 'endDate', 'sources']);
const personKeys = new Set([
  'slug',
  'name',
  'isGroup',
  'aliases',
  'kind',
  'gender',
  'sortName',
  'disambiguation',
  'country',
  'area',
  'beginDate',
  'endDate',
  'ended',
  'nationality',
  'occupations',
  'genres',
  'identifiers',
  'sources',
]);
const workKeys = new Set([
  'slug',
  'title',
  'kind',
  'year',
  'endYear',
  'date',
  'disambiguation',
  'lengthMs',
  'sales',
  'identifiers',
  'sources',
]);

const QUICK: Partial<Record<keyof Dataset, (entry: Entry) => boolean>> = {
  credits: (c) =>
    onlyKeys(c, creditKeys) &&
    isSlug(c.person) &&
    isSlug(c.work) &&
    roles.has(c.role) &&
    isOptionalText(c.detail) &&
    isOptionalTexts(c.attributes) &&
    isOptionalText(c.creditedAs) &&
    isOptionalDate(c.beginDate) &&
    isOptionalDate(c.endDate) &&
    areSources(c.sources),
  people: (p) =>
    onlyKeys(p, personKeys) &&
    isSlug(p.slug) &&
    isName(p.name) &&
    (p.isGroup === undefined || typeof p.isGroup === 'boolean') &&
    isOptionalNames(p.aliases) &&
    (p.kind === undefined || personKinds.has(p.kind)) &&
    isOptionalText(p.gender) &&
    isOptionalText(p.sortName) &&
    isOptionalText(p.disambiguation) &&
    (p.country === undefined || (typeof p.country === 'string' && COUNTRY.test(p.country))) &&
    (p.area === undefined || isSlug(p.area)) &&
    isOptionalDate(p.beginDate) &&
    isOptionalDate(p.endDate) &&
    (p.ended === undefined || typeof p.ended === 'boolean') &&
    isOptionalText(p.nationality) &&
    isOptionalTexts(p.occupations) &&
    isOptionalTexts(p.genres) &&
    areOptionalIdentifiers(p.identifiers) &&
    areSources(p.sources),
  works: (w) =>
    onlyKeys(w, workKeys) &&
    isSlug(w.slug) &&
    isName(w.title) &&
    workKinds.has(w.kind) &&
    isOptionalYear(w.year) &&
    isOptionalYear(w.endYear) &&
    isOptionalDate(w.date) &&
    isOptionalText(w.disambiguation) &&
    (w.lengthMs === undefined || (Number.isInteger(w.lengthMs) && (w.lengthMs as number) >= 0)) &&
    isOptionalText(w.sales) &&
    areOptionalIdentifiers(w.identifiers) &&
    areSources(w.sources),
};

/** The schema's defaults for entries that passed QUICK: whether one is missing, and filling them in. */
const DEFAULTS: Partial<Record<keyof Dataset, (entry: Entry, fill: boolean) => boolean>> = {
  credits: (c, fill) => withCitations(c.sources, fill),
  people: (p, fill) => {
    const missing = p.isGroup === undefined || p.aliases === undefined;
    if (fill && p.isGroup === undefined) p.isGroup = false;
    if (fill && p.aliases === undefined) p.aliases = NONE;
    return withCitations(p.sources, fill) || missing;
  },
  works: (w, fill) => withCitations(w.sources, fill),
};

function withCitations(sources: unknown, fill: boolean): boolean {
  let missing = false;
  for (const source of sources as Entry[])
    if (source.citations === undefined) {
      missing = true;
      if (fill) source.citations = NONE;
    }
  return missing;
}

/**
 * The dataset the schema would parse `raw` into, or null when the full schema must decide (and report). Entries of
 * the big sections are the parsed objects themselves; the small sections go through zod. Defaults are filled into
 * those entries only when the caller `owns` raw (it parsed it and nobody else holds it); otherwise an entry that
 * lacks one leaves the whole dataset to the schema, which copies.
 */
export function quickParse(raw: unknown, owned: boolean): Dataset | null {
  if (!isEntry(raw)) return null;
  const shape = datasetSchema.shape;
  for (const key in raw) if (!Object.hasOwn(shape, key)) return null;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof Dataset)[]) {
    const value = raw[key];
    const check = QUICK[key];
    if (check === undefined) {
      const parsed = shape[key].safeParse(value);
      if (!parsed.success) return null;
      out[key] = parsed.data;
    } else if (value === undefined) out[key] = [];
    else if (!Array.isArray(value) || !value.every((entry) => isEntry(entry) && check(entry))) return null;
    else out[key] = value;
  }
  for (const key of Object.keys(DEFAULTS) as (keyof Dataset)[]) {
    const defaults = DEFAULTS[key] as (entry: Entry, fill: boolean) => boolean;
    for (const entry of out[key] as Entry[]) if (defaults(entry, owned) && !owned) return null;
  }
  return out as Dataset;
}

/**
 * One entry of a big section, checked as quickParse checks it and its defaults filled in (the caller parsed it and
 * owns it): true when it is what the schema would parse it into. False leaves it to the schema, for its messages.
 */
export function quickParseEntry(section: keyof Dataset, entry: unknown): boolean {
  const check = QUICK[section];
  const defaults = DEFAULTS[section];
  if (check === undefined || defaults === undefined || !isEntry(entry) || !check(entry)) return false;
  defaults(entry, true);
  return true;
}
