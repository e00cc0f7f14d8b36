// The MusicBrainz → Liner mapping, as tables: entity types to labels and kinds, relationship types to roles and links.
import type { PersonKind, Role, WorkKind } from '../../dataset/format.ts';

/** The MusicBrainz entity types the importer reads; each is one node per MBID. */
export const MB_ENTITY_TYPES = ['artist', 'release-group', 'release', 'recording', 'work'] as const;
export type MbEntityType = (typeof MB_ENTITY_TYPES)[number];

/** A browse or search answer holds its entities under the plural of their type. */
export const LIST_KEYS: Record<string, MbEntityType> = {
  artists: 'artist',
  'release-groups': 'release-group',
  releases: 'release',
  recordings: 'recording',
  works: 'work',
};

/** Artist `type` → person kind; groups, orchestras and choirs are groups (`isGroup`). */
export const ARTIST_KINDS: Record<string, PersonKind> = {
  Person: 'PERSON',
  Group: 'GROUP',
  Orchestra: 'ORCHESTRA',
  Choir: 'CHOIR',
  Character: 'CHARACTER',
  Other: 'OTHER',
};
export const GROUP_KINDS: ReadonlySet<PersonKind> = new Set(['GROUP', 'ORCHESTRA', 'CHOIR']);

/** Release group `primary-type` → work kind; any other primary type (Broadcast, Other, none) is RELEASE_GROUP. */
export const RELEASE_GROUP_KINDS: Record<string, WorkKind> = { Album: 'ALBUM', Single: 'SINGLE', EP: 'EP' };

/** Entity type → work kind for the work-like entities (a release group's kind comes from its primary type). */
export const WORK_KIND_OF: Record<Exclude<MbEntityType, 'artist'>, WorkKind> = {
  'release-group': 'RELEASE_GROUP',
  release: 'RELEASE',
  recording: 'RECORDING',
  work: 'COMPOSITION',
};

/**
 * A credit relationship type (artist → recording, release, release group or work). `byAttribute`: an attribute that
 * narrows the role, looked up in this order; `typeAsAttribute`: several MusicBrainz types share one role, so the type's
 * own name is kept among the attributes ("vocal arranger" → ARRANGER with attribute "vocal arranger").
 */
export interface CreditMapping {
  role: Role;
  byAttribute?: readonly (readonly [attribute: string, role: Role])[];
  typeAsAttribute?: boolean;
}

export const CREDIT_TYPES: Record<string, CreditMapping> = {
  producer: {
    role: 'PRODUCER',
    byAttribute: [
      ['executive', 'EXECUTIVE_PRODUCER'],
      ['co', 'CO_PRODUCER'],
      ['assistant', 'ASSISTANT_PRODUCER'],
    ],
  },
  engineer: { role: 'ENGINEER', byAttribute: [['assistant', 'ASSISTANT_ENGINEER']] },
  recording: { role: 'RECORDING_ENGINEER' },
  mix: { role: 'MIXER' },
  'mix-DJ': { role: 'DJ_MIXER' },
  mastering: { role: 'MASTERING_ENGINEER' },
  audio: { role: 'AUDIO_ENGINEER' },
  sound: { role: 'SOUND_ENGINEER' },
  remixer: { role: 'REMIXER' },
  programming: { role: 'PROGRAMMER' },
  arranger: { role: 'ARRANGER', typeAsAttribute: true },
  'instrument arranger': { role: 'ARRANGER', typeAsAttribute: true },
  'vocal arranger': { role: 'ARRANGER', typeAsAttribute: true },
  orchestrator: { role: 'ORCHESTRATOR' },
  conductor: { role: 'CONDUCTOR' },
  'chorus master': { role: 'CHORUS_MASTER' },
  performer: { role: 'PERFORMER', typeAsAttribute: true },
  'performing orchestra': { role: 'PERFORMER', typeAsAttribute: true },
  vocal: { role: 'VOCALIST' },
  instrument: { role: 'INSTRUMENTALIST' },
  composer: { role: 'COMPOSER' },
  lyricist: { role: 'LYRICIST' },
  writer: { role: 'SONGWRITER' },
  librettist: { role: 'LIBRETTIST' },
  translator: { role: 'TRANSLATOR' },
  photography: { role: 'PHOTOGRAPHER' },
  design: { role: 'DESIGNER', typeAsAttribute: true },
  'graphic design': { role: 'DESIGNER', typeAsAttribute: true },
  'art direction': { role: 'DESIGNER', typeAsAttribute: true },
  'design/illustration': { role: 'ILLUSTRATOR', typeAsAttribute: true },
  illustration: { role: 'ILLUSTRATOR', typeAsAttribute: true },
  'liner notes': { role: 'LINER_NOTES' },
  editor: { role: 'EDITOR' },
  misc: { role: 'CONTRIBUTOR' },
};

/** The role a credit relationship gives, narrowed by the first of its attributes that narrows it. */
export function creditRole(mapping: CreditMapping, attributes: readonly string[]): Role {
  for (const [attribute, role] of mapping.byAttribute ?? []) if (attributes.includes(attribute)) return role;
  return mapping.role;
}

/**
 * Artist–artist types. MusicBrainz states each from entity0 to entity1 (the JSON `direction` says which end the
 * answer's own entity is: `forward`, it is entity0), and every Liner link here reads the same way, `from` = entity0:
 * the member (entity0) of the band (entity1); the teacher (entity0) of the student; the parent of the child; the person
 * (entity0) who performs as a stage persona; the subgroup (entity0) of the group it came from; the supporting musician
 * (entity0) of the artist supported; a collaborator (entity0) in a collaboration. Sibling, married and involved-with
 * are symmetric: keeping entity0 → entity1 makes both ends' answers give one link.
 */
export type ArtistLinkMapping =
  | { kind: 'membership' }
  | {
      kind: 'association';
      type:
        | 'MENTORED'
        | 'WORKED_WITH'
        | 'PARENT_OF'
        | 'SIBLING_OF'
        | 'MARRIED_TO'
        | 'INVOLVED_WITH'
        | 'SUPPORTING_MUSICIAN_OF'
        | 'PERFORMS_AS'
        | 'SUBGROUP_OF';
      typeAsAttribute?: boolean;
    };

export const ARTIST_LINK_TYPES: Record<string, ArtistLinkMapping> = {
  'member of band': { kind: 'membership' },
  teacher: { kind: 'association', type: 'MENTORED' },
  collaboration: { kind: 'association', type: 'WORKED_WITH' },
  parent: { kind: 'association', type: 'PARENT_OF' },
  sibling: { kind: 'association', type: 'SIBLING_OF' },
  married: { kind: 'association', type: 'MARRIED_TO' },
  'involved with': { kind: 'association', type: 'INVOLVED_WITH' },
  'supporting musician': { kind: 'association', type: 'SUPPORTING_MUSICIAN_OF' },
  'vocal supporting musician': { kind: 'association', type: 'SUPPORTING_MUSICIAN_OF', typeAsAttribute: true },
  'instrumental supporting musician': { kind: 'association', type: 'SUPPORTING_MUSICIAN_OF', typeAsAttribute: true },
  'is person': { kind: 'association', type: 'PERFORMS_AS' },
  subgroup: { kind: 'association', type: 'SUBGROUP_OF' },
};

/** Recording–work types: a recording (entity0) of a composition (entity1). */
export const RECORDING_WORK_TYPES: Record<string, 'RECORDING_OF'> = { performance: 'RECORDING_OF' };

/**
 * URL relationships whose page names the entity in another catalogue: the identifier comes from the URL, whatever the
 * relationship type is called ("discogs", "wikidata"). Other URL relationships are counted as not kept.
 */
export const URL_IDENTIFIERS: readonly {
  pattern: RegExp;
  scheme: 'DISCOGS_ARTIST' | 'DISCOGS_RELEASE' | 'DISCOGS_MASTER' | 'DISCOGS_LABEL' | 'WIKIDATA';
}[] = [
  { pattern: /^https?:\/\/(?:www\.)?discogs\.com\/(?:[a-z]{2}\/)?artist\/(\d+)/, scheme: 'DISCOGS_ARTIST' },
  { pattern: /^https?:\/\/(?:www\.)?discogs\.com\/(?:[a-z]{2}\/)?release\/(\d+)/, scheme: 'DISCOGS_RELEASE' },
  { pattern: /^https?:\/\/(?:www\.)?discogs\.com\/(?:[a-z]{2}\/)?master\/(\d+)/, scheme: 'DISCOGS_MASTER' },
  { pattern: /^https?:\/\/(?:www\.)?discogs\.com\/(?:[a-z]{2}\/)?label\/(\d+)/, scheme: 'DISCOGS_LABEL' },
  { pattern: /^https?:\/\/(?:www\.)?wikidata\.org\/wiki\/(Q\d+)/, scheme: 'WIKIDATA' },
];
