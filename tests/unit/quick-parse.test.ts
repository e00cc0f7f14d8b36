// The fast dataset check must parse exactly as the schema does, and hand anything doubtful to the schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/dataset/synthetic.ts';
import { datasetSchema } from '../../src/dataset/format.ts';
import { quickParse } from '../../src/dataset/quick-parse.ts';
import { InvalidDatasetError, validateDataset } from '../../src/dataset/validate.ts';
import { SEED_FILE } from '../helpers.ts';

const CATALOGUE_FILE = new URL('../fixtures/catalogue-sample.json', import.meta.url).pathname;

/** The benchmark's catalogue at 10 000 credits, made here (its file is generated, not committed), as read from JSON. */
const synthetic = JSON.stringify(generateSynthetic({ credits: 10_000, seed: 'liner-bench' }).dataset);
const rawOf = (file: string) =>
  JSON.parse(file === 'synthetic' ? synthetic : readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('quickParse', () => {
  it.each([
    ['the seed', SEED_FILE],
    ['a synthetic catalogue', 'synthetic'],
    ['a MusicBrainz-shaped catalogue', CATALOGUE_FILE],
  ])('gives what the schema gives for %s', (_name, file) => {
    const expected = datasetSchema.parse(rawOf(file));
    const quick = quickParse(rawOf(file), true);
    expect(quick).not.toBeNull();
    expect(JSON.parse(JSON.stringify(quick))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  const minimal = () => ({
    format: 'liner-dataset',
    version: 1,
    documents: [{ slug: 'doc', title: 'Doc' }],
    people: [{ slug: 'ann', name: 'Ann', sources: [{ document: 'doc', quote: 'Ann' }] }],
    works: [{ slug: 'song', title: 'Song', kind: 'SONG', sources: [{ document: 'doc', quote: 'Song' }] }],
    credits: [{ person: 'ann', work: 'song', role: 'PRODUCER', sources: [{ document: 'doc', quote: 'Ann' }] }] as unknown[],
  });

  it('is never looser than the schema on names: over 1000 characters is refused with every default present', () => {
    const long = 'x'.repeat(1001);
    const filled = () => {
      const data = minimal();
      Object.assign(data.people[0] as object, { isGroup: false, aliases: [], identifiers: [] });
      for (const entry of [...data.people, ...data.works, ...data.credits] as { sources: object[] }[])
        for (const source of entry.sources) Object.assign(source, { citations: [] });
      return data;
    };
    for (const [where, edit] of [
      ['a name', (d: ReturnType<typeof minimal>) => Object.assign(d.people[0] as object, { name: long })],
      ['an alias', (d: ReturnType<typeof minimal>) => Object.assign(d.people[0] as object, { aliases: [long] })],
      ['a title', (d: ReturnType<typeof minimal>) => Object.assign(d.works[0] as object, { title: long })],
    ] as const) {
      const data = filled();
      expect(quickParse(data, true), where).not.toBeNull();
      edit(data);
      expect(quickParse(data, true), where).toBeNull();
      expect(() => validateDataset(data), where).toThrow(/at most 1000 characters/);
    }
  });

  it('fills the defaults the schema fills', () => {
    const data = quickParse(minimal(), true);
    expect(data?.people[0]).toEqual({
      slug: 'ann',
      name: 'Ann',
      isGroup: false,
      aliases: [],
      sources: [{ document: 'doc', citations: [], quote: 'Ann' }],
    });
    expect(data?.awardWins).toEqual([]);
  });

  it('changes nothing it was not given to own, leaving defaults to the schema', () => {
    const input = minimal();
    const before = JSON.stringify(input);
    expect(quickParse(input, false)).toBeNull();
    expect(validateDataset(input).people[0]?.aliases).toEqual([]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each([
    ['an unknown key', (d: ReturnType<typeof minimal>) => Object.assign(d.credits[0] as object, { extra: 1 })],
    ['a bad role', (d: ReturnType<typeof minimal>) => Object.assign(d.credits[0] as object, { role: 'DJ' })],
    ['an empty detail', (d: ReturnType<typeof minimal>) => Object.assign(d.credits[0] as object, { detail: '' })],
    ['no sources', (d: ReturnType<typeof minimal>) => Object.assign(d.credits[0] as object, { sources: [] })],
    ['a bad slug', (d: ReturnType<typeof minimal>) => Object.assign(d.people[0] as object, { slug: 'Ann' })],
    ['a fractional year', (d: ReturnType<typeof minimal>) => Object.assign(d.works[0] as object, { year: 1999.5 })],
    ['a bad citation', (d: ReturnType<typeof minimal>) => Object.assign(d.works[0]?.sources[0] as object, { citations: ['x'] })],
    ['a null entry', (d: ReturnType<typeof minimal>) => d.credits.push(null)],
    ['a month 13', (d: ReturnType<typeof minimal>) => Object.assign(d.credits[0] as object, { beginDate: '1999-13' })],
    [
      'a malformed MBID',
      (d: ReturnType<typeof minimal>) =>
        Object.assign(d.people[0] as object, { identifiers: [{ scheme: 'MUSICBRAINZ', value: 'f6596571' }] }),
    ],
    [
      'an unknown identifier scheme',
      (d: ReturnType<typeof minimal>) =>
        Object.assign(d.works[0] as object, { identifiers: [{ scheme: 'SPOTIFY', value: '4uLU6hMCjMI75M1A2tKUQC' }] }),
    ],
  ])('leaves %s to the schema, which reports it where it is', (_name, spoil) => {
    const data = minimal();
    spoil(data);
    expect(quickParse(structuredClone(data), true)).toBeNull();
    const expected = datasetSchema.safeParse(structuredClone(data));
    expect(expected.success).toBe(false);
    expect(() => validateDataset(data)).toThrow(InvalidDatasetError);
  });
});
