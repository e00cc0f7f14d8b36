// Splits a Discogs credit role string into its roles: "Guitar [Acoustic, 12-String], Bass" is two roles, not three.
//
// Discogs writes an artist's roles on a release as one comma-separated string. Each role is a role name from its fixed
// list ("Written-By", "Recorded By", "Guitar") optionally followed by a free-text qualifier in square brackets
// ("Written-By [Lyrics By]", "Producer [Co-producer]"), and commas inside the brackets belong to the qualifier.

export interface ParsedRole {
  /** The role name as written, without the qualifier: `Written-By`. */
  name: string;
  /** The bracketed words, without brackets: `Lyrics By`; undefined without brackets. */
  qualifier?: string;
  /** The whole role as Discogs writes it: `Written-By [Lyrics By]`. */
  text: string;
}

/** Every role of a role string, in order; empty for an empty string (a main artist has no role). */
export function parseRoles(roles: string): ParsedRole[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < roles.length; i++) {
    const c = roles.charCodeAt(i);
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */ && depth > 0) depth--;
    else if (c === 44 /* , */ && depth === 0) {
      parts.push(roles.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(roles.slice(start));
  const parsed: ParsedRole[] = [];
  for (const part of parts) {
    const text = part.trim();
    if (text === '') continue;
    const open = text.indexOf('[');
    if (open === -1) {
      parsed.push({ name: text, text });
      continue;
    }
    const close = text.lastIndexOf(']');
    const name = text.slice(0, open).trim();
    // An unclosed bracket ("Guitar [Acoustic") still qualifies: the rest of the role is its qualifier.
    const qualifier = text.slice(open + 1, close > open ? close : undefined).trim();
    parsed.push(qualifier === '' ? { name: name || text, text } : { name: name || text, qualifier, text });
  }
  return parsed;
}

/**
 * The track positions a `tracks` field names, in the release's tracklist order: "A1 to A3", "1, 5", "A1, B2 to B4".
 * `positions` is the release's tracklist; answers the positions found and the parts that named none.
 */
export function tracksOf(tracks: string, positions: readonly string[]): { found: string[]; missing: string[] } {
  const missing: string[] = [];
  const index = new Map<string, number>();
  positions.forEach((p, i) => {
    const key = p.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  // A Set, not a search of the list: "1 to 100000" adds 100k positions, and a search per position is quadratic.
  const found = new Set<string>();
  const add = (p: string) => found.add(p);
  for (const raw of tracks.split(/,|&/)) {
    const part = raw.trim();
    if (part === '') continue;
    const range = rangeEnds(part);
    if (range) {
      const from = index.get(range[0].trim().toLowerCase());
      const to = index.get(range[1].trim().toLowerCase());
      if (from === undefined || to === undefined || to < from) {
        missing.push(part);
        continue;
      }
      for (let i = from; i <= to; i++) add(positions[i] as string);
      continue;
    }
    const at = index.get(part.toLowerCase());
    if (at === undefined) missing.push(part);
    else add(positions[at] as string);
  }
  return { found: [...found], missing };
}

const WHITESPACE_RUN = /\s+/g;
/** A range word with the whitespace after it, tried only where a whitespace run ends (sticky). */
const RANGE_WORD = /(?:to|-|–)\s+/iy;

/**
 * "A1 to A3" → ["A1", "A3"]: what `/^(.+?)\s+(?:to|-|–)\s+(.+)$/i` matches, found in one pass. That pattern retries
 * `\s+` from every start in a run of spaces, quadratic in the run (40k spaces: half a second); here each run is
 * visited once and the range word is tried only where one ends.
 */
export function rangeEnds(part: string): [string, string] | undefined {
  WHITESPACE_RUN.lastIndex = 0;
  for (let run = WHITESPACE_RUN.exec(part); run !== null; run = WHITESPACE_RUN.exec(part)) {
    if (run.index === 0) continue;
    RANGE_WORD.lastIndex = run.index + run[0].length;
    const word = RANGE_WORD.exec(part);
    // The range's end must not be empty: the pattern's `(.+)$`.
    if (word === null || RANGE_WORD.lastIndex >= part.length) continue;
    return [part.slice(0, run.index), part.slice(RANGE_WORD.lastIndex)];
  }
  return undefined;
}
