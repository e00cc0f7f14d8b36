// combineNode: how two statements of one node become one — kept values stay, missing ones are added, another name
// is an alias, lists and sources are unioned, differing values become a conflict with one claim per source.
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../../src/graph/rows.ts';
import { combineNode, combineRelProps, sourcesOfProps } from '../../src/identity/combine.ts';

const cite = (document: string, quote: string) => ({
  sourceDocuments: [document],
  sourceCitations: [''],
  sourceQuotes: [quote],
});
const describeSource = (s: { document: string }) => (s.document.startsWith('mb') ? 'MusicBrainz' : 'Discogs');

const kept: NodeRow = {
  label: 'Person',
  slug: 'paul-mccartney',
  props: {
    name: 'Paul McCartney',
    isGroup: false,
    aliases: ['Macca'],
    beginDate: '1942-06-18',
    genres: ['Rock'],
    searchText: 'paul mccartney macca',
    ...cite('mb-artist', 'Paul McCartney, born 1942-06-18'),
  },
};
const other: NodeRow = {
  label: 'Person',
  slug: 'paul-mccartney-2',
  props: {
    name: 'Paul McCartney (2)',
    isGroup: false,
    aliases: [],
    beginDate: '1942-06-19',
    country: 'GB',
    genres: ['Rock', 'Pop'],
    searchText: 'paul mccartney 2',
    ...cite('discogs-artist', 'Paul McCartney, b. 19 June 1942'),
  },
};

describe('combineNode', () => {
  it("keeps the kept node's values, adds what it lacks, and unions lists and sources", () => {
    const { props } = combineNode(kept, other, describeSource);
    expect(props).toMatchObject({ name: 'Paul McCartney', beginDate: '1942-06-18', country: 'GB', genres: ['Rock', 'Pop'] });
    expect(sourcesOfProps(props).map((s) => s.document)).toEqual(['mb-artist', 'discogs-artist']);
  });

  it('keeps a different name as an alias, findable by search', () => {
    const { props } = combineNode(kept, other, describeSource);
    expect(props.aliases).toEqual(['Macca', 'Paul McCartney (2)']);
    expect(props.searchText).toBe('paul mccartney macca 2');
  });

  it('records a differing value as a conflict about the kept node, one claim per source, slug derived from the values', () => {
    const { conflicts } = combineNode(kept, other, describeSource);
    const conflict = conflicts.nodes.filter((n) => n.label === 'Conflict');
    expect(conflict).toHaveLength(1);
    const slug = conflict[0]?.slug as string;
    expect(slug).toMatch(/^paul-mccartney-begin-date-[0-9a-f]{10}$/);
    expect(conflicts.nodes.filter((n) => n.label === 'Claim').map((n) => [n.props.statement, n.props.sourceDocuments])).toEqual([
      ['MusicBrainz: begin date 1942-06-18', ['mb-artist']],
      ['Discogs: begin date 1942-06-19', ['discogs-artist']],
    ]);
    expect(conflicts.rels.map((r) => `${r.type} ${r.from} → ${r.toLabel}:${r.to}`)).toEqual([
      `HAS_CLAIM ${slug} → Claim:${slug}-claim-1`,
      `HAS_CLAIM ${slug} → Claim:${slug}-claim-2`,
      `ABOUT ${slug} → Person:paul-mccartney`,
    ]);
    // The same two statements always give the same conflict: a re-import writes nothing new.
    expect(combineNode(kept, other, describeSource).conflicts).toEqual(conflicts);
  });

  it('changes nothing when the other statement is the kept one again', () => {
    const { props, conflicts } = combineNode(kept, kept, describeSource);
    expect(props).toEqual(kept.props);
    expect(conflicts).toEqual({ nodes: [], rels: [] });
  });

  it('takes true over false for isGroup, where a source that does not know says false', () => {
    const group = { ...other, props: { ...other.props, isGroup: true } };
    const { props, conflicts } = combineNode(kept, group, describeSource);
    expect(props.isGroup).toBe(true);
    expect(conflicts.nodes.filter((n) => n.label === 'Conflict')).toHaveLength(1);
  });

  it('records no conflict for an identifier (its page is not a fact about the subject)', () => {
    const a: NodeRow = {
      label: 'Identifier',
      slug: 'discogs-artist-1',
      props: { scheme: 'DISCOGS_ARTIST', value: '1', url: 'https://a', ...cite('mb-artist', 'q') },
    };
    const b: NodeRow = { ...a, props: { ...a.props, url: 'https://b', ...cite('discogs-artist', 'r') } };
    const { props, conflicts } = combineNode(a, b, describeSource);
    expect(props.url).toBe('https://a');
    expect(props.sourceDocuments).toEqual(['mb-artist', 'discogs-artist']);
    expect(conflicts.nodes).toEqual([]);
  });
});

describe('combineRelProps', () => {
  it('keeps the stored values, adds missing ones, and unions sources without repeating one', () => {
    const stored = { role: 'PRODUCER', ...cite('mb-artist', 'produced by') };
    const incoming = { role: 'PRODUCER', detail: 'co', ...cite('discogs-artist', 'Producer') };
    const props = combineRelProps(stored, incoming);
    expect(props).toMatchObject({ role: 'PRODUCER', detail: 'co', sourceDocuments: ['mb-artist', 'discogs-artist'] });
    expect(combineRelProps(props, incoming)).toEqual(props);
  });
});
