// The seed's facts the old model could not hold, and the ones the article does not state (issue 13).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, SourceInput } from '../../src/dataset/format.ts';
import { InvalidDatasetError, readDatasetFile, validateDataset } from '../../src/dataset/validate.ts';
import { datasetToRows, type GraphRows, type NodeRow } from '../../src/graph/rows.ts';
import { ARTICLE_FILE, SEED_FILE } from '../helpers.ts';

const ARTICLE = 'thom-russo-article';
const INFERENCE = 'liner-editorial-inference';
const article = readFileSync(ARTICLE_FILE, 'utf8');

let dataset: Dataset;
let rows: GraphRows;
beforeAll(async () => {
  dataset = await readDatasetFile(SEED_FILE);
  rows = datasetToRows(dataset);
});

const articleQuotes = (sources: readonly SourceInput[]) => sources.filter((s) => s.document === ARTICLE).map((s) => s.quote);
const person = (slug: string) => dataset.people.find((p) => p.slug === slug);
const work = (slug: string) => dataset.works.find((w) => w.slug === slug);
const node = (label: NodeRow['label'], slug: string) => rows.nodes.find((n) => n.label === label && n.slug === slug);

/** The quote among `sources` that states every one of `words`, verbatim in the article. */
function stating(sources: readonly SourceInput[], ...words: string[]): string | undefined {
  const quote = articleQuotes(sources).find((q) => words.every((w) => q.includes(w)));
  if (quote !== undefined) expect(article).toContain(quote);
  return quote;
}

describe('the article facts the old model could not hold', () => {
  it('gives Thom Russo his nationality, occupations and genres, with the sentence that states them', () => {
    const russo = person('thom-russo');
    expect(russo).toMatchObject({
      kind: 'PERSON',
      nationality: 'American',
      occupations: ['record producer', 'composer', 'songwriter', 'mixing engineer'],
      genres: ['pop rock', 'alternative rock', 'Latin music'],
    });
    expect(
      stating(
        russo?.sources ?? [],
        'Thom Russo is an American',
        'record producer, composer, songwriter, and mixing engineer',
        'pop rock, alternative rock, and Latin music',
      ),
    ).toBeDefined();
    expect(node('Person', 'thom-russo')?.props).toMatchObject({
      kind: 'PERSON',
      nationality: 'American',
      occupations: ['record producer', 'composer', 'songwriter', 'mixing engineer'],
      genres: ['pop rock', 'alternative rock', 'Latin music'],
    });
  });

  it('gives the Free Willy series its years, 1993 to 1995, with the quote', () => {
    const series = work('free-willy-series');
    expect(series).toMatchObject({ kind: 'FILM_SERIES', year: 1993, endYear: 1995 });
    expect(stating(series?.sources ?? [], 'the Free Willy series (1993–1995)')).toBeDefined();
    expect(node('Work', 'free-willy-series')?.props).toMatchObject({ year: 1993, endYear: 1995 });
  });

  it("gives Drama y Luz its sales in the article's words", () => {
    const album = work('drama-y-luz');
    expect(album?.sales).toBe('global sales exceeding 1 million copies');
    expect(stating(album?.sources ?? [], `the album's ${album?.sales}`)).toBeDefined();
    expect(node('Work', 'drama-y-luz')?.props.sales).toBe('global sales exceeding 1 million copies');
  });

  it('notes that the 2012 Grammy category followed a merger of previous categories', () => {
    const win = dataset.awardWins.find((w) => w.slug === 'grammy-2012-drama-y-luz-best-latin-pop-rock-or-urban-album');
    expect(win).toMatchObject({ year: 2012, category: 'Best Latin Pop, Rock or Urban Album', work: 'drama-y-luz' });
    expect(win?.note).toBe('following a merger of previous categories');
    expect(stating(win?.sources ?? [], 'Best Latin Pop, Rock or Urban Album category (following a merger')).toBeDefined();
    expect(node('AwardWin', win?.slug ?? '')?.props.note).toBe('following a merger of previous categories');
  });

  it('keeps the birth in December 1969 and the graduation in 1988 as a conflict of two quoted claims', () => {
    const conflict = dataset.conflicts.find((c) => c.slug === 'birth-1969-vs-graduation-1988');
    expect(conflict?.about).toContainEqual({ type: 'person', slug: 'thom-russo' });
    expect(conflict?.description).toContain('"during his junior year"');
    expect(article).toContain('during his junior year');
    const claims = conflict?.claims ?? [];
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      expect(claim.source.document).toBe(ARTICLE);
      expect(article).toContain(claim.source.quote);
    }
    expect(claims[0]?.source.quote).toContain('born on December 31, 1969');
    expect(claims[1]?.source.quote).toContain('graduating in 1988');
    // In the graph: the conflict, its two claims, and what it is about.
    expect(node('Conflict', 'birth-1969-vs-graduation-1988')).toBeDefined();
    const claimRels = rows.rels.filter((r) => r.type === 'HAS_CLAIM' && r.from === 'birth-1969-vs-graduation-1988');
    expect(claimRels.map((r) => r.to)).toEqual([
      'birth-1969-vs-graduation-1988-claim-1',
      'birth-1969-vs-graduation-1988-claim-2',
    ]);
    expect(rows.rels.some((r) => r.type === 'ABOUT' && r.from === 'birth-1969-vs-graduation-1988' && r.to === 'thom-russo')).toBe(
      true,
    );
  });
});

describe('facts the article does not state', () => {
  it("are cited to the editors' inference, a document with no text to check against", () => {
    expect(dataset.documents.find((d) => d.slug === INFERENCE)).toEqual({
      slug: INFERENCE,
      title: "Inferred by Liner's editors from general knowledge; not stated by the article",
      kind: 'EDITORIAL',
    });
    expect(node('Document', INFERENCE)?.props.path).toBeUndefined();
    expect(node('Document', INFERENCE)?.props.text).toBeUndefined();
  });

  it('do not give Rick Rubin a role on The Man Comes Around or "99 Problems" the article does not give', () => {
    for (const slug of ['the-man-comes-around', '99-problems']) {
      const credits = dataset.credits.filter((c) => c.person === 'rick-rubin' && c.work === slug);
      expect(credits.map((c) => c.role)).toEqual(['CONTRIBUTOR']);
      // What the quote does say: Russo worked with Rubin on the project.
      expect(stating(credits[0]?.sources ?? [], 'work with influential figures like producer Rick Rubin')).toBeDefined();
    }
    // Where the article does say Rubin produced, he is the producer.
    for (const [slug, words] of [
      ['audioslave', 'produced by Rick Rubin'],
      ['steal-this-album', "under Rubin's production"],
    ] as const) {
      const credit = dataset.credits.find((c) => c.person === 'rick-rubin' && c.work === slug && c.role === 'PRODUCER');
      expect(stating(credit?.sources ?? [], words), slug).toBeDefined();
    }
  });

  it('mark a group as one only with a quote that says so, or as inferred', () => {
    const groups = dataset.people.filter((p) => p.isGroup);
    const how = Object.fromEntries(
      groups.map((g) => {
        const stated = articleQuotes(g.sources).find((q) => q.includes(g.name) && /\b(band|supergroup|duo|group)\b/.test(q));
        const inferred = g.sources.find((s) => s.document === INFERENCE && s.quote.startsWith(`${g.name} is a `));
        return [g.slug, stated ? 'stated' : inferred ? 'inferred' : 'unsupported'];
      }),
    );
    expect(how).toEqual({
      mana: 'stated',
      'jesse-and-joy': 'inferred',
      kinky: 'inferred',
      audioslave: 'stated',
      'system-of-a-down': 'stated',
      'sum-41': 'inferred',
    });
    for (const g of groups) expect(g.kind, g.slug).toBe('GROUP');
    expect(person('kinky')?.sources.find((s) => s.document === INFERENCE)?.quote).toBe(
      'Kinky is a band (general knowledge; the article names Kinky without saying what it is)',
    );
  });

  it('mark Chris Cornell in Audioslave as inferred, with no article quote behind the membership', () => {
    const membership = dataset.memberships.find((m) => m.person === 'chris-cornell' && m.group === 'audioslave');
    expect(membership?.sources.map((s) => s.document)).toEqual([INFERENCE]);
    expect(membership?.sources[0]?.quote).toContain('general knowledge');
    // Every membership is either quoted from a sentence naming it a membership, or inferred.
    for (const m of dataset.memberships)
      for (const s of m.sources) expect(s.document === INFERENCE || /\bmember/.test(s.quote), m.person).toBe(true);
    const rel = rows.rels.find((r) => r.type === 'MEMBER_OF' && r.from === 'chris-cornell' && r.to === 'audioslave');
    expect(rel?.props.sourceDocuments).toEqual([INFERENCE]);
  });

  it('cannot pass an inference off as the article: the verbatim check catches it', () => {
    const raw = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
    const index = raw.people.findIndex((p: { slug: string }) => p.slug === 'kinky');
    const sources = raw.people[index].sources as SourceInput[];
    const at = sources.findIndex((s) => s.document === INFERENCE);
    (sources[at] as SourceInput).document = ARTICLE;
    const texts = new Map([[ARTICLE, article]]);
    const error = (() => {
      try {
        validateDataset(raw, texts);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidDatasetError);
    expect((error as InvalidDatasetError).problems.map((p) => p.path)).toEqual([`people[${index}].sources[${at}].quote`]);
  });
});
