// The Discogs → Liner role mapping, as tables: role names to roles, qualifiers that narrow a role, and instruments.
//
// A role name is looked up case-insensitively with hyphens read as spaces ("Written-By" = "written by"). A name in
// neither table is not imported: the summary lists it with its count, as the MusicBrainz import lists relationship
// types it does not know.
import type { Role } from '../../dataset/format.ts';
import type { ParsedRole } from './role-parse.ts';

/** Discogs role names (its credit list, https://www.discogs.com/help/creditslist) → Liner roles. */
export const ROLE_NAMES: Record<string, Role> = {
  // Production
  producer: 'PRODUCER',
  'co producer': 'CO_PRODUCER',
  'executive producer': 'EXECUTIVE_PRODUCER',
  'associate producer': 'ASSISTANT_PRODUCER',
  'assistant producer': 'ASSISTANT_PRODUCER',
  'additional production': 'PRODUCER',
  'post production': 'PRODUCER',
  'reissue producer': 'PRODUCER',
  'vocal producer': 'PRODUCER',
  // Engineering
  engineer: 'ENGINEER',
  'assistant engineer': 'ASSISTANT_ENGINEER',
  'recording engineer': 'RECORDING_ENGINEER',
  'recorded by': 'RECORDING_ENGINEER',
  'mixed by': 'MIXER',
  mixer: 'MIXER',
  'mastered by': 'MASTERING_ENGINEER',
  'remastered by': 'MASTERING_ENGINEER',
  'lacquer cut by': 'MASTERING_ENGINEER',
  'audio engineer': 'AUDIO_ENGINEER',
  'sound engineer': 'SOUND_ENGINEER',
  'edited by': 'EDITOR',
  editor: 'EDITOR',
  // Remix and DJ
  remix: 'REMIXER',
  'remixed by': 'REMIXER',
  'dj mix': 'DJ_MIXER',
  programmed: 'PROGRAMMER',
  'programmed by': 'PROGRAMMER',
  programming: 'PROGRAMMER',
  'drum programming': 'PROGRAMMER',
  'sequenced by': 'PROGRAMMER',
  // Writing
  'written by': 'SONGWRITER',
  songwriter: 'SONGWRITER',
  'composed by': 'COMPOSER',
  composer: 'COMPOSER',
  'music by': 'COMPOSER',
  'lyrics by': 'LYRICIST',
  'words by': 'LYRICIST',
  lyricist: 'LYRICIST',
  'libretto by': 'LIBRETTIST',
  'translated by': 'TRANSLATOR',
  // Arrangement and direction
  'arranged by': 'ARRANGER',
  arranger: 'ARRANGER',
  'orchestrated by': 'ORCHESTRATOR',
  conductor: 'CONDUCTOR',
  'chorus master': 'CHORUS_MASTER',
  'directed by': 'DIRECTOR',
  director: 'DIRECTOR',
  // Performance
  featuring: 'FEATURED_ARTIST',
  performer: 'PERFORMER',
  musician: 'PERFORMER',
  band: 'PERFORMER',
  orchestra: 'PERFORMER',
  ensemble: 'PERFORMER',
  choir: 'PERFORMER',
  instruments: 'INSTRUMENTALIST',
  vocals: 'VOCALIST',
  'lead vocals': 'VOCALIST',
  'backing vocals': 'VOCALIST',
  voice: 'VOCALIST',
  chorus: 'VOCALIST',
  rap: 'VOCALIST',
  mc: 'VOCALIST',
  // The package
  'photography by': 'PHOTOGRAPHER',
  photography: 'PHOTOGRAPHER',
  design: 'DESIGNER',
  'designed by': 'DESIGNER',
  artwork: 'DESIGNER',
  'artwork by': 'DESIGNER',
  'art direction': 'DESIGNER',
  layout: 'DESIGNER',
  'graphic design': 'DESIGNER',
  'cover design': 'DESIGNER',
  illustration: 'ILLUSTRATOR',
  'illustrated by': 'ILLUSTRATOR',
  'liner notes': 'LINER_NOTES',
  'sleeve notes': 'LINER_NOTES',
};

/** Qualifiers that make a role narrower: "Producer [Co-producer]" is CO_PRODUCER, "Written-By [Lyrics By]" LYRICIST. */
export const NARROWING_QUALIFIERS: Partial<Record<Role, Record<string, Role>>> = {
  PRODUCER: {
    'co producer': 'CO_PRODUCER',
    co: 'CO_PRODUCER',
    executive: 'EXECUTIVE_PRODUCER',
    assistant: 'ASSISTANT_PRODUCER',
    associate: 'ASSISTANT_PRODUCER',
  },
  ENGINEER: { assistant: 'ASSISTANT_ENGINEER', recording: 'RECORDING_ENGINEER', mastering: 'MASTERING_ENGINEER' },
  SONGWRITER: { 'lyrics by': 'LYRICIST', lyrics: 'LYRICIST', 'music by': 'COMPOSER', music: 'COMPOSER' },
};

/**
 * Instrument names as Discogs lists them (its "Instruments" credit groups), lowercase. A role named by one is
 * INSTRUMENTALIST with the instrument in `attributes`; an unknown word is reported, not taken for an instrument.
 */
export const INSTRUMENTS: ReadonlySet<string> = new Set([
  // Strings
  'guitar',
  'acoustic guitar',
  'electric guitar',
  'bass guitar',
  'bass',
  'electric bass',
  'acoustic bass',
  'double bass',
  'contrabass',
  'rhythm guitar',
  'lead guitar',
  'slide guitar',
  'steel guitar',
  'pedal steel guitar',
  'lap steel guitar',
  '12-string guitar',
  'classical guitar',
  'baritone guitar',
  'resonator guitar',
  'dobro',
  'banjo',
  'mandolin',
  'ukulele',
  'violin',
  'viola',
  'cello',
  'fiddle',
  'harp',
  'sitar',
  'bouzouki',
  'balalaika',
  'koto',
  'lute',
  'zither',
  'strings',
  // Keyboards
  'piano',
  'electric piano',
  'grand piano',
  'keyboards',
  'keyboard bass',
  'synthesizer',
  'synth',
  'organ',
  'hammond organ',
  'rhodes',
  'fender rhodes',
  'wurlitzer',
  'clavinet',
  'harpsichord',
  'celesta',
  'mellotron',
  'moog',
  'harmonium',
  'accordion',
  'melodica',
  'sampler',
  'drum machine',
  'theremin',
  'vocoder',
  'turntables',
  'electronics',
  // Wind and brass
  'saxophone',
  'alto saxophone',
  'tenor saxophone',
  'baritone saxophone',
  'soprano saxophone',
  'flute',
  'alto flute',
  'piccolo flute',
  'clarinet',
  'bass clarinet',
  'oboe',
  'english horn',
  'bassoon',
  'recorder',
  'harmonica',
  'bagpipes',
  'trumpet',
  'flugelhorn',
  'cornet',
  'trombone',
  'bass trombone',
  'french horn',
  'horn',
  'tuba',
  'sousaphone',
  'euphonium',
  'horns',
  'brass',
  'woodwind',
  'reeds',
  'whistle',
  // Percussion
  'drums',
  'percussion',
  'congas',
  'bongos',
  'timbales',
  'tambourine',
  'shaker',
  'cowbell',
  'triangle',
  'cymbal',
  'cymbals',
  'timpani',
  'vibraphone',
  'marimba',
  'xylophone',
  'glockenspiel',
  'tubular bells',
  'tabla',
  'djembe',
  'cajon',
  'steel drums',
  'handclaps',
  'claps',
  'kalimba',
  'bells',
  'gong',
  'snare',
  'bass drum',
  'castanets',
]);

/** Hyphens and case do not matter: "Written-By", "written by" and "Co-producer", "co producer" are the same words. */
export const roleKey = (words: string) => words.toLowerCase().replace(/[-‐]+/g, ' ').replace(/\s+/g, ' ').trim();

export interface MappedRole {
  role: Role;
  /** The instrument played, for INSTRUMENTALIST (`Guitar`). */
  instrument?: string;
}

/** The Liner role of one Discogs role, or undefined when its name is in neither table (reported by the caller). */
export function mapRole(parsed: ParsedRole): MappedRole | undefined {
  const key = roleKey(parsed.name);
  const role = ROLE_NAMES[key];
  if (role !== undefined) {
    const narrowed = parsed.qualifier !== undefined ? NARROWING_QUALIFIERS[role]?.[roleKey(parsed.qualifier)] : undefined;
    return { role: narrowed ?? role };
  }
  if (INSTRUMENTS.has(key)) return { role: 'INSTRUMENTALIST', instrument: parsed.name };
  return undefined;
}
