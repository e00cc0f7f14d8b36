// Discogs names read naturally: "Mora (19)" is Mora, "Persuader, The" is The Persuader; slugs keep namesakes apart.
import { slugify } from '../../dataset/slug.ts';

/**
 * The number Discogs appends to tell namesakes apart: "Mora (19)", "Force, The (23)". The whitespace before it is
 * checked apart (see namesakeOf): `\s+\(` in the pattern is retried from every start in a run of spaces, quadratic.
 */
const NAMESAKE = /\((\d+)\)$/;
/** Articles Discogs moves behind a comma to sort by ("Persuader, The", "Beatles, The", "Doors, Les"). */
const INVERTED = /^(.+),\s+(The|A|An|Les|Le|La|Los|Las|Die|Der|Das|El|Il|De|Het)$/;

export interface DiscogsName {
  /** As people read it: "The Persuader", "Mora". */
  display: string;
  /** As Discogs writes it, where that differs: "Persuader, The", "Mora (19)"; undefined when it does not. */
  discogs?: string;
  /** Discogs' namesake number, where it has one: "19". */
  namesake?: string;
  /** How catalogues sort the name, where Discogs inverts an article: "Persuader, The". */
  sortName?: string;
}

/** `/\s+\((\d+)\)$/` in one pass: the number and the name before the whitespace, or undefined. */
function namesakeOf(name: string): { bare: string; number: string } | undefined {
  const numbered = NAMESAKE.exec(name);
  if (numbered === null) return undefined;
  const bare = name.slice(0, numbered.index).trimEnd();
  if (bare.length === numbered.index) return undefined;
  return { bare, number: numbered[1] as string };
}

export function discogsName(raw: string): DiscogsName {
  const name = raw.trim();
  const numbered = namesakeOf(name);
  const bare = numbered ? numbered.bare : name;
  const inverted = INVERTED.exec(bare);
  const display = inverted ? `${inverted[2]} ${inverted[1]}` : bare;
  const result: DiscogsName = { display };
  if (display !== name) result.discogs = name;
  if (numbered) result.namesake = numbered.number;
  if (inverted) result.sortName = bare;
  return result;
}

/**
 * Slugs of Discogs nodes: the readable name, then `dg` and a letter for the kind of entity and the Discogs id
 * (`mora-dg123456` for an artist, `stockholm-dgr1` for a release). MusicBrainz slugs end in eight hex digits and the
 * article's carry no `dg<digits>` ending, so none can collide; two namesakes differ by their ids.
 */
export const DISCOGS_SLUG_TAGS = { artist: 'dg', label: 'dgl', master: 'dgm', release: 'dgr' } as const;

export function discogsSlug(kind: keyof typeof DISCOGS_SLUG_TAGS, name: string, id: number | string): string {
  const base = slugify(name);
  const tag = `${DISCOGS_SLUG_TAGS[kind]}${id}`;
  return base ? `${base}-${tag}` : tag;
}

/** A track's slug: its release's, then its position (`a-sea-apart-dgr2-a1`), or its place in the list without one. */
export function trackSlug(title: string, releaseId: number, position: string, index: number): string {
  const where = slugify(position) || `t${index + 1}`;
  return `${discogsSlug('release', title, releaseId)}-${where}`;
}

/** "5:08" → 308000, "1:02:03" → 3723000; undefined for anything else (an empty duration is common). */
export function durationMs(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const m = /^\s*(?:(\d+):)?(\d{1,3}):(\d{2})\s*$/.exec(duration);
  if (!m) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

/**
 * Discogs' `released` as a partial date: "1998-06-00" → "1998-06", "1999-07-13", "2005", and old dumps' "20020206";
 * undefined for what is none of these ("Unknown", "199?").
 */
export function releasedDate(released: string | undefined): string | undefined {
  if (released === undefined) return undefined;
  const m = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$/.exec(released.trim());
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (month === undefined || month === '00') return year;
  if (Number(month) > 12) return undefined;
  if (day === undefined || day === '00') return `${year}-${month}`;
  if (Number(day) > 31) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}
