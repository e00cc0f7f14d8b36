// The Discogs role parser and mapping: every form a role string takes, and every role either mapped or reported.
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, mapRole, ROLE_NAMES } from '../../src/import/discogs/role-mapping.ts';
import { parseRoles, tracksOf } from '../../src/import/discogs/role-parse.ts';

describe('parseRoles', () => {
  it('reads one role, and none from an empty string (a main artist has no role)', () => {
    expect(parseRoles('Producer')).toEqual([{ name: 'Producer', text: 'Producer' }]);
    expect(parseRoles('')).toEqual([]);
    expect(parseRoles('  ')).toEqual([]);
  });

  it('splits a comma list into one role each ("Recorded By, Mixed By" is two credits)', () => {
    expect(parseRoles('Recorded By, Mixed By')).toEqual([
      { name: 'Recorded By', text: 'Recorded By' },
      { name: 'Mixed By', text: 'Mixed By' },
    ]);
    expect(parseRoles('Guitar, Bass').map((r) => r.name)).toEqual(['Guitar', 'Bass']);
  });

  it('keeps a bracketed qualifier with its role', () => {
    expect(parseRoles('Written-By [Lyrics By]')).toEqual([
      { name: 'Written-By', qualifier: 'Lyrics By', text: 'Written-By [Lyrics By]' },
    ]);
    expect(parseRoles('Producer [Co-producer]')).toEqual([
      { name: 'Producer', qualifier: 'Co-producer', text: 'Producer [Co-producer]' },
    ]);
    expect(parseRoles('Guitar [Acoustic]')).toEqual([{ name: 'Guitar', qualifier: 'Acoustic', text: 'Guitar [Acoustic]' }]);
  });

  it('does not split at commas inside brackets', () => {
    expect(parseRoles('Guitar [Acoustic, 12-String], Bass, Music By [All Tracks By]')).toEqual([
      { name: 'Guitar', qualifier: 'Acoustic, 12-String', text: 'Guitar [Acoustic, 12-String]' },
      { name: 'Bass', text: 'Bass' },
      { name: 'Music By', qualifier: 'All Tracks By', text: 'Music By [All Tracks By]' },
    ]);
  });

  it('reads an unclosed bracket as a qualifier to the end', () => {
    expect(parseRoles('Guitar [Acoustic')).toEqual([{ name: 'Guitar', qualifier: 'Acoustic', text: 'Guitar [Acoustic' }]);
  });
});

describe('mapRole', () => {
  const map = (role: string) => parseRoles(role).map(mapRole);

  it('maps the role names of the real fixtures', () => {
    expect(map('Producer, Recorded By')).toEqual([{ role: 'PRODUCER' }, { role: 'RECORDING_ENGINEER' }]);
    expect(map('Written-By')).toEqual([{ role: 'SONGWRITER' }]);
    expect(map('DJ Mix')).toEqual([{ role: 'DJ_MIXER' }]);
    expect(map('Remix')).toEqual([{ role: 'REMIXER' }]);
    expect(map('Music By [All Tracks By]')).toEqual([{ role: 'COMPOSER' }]);
  });

  it('narrows a role by its qualifier where the qualifier says so, and ignores the case and hyphens', () => {
    expect(map('Producer [Co-producer]')).toEqual([{ role: 'CO_PRODUCER' }]);
    expect(map('Written-By [Lyrics By]')).toEqual([{ role: 'LYRICIST' }]);
    expect(map('written by [music by]')).toEqual([{ role: 'COMPOSER' }]);
    expect(map('Engineer [Assistant]')).toEqual([{ role: 'ASSISTANT_ENGINEER' }]);
    expect(map('Co-Producer')).toEqual([{ role: 'CO_PRODUCER' }]);
    // A qualifier that narrows nothing leaves the role as it is.
    expect(map('Producer [Additional]')).toEqual([{ role: 'PRODUCER' }]);
  });

  it('makes instruments INSTRUMENTALIST with the instrument, the qualifier not changing it', () => {
    expect(map('Guitar, Bass')).toEqual([
      { role: 'INSTRUMENTALIST', instrument: 'Guitar' },
      { role: 'INSTRUMENTALIST', instrument: 'Bass' },
    ]);
    expect(map('Guitar [Acoustic]')).toEqual([{ role: 'INSTRUMENTALIST', instrument: 'Guitar' }]);
  });

  it('reports a role name in neither table (undefined), rather than calling it an instrument', () => {
    expect(map('Presenter')).toEqual([undefined]);
    expect(map('Compiled By, Guitar')).toEqual([undefined, { role: 'INSTRUMENTALIST', instrument: 'Guitar' }]);
    expect(map('Kazoo-ish Noises')).toEqual([undefined]);
  });

  it('keeps the role table and the instrument list apart', () => {
    for (const name of Object.keys(ROLE_NAMES)) expect(INSTRUMENTS.has(name), name).toBe(false);
  });
});

describe('tracksOf', () => {
  const vinyl = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4'];

  it('reads a range, in tracklist order', () => {
    expect(tracksOf('A1 to A3', vinyl)).toEqual({ found: ['A1', 'A2', 'A3'], missing: [] });
    // A range crossing sides follows the tracklist, not the alphabet.
    expect(tracksOf('A3 to B2', vinyl)).toEqual({ found: ['A3', 'B1', 'B2'], missing: [] });
  });

  it('reads lists, and lists of ranges', () => {
    expect(tracksOf('1, 5', ['1', '2', '3', '4', '5'])).toEqual({ found: ['1', '5'], missing: [] });
    expect(tracksOf('A1, B2 to B4', vinyl)).toEqual({ found: ['A1', 'B2', 'B3', 'B4'], missing: [] });
  });

  it('reports what names no track', () => {
    expect(tracksOf('A1, C1', vinyl)).toEqual({ found: ['A1'], missing: ['C1'] });
    expect(tracksOf('B4 to B1', vinyl)).toEqual({ found: [], missing: ['B4 to B1'] });
  });
});

// Issue 24, findings 4 and 8: sizes at which the old code (a search of the found list; a range pattern retried from
// every start in a run of spaces) took far longer than the test's timeout. Only the answers are asserted.
describe('tracksOf on hostile sizes (issue 24)', () => {
  it('a range over 200,000 tracks finds each once, in order', () => {
    const positions = Array.from({ length: 200_000 }, (_, i) => `${i + 1}`);
    const { found, missing } = tracksOf('1 to 200000, 7, 199999 to 200000', positions);
    expect(missing).toEqual([]);
    expect(found).toHaveLength(200_000);
    expect(found.every((p, i) => p === positions[i])).toBe(true);
  });

  it('a part of 300,000 spaces is read as a range or a position, as the pattern it replaces read it', () => {
    const spaces = ' '.repeat(300_000);
    const vinyl = ['A1', 'A2', 'A3', 'B1'];
    expect(tracksOf(`A1${spaces}B1`, vinyl)).toEqual({ found: [], missing: [`A1${spaces}B1`] });
    expect(tracksOf(`A1${spaces}to${spaces}A3`, vinyl)).toEqual({ found: ['A1', 'A2', 'A3'], missing: [] });
    expect(tracksOf(`A2${spaces}-${spaces}toast`, vinyl)).toEqual({ found: [], missing: [`A2${spaces}-${spaces}toast`] });
    // The forms the pattern read: a word of the range needs whitespace on both sides, "–" and any case read too.
    expect(tracksOf('A1 TO A2, A3 – B1, A1-A2', vinyl)).toEqual({ found: ['A1', 'A2', 'A3', 'B1'], missing: ['A1-A2'] });
  });
});
