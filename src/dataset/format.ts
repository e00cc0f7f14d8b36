// The Liner dataset format, version 1: the zod schema every dataset file is validated against.
import { z } from 'zod';

export const DATASET_FORMAT = 'liner-dataset';
export const DATASET_VERSION = 1;

/**
 * What a person did on a work, each value described once here and in the API (`ROLE_DESCRIPTIONS`). The first
 * thirteen are the article's; the rest hold MusicBrainz's credit relationship types (docs/graph-model.md maps them).
 */
export const ROLE_DESCRIPTIONS = {
  PRIMARY_ARTIST: 'The artist a work is released under (an artist credit).',
  FEATURED_ARTIST: 'An artist credited as featured ("feat.").',
  PERFORMER: 'Performed on the work without a narrower role stated (MusicBrainz "performer", "performing orchestra").',
  PRODUCER: 'Produced the work.',
  CO_PRODUCER: 'Produced it with others (MusicBrainz producer with the "co" attribute).',
  ENGINEER: 'Engineered it, without a narrower engineering role stated.',
  RECORDING_ENGINEER: 'Recorded it (MusicBrainz "recording").',
  ASSISTANT_ENGINEER: 'Assisted the engineer (MusicBrainz engineer with the "assistant" attribute).',
  MIXER: 'Mixed it (MusicBrainz "mix").',
  COMPOSER: 'Wrote the music.',
  SONGWRITER: 'Wrote the song, music and words together (MusicBrainz "writer").',
  DIRECTOR: 'Directed a film, video or commercial.',
  CONTRIBUTOR: 'Worked on it; the source does not say how (MusicBrainz "misc").',
  VOCALIST: 'Sang on it (MusicBrainz "vocal"; the kind of vocals is in `attributes`).',
  INSTRUMENTALIST: 'Played an instrument on it (MusicBrainz "instrument"; the instrument is in `attributes`).',
  EXECUTIVE_PRODUCER: 'Executive producer (MusicBrainz producer with the "executive" attribute).',
  ASSISTANT_PRODUCER: 'Assistant producer (MusicBrainz producer with the "assistant" attribute).',
  MASTERING_ENGINEER: 'Mastered it (MusicBrainz "mastering").',
  AUDIO_ENGINEER: 'Audio engineer (MusicBrainz "audio").',
  SOUND_ENGINEER: 'Sound engineer (MusicBrainz "sound").',
  DJ_MIXER: 'Mixed it as a DJ mix (MusicBrainz "mix-DJ").',
  REMIXER: 'Remixed it.',
  PROGRAMMER: 'Programmed it: drum machines, synthesizers, sequencers (MusicBrainz "programming").',
  ARRANGER: 'Arranged it (MusicBrainz "arranger", "instrument arranger", "vocal arranger"; which, in `attributes`).',
  ORCHESTRATOR: 'Orchestrated it.',
  CONDUCTOR: 'Conducted it.',
  CHORUS_MASTER: 'Chorus master.',
  LYRICIST: 'Wrote the words.',
  LIBRETTIST: 'Wrote the libretto.',
  TRANSLATOR: 'Translated the words.',
  PHOTOGRAPHER: 'Photography for the release.',
  DESIGNER: 'Design for the release (MusicBrainz "design", "graphic design", "art direction"; which, in `attributes`).',
  ILLUSTRATOR: 'Illustration for the release (MusicBrainz "design/illustration", "illustration").',
  LINER_NOTES: 'Wrote the liner notes.',
  EDITOR: 'Edited it (MusicBrainz "editor").',
} as const;
export type Role = keyof typeof ROLE_DESCRIPTIONS;
export const ROLES = Object.keys(ROLE_DESCRIPTIONS) as Role[];

export const WORK_KINDS = [
  'ALBUM',
  'SONG',
  'FILM',
  'FILM_SERIES',
  'TV_SERIES',
  'SOUNDTRACK',
  'COMPILATION',
  'COMMERCIAL',
  // MusicBrainz keeps these four apart (docs/graph-model.md): a release group is an ALBUM, SINGLE, EP or
  // RELEASE_GROUP (other types) by its primary type; its editions are RELEASEs, their tracks RECORDINGs, and what
  // a recording performs is a COMPOSITION.
  'SINGLE',
  'EP',
  'RELEASE_GROUP',
  'RELEASE',
  'RECORDING',
  'COMPOSITION',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** What kind of artist a person node is, as MusicBrainz types artists; groups, orchestras and choirs are groups. */
export const PERSON_KINDS = ['PERSON', 'GROUP', 'ORCHESTRA', 'CHOIR', 'CHARACTER', 'OTHER'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * Identifier schemes, each with the form its values take. A value is kept as the source writes it (MBIDs
 * lowercase); one identifier names one node.
 */
export const IDENTIFIER_SCHEMES = {
  MUSICBRAINZ: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  DISCOGS_ARTIST: /^[1-9]\d*$/,
  DISCOGS_RELEASE: /^[1-9]\d*$/,
  DISCOGS_MASTER: /^[1-9]\d*$/,
  DISCOGS_LABEL: /^[1-9]\d*$/,
  WIKIDATA: /^Q[1-9]\d*$/,
  ISRC: /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/,
  ISWC: /^T-?\d{3}\.?\d{3}\.?\d{3}-?\d$/,
  IPI: /^\d{9,11}$/,
  ISNI: /^\d{15}[\dX]$/,
} as const;
export type IdentifierScheme = keyof typeof IDENTIFIER_SCHEMES;

/**
 * Pages of the schemes that have one per value. MusicBrainz's needs the entity type as well, so a MusicBrainz
 * identifier carries its own `url` (or the API derives it from the node's label).
 */
export const IDENTIFIER_PAGES: Partial<Record<IdentifierScheme, (value: string) => string>> = {
  DISCOGS_ARTIST: (v) => `https://www.discogs.com/artist/${v}`,
  DISCOGS_RELEASE: (v) => `https://www.discogs.com/release/${v}`,
  DISCOGS_MASTER: (v) => `https://www.discogs.com/master/${v}`,
  DISCOGS_LABEL: (v) => `https://www.discogs.com/label/${v}`,
  WIKIDATA: (v) => `https://www.wikidata.org/wiki/${v}`,
  ISNI: (v) => `https://isni.org/isni/${v}`,
};
export const IDENTIFIER_SCHEME_NAMES = Object.keys(IDENTIFIER_SCHEMES) as IdentifierScheme[];

export const ORGANIZATION_KINDS = ['SCHOOL', 'STUDIO', 'COMPANY'] as const;
export const AFFILIATION_TYPES = ['STUDIED_AT', 'WORKED_AT', 'TAUGHT_AT'] as const;
/** Person-to-person links; every one but WORKED_WITH, SIBLING_OF and MARRIED_TO reads from `from` to `to`. */
export const ASSOCIATION_TYPES = [
  'WORKED_WITH',
  'MENTORED',
  'PARENT_OF',
  'SIBLING_OF',
  'MARRIED_TO',
  'INVOLVED_WITH',
  'SUPPORTING_MUSICIAN_OF',
  'PERFORMS_AS',
  'SUBGROUP_OF',
] as const;
/**
 * `from` is a song on the album `to` (PART_OF; a track of a release), the soundtrack of the film `to`
 * (SOUNDTRACK_OF), an edition of the release group `to` (EDITION_OF), or a recording of the composition `to`
 * (RECORDING_OF).
 */
export const WORK_LINK_TYPES = ['PART_OF', 'SOUNDTRACK_OF', 'EDITION_OF', 'RECORDING_OF'] as const;
/** What a source document is: the article, a catalogue's page, Liner's editors' own inference, liner notes… */
export const DOCUMENT_KINDS = ['ARTICLE', 'MUSICBRAINZ', 'DISCOGS', 'EDITORIAL', 'LINER_NOTES', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const SUBJECT_TYPES = ['person', 'work', 'awardWin', 'organization', 'place'] as const;

// ── field checks: the dataset's and the API's mutations' (src/schema/types/*) own, one rule and message each ──

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase letters and digits joined by single hyphens');
export const year = z.number().int().min(1000, 'a year is from 1000 to 2999').max(2999, 'a year is from 1000 to 2999');
/** A full calendar date, `1969-12-05`: a birth date. */
export const isoDate = z.iso.date({ message: 'a date is YYYY-MM-DD' });
/** A citation marker: "[13]" is "13". */
export const citation = z.string().regex(/^\d+$/, 'a citation is the number inside the brackets');
/**
 * Words typed by hand (a mutation's name, title, quote): blank is refused as well as empty. A dataset's text fields
 * keep `min(1)`, as they always have, so a dataset valid before stays valid.
 */
export const nonBlank = z.string().refine((value) => value.trim().length > 0, 'must not be blank');
/**
 * Only http and https: an address is rendered as a link, and `javascript:`, `data:` or `vbscript:` there would run
 * (or show) whatever the writer chose in the reader's browser.
 */
export const webAddress = z
  .url({ protocol: /^https?$/, message: 'must be an http or https web address (https://…)' })
  // The same rule for other validators of schema/dataset.schema.json, where "format": "uri" alone takes javascript:.
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });
/** The longest name, alias or title kept: every duplicate search normalises each one, and no real name comes close. */
export const MAX_NAME_LENGTH = 1000;
const nameLength = `must be at most ${MAX_NAME_LENGTH} characters`;
/** A name, alias or title in a dataset. */
const nameText = z.string().min(1).max(MAX_NAME_LENGTH, nameLength);
/** A name, alias or title typed into a mutation. */
export const nameInput = nonBlank.max(MAX_NAME_LENGTH, nameLength);
export const role = z.enum(ROLES as [Role, ...Role[]]);
export const workKind = z.enum(WORK_KINDS);
/** A date as precise as the source gives it: `1969`, `1969-12` or `1969-12-05`. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().min(1);
/** Words the source attaches to a fact: the instrument played, "lead vocals", "guest", "additional". */
const attributes = z.array(text).optional();

export const identifierSchema = z
  .strictObject({
    scheme: z.enum(IDENTIFIER_SCHEME_NAMES as [IdentifierScheme, ...IdentifierScheme[]]),
    value: text,
    /** The identifier's page, where the scheme has one (`https://musicbrainz.org/artist/<mbid>`). */
    url: webAddress.optional(),
  })
  .superRefine((id, ctx) => {
    if (!IDENTIFIER_SCHEMES[id.scheme].test(id.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${id.value}" is not a ${id.scheme} identifier` });
  });
const identifiers = z.array(identifierSchema).optional();

/** Where a fact is stated: the document, its citation markers ("[13]" is "13"), and the verbatim words. */
export const sourceSchema = z.strictObject({
  document: slug,
  citations: z.array(citation).default([]),
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
        url: webAddress.optional(),
        kind: z.enum(DOCUMENT_KINDS).optional(),
        /** The terms the document's words are used under ("CC BY-SA 4.0", "CC0"). */
        licence: text.optional(),
        /** The document's text. Read from `path` when a dataset file is read; quotes are checked against it. */
        text: z.string().optional(),
      }),
    )
    .min(1),
  people: z
    .array(
      z.strictObject({
        slug,
        name: nameText,
        isGroup: z.boolean().default(false),
        aliases: z.array(nameText).default([]),
        kind: z.enum(PERSON_KINDS).optional(),
        /** As the source states it ("Female", "Male", "Non-binary"…). */
        gender: text.optional(),
        /** "Hopkin, Mary": how catalogues sort the name. */
        sortName: text.optional(),
        /** What tells two people of one name apart ("UK pop group of early 80s"). */
        disambiguation: text.optional(),
        /** ISO 3166-1 alpha-2 country code. */
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'a country is an ISO 3166-1 alpha-2 code such as "GB"')
          .optional(),
        /** The place the person or group is from; a place slug. */
        area: slug.optional(),
        /** Life span: born or formed, died or dissolved, as precise as the source says. */
        beginDate: partialDate.optional(),
        endDate: partialDate.optional(),
        /** True when the life span has ended though no end date is known. */
        ended: z.boolean().optional(),
        nationality: text.optional(),
        occupations: z.array(text).optional(),
        genres: z.array(text).optional(),
        identifiers,
        sources,
      }),
    )
    .default([]),
  works: z
    .array(
      z.strictObject({
        slug,
        title: nameText,
        kind: workKind,
        /** The year the article gives for the work itself (release, air date); its quote is in `sources`. */
        year: year.optional(),
        /** The last year of a series or run ("the Free Willy series (1993–1995)"). */
        endYear: year.optional(),
        /** The release or first date, as precise as the source says. */
        date: partialDate.optional(),
        disambiguation: text.optional(),
        /** A recording's or track's length in milliseconds. */
        lengthMs: z.number().int().min(0).optional(),
        /** Sales as the source words them ("exceeding 1 million copies"). */
        sales: text.optional(),
        identifiers,
        sources,
      }),
    )
    .default([]),
  places: z.array(z.strictObject({ slug, name: z.string().min(1), identifiers, sources })).default([]),
  organizations: z
    .array(z.strictObject({ slug, name: z.string().min(1), kind: z.enum(ORGANIZATION_KINDS), identifiers, sources }))
    .default([]),
  awards: z.array(z.strictObject({ slug, name: z.string().min(1), identifiers, sources })).default([]),
  /** A person (or group) in one role on one work; one entry per (person, work, role). */
  credits: z
    .array(
      z.strictObject({
        person: slug,
        work: slug,
        role,
        detail: z.string().min(1).optional(),
        attributes,
        /** The name the person is credited as on this work, where it differs from theirs. */
        creditedAs: text.optional(),
        beginDate: partialDate.optional(),
        endDate: partialDate.optional(),
        sources,
      }),
    )
    .default([]),
  /** `from` is a song on the album `to` (PART_OF), or the soundtrack of the film `to` (SOUNDTRACK_OF). */
  workLinks: z
    .array(
      z.strictObject({
        from: slug,
        to: slug,
        type: z.enum(WORK_LINK_TYPES),
        /** Where in `to` it is: "disc 1, track 3". */
        detail: text.optional(),
        attributes,
        sources,
      }),
    )
    .default([]),
  /** A person in a group; dates and attributes ("original", "guitar") where the source gives them. */
  memberships: z
    .array(
      z.strictObject({
        person: slug,
        group: slug,
        beginDate: partialDate.optional(),
        endDate: partialDate.optional(),
        attributes,
        creditedAs: text.optional(),
        sources,
      }),
    )
    .default([]),
  births: z
    .array(
      z.strictObject({
        person: slug,
        date: isoDate.optional(),
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
        beginDate: partialDate.optional(),
        endDate: partialDate.optional(),
        attributes,
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
        /** What the source adds about the win ("following a merger of previous categories"). */
        note: text.optional(),
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
