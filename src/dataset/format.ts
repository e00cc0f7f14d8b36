// The Liner dataset format, version 1: the zod schema every dataset file is validated against.
import { z } from 'zod';

export const DATASET_FORMAT = 'liner-dataset';
export const DATASET_VERSION = 1;

export const ROLES = [
  'PRIMARY_ARTIST',
  'FEATURED_ARTIST',
  'PERFORMER',
  'PRODUCER',
  'CO_PRODUCER',
  'ENGINEER',
  'RECORDING_ENGINEER',
  'ASSISTANT_ENGINEER',
  'MIXER',
  'COMPOSER',
  'SONGWRITER',
  'DIRECTOR',
  'CONTRIBUTOR',
] as const;
export type Role = (typeof ROLES)[number];

export const WORK_KINDS = [
  'ALBUM',
  'SONG',
  'FILM',
  'FILM_SERIES',
  'TV_SERIES',
  'SOUNDTRACK',
  'COMPILATION',
  'COMMERCIAL',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const ORGANIZATION_KINDS = ['SCHOOL', 'STUDIO', 'COMPANY'] as const;
export const AFFILIATION_TYPES = ['STUDIED_AT', 'WORKED_AT', 'TAUGHT_AT'] as const;
export const ASSOCIATION_TYPES = ['WORKED_WITH', 'MENTORED'] as const;
export const WORK_LINK_TYPES = ['PART_OF', 'SOUNDTRACK_OF'] as const;
export const SUBJECT_TYPES = ['person', 'work', 'awardWin', 'organization', 'place'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase letters and digits joined by single hyphens');
const year = z.number().int().min(1000).max(2999);

/** Where a fact is stated: the document, its citation markers ("[13]" is "13"), and the verbatim words. */
export const sourceSchema = z.strictObject({
  document: slug,
  citations: z.array(z.string().regex(/^\d+$/, 'a citation is the number inside the brackets')).default([]),
  quote: z.string().min(1),
});

const sources = z.array(sourceSchema).min(1, 'every fact needs at least one source');

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  /** The documents facts are quoted from; `path` is relative to the dataset file. */
  documents: z
    .array(
      z.strictObject({
        slug,
        title: z.string().min(1),
        path: z.string().min(1).optional(),
        url: z.string().min(1).optional(),
      }),
    )
    .min(1),
  people: z
    .array(
      z.strictObject({
        slug,
        name: z.string().min(1),
        isGroup: z.boolean().default(false),
        aliases: z.array(z.string().min(1)).default([]),
        sources,
      }),
    )
    .default([]),
  works: z
    .array(
      z.strictObject({
        slug,
        title: z.string().min(1),
        kind: z.enum(WORK_KINDS),
        /** The year the article gives for the work itself (release, air date); its quote is in `sources`. */
        year: year.optional(),
        sources,
      }),
    )
    .default([]),
  places: z.array(z.strictObject({ slug, name: z.string().min(1), sources })).default([]),
  organizations: z
    .array(z.strictObject({ slug, name: z.string().min(1), kind: z.enum(ORGANIZATION_KINDS), sources }))
    .default([]),
  awards: z.array(z.strictObject({ slug, name: z.string().min(1), sources })).default([]),
  /** A person (or group) in one role on one work; one entry per (person, work, role). */
  credits: z
    .array(
      z.strictObject({
        person: slug,
        work: slug,
        role: z.enum(ROLES),
        detail: z.string().min(1).optional(),
        sources,
      }),
    )
    .default([]),
  /** `from` is a song on the album `to` (PART_OF), or the soundtrack of the film `to` (SOUNDTRACK_OF). */
  workLinks: z.array(z.strictObject({ from: slug, to: slug, type: z.enum(WORK_LINK_TYPES), sources })).default([]),
  memberships: z.array(z.strictObject({ person: slug, group: slug, sources })).default([]),
  births: z
    .array(
      z.strictObject({
        person: slug,
        date: z.iso.date().optional(),
        place: slug.optional(),
        sources,
      }),
    )
    .default([]),
  affiliations: z
    .array(
      z.strictObject({
        person: slug,
        organization: slug,
        type: z.enum(AFFILIATION_TYPES),
        /** The position held, as the article words it ("assistant engineer"). */
        role: z.string().min(1).optional(),
        detail: z.string().min(1).optional(),
        startYear: year.optional(),
        endYear: year.optional(),
        /** A loose period in the article's words ("early 1990s") where no exact year is given. */
        period: z.string().min(1).optional(),
        sources,
      }),
    )
    .default([]),
  /** An organization's location. */
  locations: z.array(z.strictObject({ organization: slug, place: slug, sources })).default([]),
  /** An organization within another (a school within a university). */
  organizationParts: z.array(z.strictObject({ organization: slug, parent: slug, sources })).default([]),
  /** Person-to-person links the article states without naming a shared work. */
  associations: z
    .array(
      z.strictObject({
        from: slug,
        to: slug,
        type: z.enum(ASSOCIATION_TYPES),
        detail: z.string().min(1).optional(),
        sources,
      }),
    )
    .default([]),
  /** One claimed win; where the article gives two versions of a win, each is its own entry and a conflict links them. */
  awardWins: z
    .array(
      z.strictObject({
        slug,
        award: slug,
        category: z.string().min(1).optional(),
        year: year.optional(),
        work: slug.optional(),
        recipients: z.array(slug).default([]),
        sources,
      }),
    )
    .default([]),
  /** Where the article contradicts itself: every claim with its own quote, and what it is about. */
  conflicts: z
    .array(
      z.strictObject({
        slug,
        description: z.string().min(1),
        about: z.array(z.strictObject({ type: z.enum(SUBJECT_TYPES), slug })).min(1),
        claims: z.array(z.strictObject({ statement: z.string().min(1), source: sourceSchema })).min(2),
      }),
    )
    .default([]),
});

export type Dataset = z.output<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;
export type SourceInput = z.output<typeof sourceSchema>;
