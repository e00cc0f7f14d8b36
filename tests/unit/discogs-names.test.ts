// Discogs names as people read them, slugs that keep namesakes apart and never meet MusicBrainz's, and the values.
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/dataset/slug.ts';
import { discogsName, discogsSlug, durationMs, releasedDate, trackSlug } from '../../src/import/discogs/names.ts';

describe('discogsName', () => {
  it('drops the namesake number from the display name and keeps it', () => {
    expect(discogsName('Mora (19)')).toEqual({ display: 'Mora', discogs: 'Mora (19)', namesake: '19' });
    expect(discogsName('Care Company (2)')).toMatchObject({ display: 'Care Company', namesake: '2' });
  });

  it('reads an inverted article naturally and keeps the Discogs form as the sort name', () => {
    expect(discogsName('Persuader, The')).toEqual({
      display: 'The Persuader',
      discogs: 'Persuader, The',
      sortName: 'Persuader, The',
    });
    expect(discogsName('Force, The (23)')).toEqual({
      display: 'The Force',
      discogs: 'Force, The (23)',
      namesake: '23',
      sortName: 'Force, The',
    });
  });

  it('leaves other names alone: brackets that are not numbers, commas that are not articles', () => {
    expect(discogsName('Josh Wink')).toEqual({ display: 'Josh Wink' });
    expect(discogsName('Earth, Wind & Fire')).toEqual({ display: 'Earth, Wind & Fire' });
    expect(discogsName('Josh Wink (DJ Wink)')).toEqual({ display: 'Josh Wink (DJ Wink)' });
  });
});

describe('slugs', () => {
  it('keeps two namesakes apart by their ids', () => {
    const a = discogsSlug('artist', discogsName('Mora (19)').display, 123456);
    const b = discogsSlug('artist', discogsName('Mora (20)').display, 123457);
    expect(a).toBe('mora-dg123456');
    expect(b).toBe('mora-dg123457');
  });

  it('tags each kind of entity apart, and ends in a form neither MusicBrainz (8 hex digits) nor the article uses', () => {
    expect(discogsSlug('release', 'Stockholm', 1)).toBe('stockholm-dgr1');
    expect(discogsSlug('master', 'Stockholm', 5427)).toBe('stockholm-dgm5427');
    expect(discogsSlug('label', 'Svek', 5)).toBe('svek-dgl5');
    // "g" is no hex digit: a MusicBrainz `name-<mbid8>` slug can never end like these.
    expect(/-[0-9a-f]{8}$/.test(discogsSlug('artist', 'Deadbeef', 12345678))).toBe(false);
    expect(slugify('Mora')).toBe('mora');
  });

  it('names a track by its release and position, or its place without one', () => {
    expect(trackSlug('A Sea Apart', 2, 'A1', 0)).toBe('a-sea-apart-dgr2-a1');
    expect(trackSlug('Untitled', 7, '', 4)).toBe('untitled-dgr7-t5');
  });
});

describe('values', () => {
  it('reads durations as milliseconds', () => {
    expect(durationMs('5:08')).toBe(308_000);
    expect(durationMs('1:02:03')).toBe(3_723_000);
    expect(durationMs('')).toBeUndefined();
    expect(durationMs('about five minutes')).toBeUndefined();
  });

  it('reads released dates as partial dates, dropping the zeros Discogs writes for unknown parts', () => {
    expect(releasedDate('1998-06-00')).toBe('1998-06');
    expect(releasedDate('1999-07-13')).toBe('1999-07-13');
    expect(releasedDate('2005')).toBe('2005');
    expect(releasedDate('1998-00-00')).toBe('1998');
    expect(releasedDate('20020206')).toBe('2002-02-06');
    expect(releasedDate('Unknown')).toBeUndefined();
  });
});

// Issue 24, finding 4: `\s+\((\d+)\)$` was retried from every start in a run of spaces; 300k spaces took far longer
// than the test's timeout. Only the answers are asserted.
describe('discogsName on a name of 300,000 spaces (issue 24)', () => {
  const spaces = ' '.repeat(300_000);
  it('reads the namesake number after any run of whitespace, and none without it', () => {
    expect(discogsName(`Mora${spaces}(19)`)).toEqual({ display: 'Mora', discogs: `Mora${spaces}(19)`, namesake: '19' });
    expect(discogsName(`Mora${spaces}x`)).toEqual({ display: `Mora${spaces}x` });
    expect(discogsName(`Mora(19)${spaces}`)).toEqual({ display: 'Mora(19)' });
    expect(discogsName(`Persuader,${spaces}The${spaces}(2)`)).toMatchObject({ display: 'The Persuader', namesake: '2' });
  });
});
