// The hop table (src/graph/hops.ts): only its hops, from their labels, reach a store; its records and orders on the
// seed; the Cypher each hop becomes, written out from the table with no database.
import { beforeAll, describe, expect, it } from 'vitest';
import { HOPS, hopShape, readHop } from '../../src/graph/hops.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { hopCypher } from '../../src/graph/neo4j/hop-cypher.ts';
import type { NodeLabel } from '../../src/graph/rows.ts';
import { seed } from '../helpers.ts';

describe('the hop table', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });

  it('refuses a hop outside the table, naming it and the known ones', async () => {
    await expect(store.hops('friendsOf' as never, 'Person', ['thom-russo'])).rejects.toThrow(
      /hops: "friendsOf" is not a hop \(known: membersOf, groupsOf,/,
    );
    expect(() => hopShape('constructor', 'Person')).toThrow(/"constructor" is not a hop/);
    expect(() => hopCypher('toString' as never, 'Person')).toThrow(/"toString" is not a hop/);
  });

  it('refuses a start label the hop does not read from', async () => {
    await expect(store.hops('identifiersOf', 'Claim', ['x'])).rejects.toThrow(
      'hops: "identifiersOf" reads from Person or Work or Place or Organization or Award, not from Claim',
    );
    expect(() => hopCypher('membersOf', 'Work')).toThrow('hops: "membersOf" reads from Person, not from Work');
  });

  it('answers one entry per key, in key order, empty (or null) for a node that is not there', async () => {
    const [missing, russo] = await readHop(store, 'affiliationsOf', ['no-such-person', 'thom-russo']);
    expect(missing).toEqual([]);
    expect(russo?.map((a) => a.organization.slug)).toContain('northwestern-university');
    expect(await readHop(store, 'birthPlaceOf', ['no-such-person', 'thom-russo'])).toEqual([
      null,
      expect.objectContaining({ place: expect.objectContaining({ slug: 'cleveland-ohio', name: 'Cleveland, Ohio' }) }),
    ]);
  });

  it('builds each record from the row and the hop, both ways for a both-way hop', async () => {
    const [cornell, audioslave] = await readHop(store, 'membershipsOf', ['chris-cornell', 'audioslave']);
    expect(cornell?.map((m) => [m.direction, m.person.slug])).toEqual([['OUT', 'audioslave']]);
    expect(audioslave?.map((m) => [m.direction, m.person.slug])).toEqual([['IN', 'chris-cornell']]);
    expect(await readHop(store, 'groupsOf', ['chris-cornell'])).toEqual([[expect.objectContaining({ slug: 'audioslave' })]]);
    expect(await readHop(store, 'membersOf', ['audioslave'])).toEqual([[expect.objectContaining({ slug: 'chris-cornell' })]]);
    const [mentored] = await readHop(store, 'associationsOf', ['benj-kanters']);
    expect(mentored).toContainEqual(
      expect.objectContaining({ type: 'MENTORED', direction: 'OUT', person: expect.objectContaining({ slug: 'thom-russo' }) }),
    );
  });

  it('sorts each list by the order the table gives it', async () => {
    const [wins] = await readHop(store, 'awardWinsOfPerson', ['thom-russo']);
    const years = (wins ?? []).map((w) => w.year ?? Number.POSITIVE_INFINITY);
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    // An award win's links come with it: the award it is of and who received it.
    expect(wins?.[0]).toEqual(expect.objectContaining({ awardSlug: expect.any(String), recipientSlugs: ['thom-russo'] }));
    const [affiliations] = await readHop(store, 'affiliationsOf', ['thom-russo']);
    const startOf = (a: { startYear: number | null; endYear: number | null }) =>
      a.startYear ?? a.endYear ?? Number.POSITIVE_INFINITY;
    const starts = (affiliations ?? []).map(startOf);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('reads conflicts about nodes of any label, with their claims in order', async () => {
    const conflicts = await store.conflicts();
    const about = conflicts[0]?.about[0] as { label: NodeLabel; slug: string };
    const [found] = await readHop(store, 'conflictsAbout', [about.slug], about.label);
    expect(found?.map((c) => c.slug)).toContain(conflicts[0]?.slug);
    expect(found?.find((c) => c.slug === conflicts[0]?.slug)).toEqual(conflicts[0]);
  });

  it('writes a hop out as one Cypher statement from the table: labels and types from the allow-lists', () => {
    expect(hopCypher('membersOf', 'Person')).toBe(
      [
        '// hop membersOf from Person (src/graph/hops.ts)',
        'UNWIND $slugs AS slug',
        'MATCH (n:Person {slug: slug})<-[r:MEMBER_OF]-(o:Person)',
        'RETURN slug AS start_slug, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rel, o.slug AS slug,',
        '       properties(o) AS props, {} AS start, {} AS links',
      ].join('\n'),
    );
    expect(hopCypher('identifiersOf', 'Work')).toContain('{kind: n.kind} AS start');
    expect(hopCypher('awardWinsOfWork', 'Work')).toContain(
      "recipients: COLLECT { MATCH (o)<-[:RECEIVED]-(x:Person) RETURN {label: 'Person', slug: x.slug, props: {}} }",
    );
    expect(hopCypher('conflictsAbout', 'Place')).toContain(
      'about: COLLECT { MATCH (o)-[:ABOUT]->(x) RETURN {label: labels(x)[0], slug: x.slug, props: {}} }',
    );
    // Every hop from every label it allows is written without error.
    for (const [hop, { shape }] of Object.entries(HOPS))
      for (const from of shape.from) expect(hopCypher(hop as keyof typeof HOPS, from)).toMatch(/^\/\/ hop /);
  });
});
