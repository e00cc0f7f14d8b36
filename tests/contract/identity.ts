// The duplicate and merge contract, run against each store: a hand-written Discogs-kind dataset imported beside the
// article, its Thom Russo found as a possible duplicate of the article's, merged, queried, and split back exactly.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { prepareExport } from '../../src/export/export.ts';
import { parseExportOptions } from '../../src/export/options.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { allRows, graphqlClient } from '../helpers.ts';
import { WRITER_TOKEN } from './writes.ts';

/** Writes on, and a deadline a loaded test machine's Neo4j meets: the answers are under test here, not the timing. */
export const identityConfig = loadConfig({ LOG_LEVEL: 'silent', API_TOKENS: WRITER_TOKEN, REQUEST_TIMEOUT_MS: '60000' });

export const DISCOGS_FILE = fileURLToPath(new URL('../fixtures/discogs-thom-russo.json', import.meta.url));

/** The questions whose answers a merge changes and a split must give back exactly. */
export const ANSWERS = /* GraphQL */ `{
  thom: person(slug: "thom-russo") {
    name aliases nationality country sources { documentSlug quote }
    identifiers { scheme value }
    credits(first: 100) { totalCount edges { node { role work { slug } sources { quote } } } }
    collaborators(first: 100) { totalCount edges { node { slug } } }
    conflicts { slug description claims { statement source { documentSlug quote } } }
  }
  common: commonCollaborators(of: ["thom-russo", "tim-commerford-59420"]) { person { slug } sharedWorks { slug } }
  path: shortestPath(from: "tim-commerford-59420", to: "johnny-cash", maxHops: 4) {
    hops steps { from { slug } work { slug } to { slug } }
  }
  audioslave: work(slug: "audioslave") { credits { person { slug } role sources { quote } } }
  byDiscogs: byIdentifier(scheme: DISCOGS_ARTIST, value: "253104") { ... on Person { slug } }
}`;

export const DUPLICATES = /* GraphQL */ `query($label: MergeLabel, $minScore: Float, $first: Int, $after: String) {
  possibleDuplicates(label: $label, minScore: $minScore, first: $first, after: $after) {
    totalCount
    edges { cursor node { label score a { ... on Person { slug } ... on Work { slug } } b { ... on Person { slug } ... on Work { slug } }
      evidence { nameKey sameName sharedWorks sharedPeople yearsOverlap sameKind yearsA { from to } yearsB { from to } reasons } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const MERGE = /* GraphQL */ `mutation($label: MergeLabel!, $keep: ID!, $merge: ID!) {
  mergeNodes(label: $label, keep: $keep, merge: $merge) {
    id label keepSlug mergedSlug mergedName by undone movedRelationships conflicts { slug claims { statement source { documentSlug } } }
  }
}`;
export const SPLIT = /* GraphQL */ `mutation($merge: ID!) { splitNode(merge: $merge) { id undone undoneBy keepSlug mergedSlug } }`;

export function identityTests(getStore: () => GraphStore) {
  const as = (token: string | null) => {
    const client = graphqlClient(getStore(), identityConfig);
    return (query: string, variables?: Record<string, unknown>) => client(query, variables, token);
  };
  const writer = () => as(WRITER_TOKEN);
  const reader = () => as(null);
  /** The graph's rows but the merge records, which an undo keeps (marked undone). */
  const graphRows = async () => {
    const rows = await allRows(getStore());
    return { nodes: rows.nodes.filter((n) => n.label !== 'Merge'), rels: rows.rels };
  };
  /** Thom Russo's collaboration network, as the export's collaboration projection (node-link JSON) gives it. */
  const exportedLinks = async () => {
    const prepared = await prepareExport(
      getStore(),
      parseExportOptions({ format: 'json', projection: 'collaboration', person: 'thom-russo', hops: '1' }, 6),
    );
    let text = '';
    for await (const chunk of prepared.chunks()) text += chunk;
    const graph = JSON.parse(text) as { links: { source: string; target: string }[] };
    return graph.links.map((l) => [l.source, l.target].sort().join(' — ')).sort();
  };

  let before: { rows: Awaited<ReturnType<typeof graphRows>>; answers: unknown; links: string[] };
  let personMerge = '';

  beforeAll(async () => {
    const dataset = JSON.parse(readFileSync(DISCOGS_FILE, 'utf8'));
    const imported = await writer()(`mutation($d: JSON!) { importDataset(dataset: $d) { nodesCreated } }`, { d: dataset });
    expect(imported.errors).toBeUndefined();
    const answers = await reader()(ANSWERS);
    expect(answers.errors).toBeUndefined();
    before = { rows: await graphRows(), answers: answers.data, links: await exportedLinks() };
  });

  it("lists the article's Thom Russo and the Discogs one as a possible duplicate, with the evidence", async () => {
    const response = await reader()(DUPLICATES, { label: 'PERSON', minScore: 0.5 });
    expect(response.errors).toBeUndefined();
    const page = response.data.possibleDuplicates as {
      totalCount: number;
      edges: { node: { a: { slug: string }; b: { slug: string }; score: number; evidence: Record<string, unknown> } }[];
    };
    const pairs = page.edges.map((e) => `${e.node.a.slug} ~ ${e.node.b.slug}`);
    expect(pairs).toContain('thom-russo ~ thom-russo-253104');
    expect(pairs).toContain('audioslave ~ audioslave-251559');
    const thom = page.edges.find((e) => e.node.a.slug === 'thom-russo')?.node;
    expect(thom?.evidence).toMatchObject({
      nameKey: 'thom russo',
      sameName: true,
      sharedWorks: ['Audioslave'],
      sharedPeople: ['Audioslave'],
      yearsOverlap: true,
      yearsB: { from: 2002, to: 2002 },
    });
    expect(thom?.score).toBe(0.667);
    // Best first, ties by slugs.
    const scores = page.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('pages candidates with a cursor and refuses a page over its cap', async () => {
    const all = await reader()(DUPLICATES, { label: 'WORK', first: 50 });
    const edges = (all.data.possibleDuplicates as { edges: { node: { a: { slug: string }; b: { slug: string } } }[] }).edges;
    expect(edges.length).toBeGreaterThan(2);
    const first = await reader()(DUPLICATES, { label: 'WORK', first: 2 });
    const page1 = first.data.possibleDuplicates as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await reader()(DUPLICATES, { label: 'WORK', first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data.possibleDuplicates as { edges: { node: unknown }[] };
    expect([...page1.edges, ...page2.edges].map((e) => (e as { node: unknown }).node)).toEqual(
      edges.slice(0, 4).map((e) => e.node),
    );
    expect(edges[0]?.node).toMatchObject({ a: { slug: 'audioslave' }, b: { slug: 'audioslave-6767' } });
    const tooMany = await reader()(DUPLICATES, { label: 'WORK', first: 80 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('refuses a merge and a split without a token and changes nothing', async () => {
    const response = await reader()(MERGE, { label: 'PERSON', keep: 'thom-russo', merge: 'thom-russo-253104' });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const split = await reader()(SPLIT, { merge: 'any-merge' });
    expect(split.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await graphRows()).toEqual(before.rows);
  });

  it.each([
    ['keep == merge', { keep: 'thom-russo', merge: 'thom-russo' }, 'BAD_USER_INPUT', 'merge', /merged into itself/],
    ['an unknown slug', { keep: 'thom-russo', merge: 'nobody-at-all' }, 'NOT_FOUND', 'merge', /nobody-at-all/],
    ['an unknown keep', { keep: 'nobody-at-all', merge: 'thom-russo' }, 'NOT_FOUND', 'keep', /nobody-at-all/],
    [
      'a work as a person',
      { keep: 'thom-russo', merge: 'audioslave-6767' },
      'BAD_USER_INPUT',
      'merge',
      /is a work, not a person/,
    ],
    ['a malformed id', { keep: 'thom-russo', merge: 'Not A Slug!' }, 'BAD_USER_INPUT', 'merge', /slug or a node id/],
  ])('refuses %s with an error naming it, changing nothing', async (_name, args, code, argument, message) => {
    const response = await writer()(MERGE, { label: 'PERSON', ...args });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, argument });
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await graphRows()).toEqual(before.rows);
  });

  it('refuses a global id of another label', async () => {
    const workId = Buffer.from('Work:audioslave-6767').toString('base64');
    const response = await writer()(MERGE, { label: 'PERSON', keep: 'thom-russo', merge: workId });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'merge' });
    expect(response.errors?.[0]?.message).toMatch(/is a Work and label is PERSON/);
  });

  it("merges the Discogs Thom Russo into the article's: sources, identifier, credits, alias and a conflict", async () => {
    const response = await writer()(MERGE, { label: 'PERSON', keep: 'thom-russo', merge: 'thom-russo-253104' });
    expect(response.errors).toBeUndefined();
    const merge = response.data.mergeNodes as Record<string, unknown> & { id: string };
    personMerge = merge.id;
    expect(merge).toMatchObject({
      label: 'PERSON',
      keepSlug: 'thom-russo',
      mergedSlug: 'thom-russo-253104',
      mergedName: 'Thom Russo',
      by: 'token-1',
      undone: false,
      movedRelationships: 2,
      conflicts: [
        {
          slug: expect.stringMatching(/^thom-russo-nationality-[0-9a-f]{10}$/),
          claims: [
            {
              statement: expect.stringMatching(/^Thom Russo.*: nationality American$/),
              source: { documentSlug: 'thom-russo-article' },
            },
            { statement: 'Discogs: nationality United States', source: { documentSlug: 'discogs-artist-253104' } },
          ],
        },
      ],
    });
    const answers = await reader()(ANSWERS);
    expect(answers.errors).toBeUndefined();
    const { thom, common, path, byDiscogs } = answers.data as Record<string, any>;
    expect(thom.aliases).toEqual(['Thomas Russo']);
    expect(thom.nationality).toBe('American');
    expect(thom.country).toBe('US');
    expect(new Set(thom.sources.map((s: { documentSlug: string }) => s.documentSlug))).toEqual(
      new Set(['thom-russo-article', 'discogs-artist-253104']),
    );
    expect(thom.identifiers).toEqual([{ scheme: 'DISCOGS_ARTIST', value: '253104' }]);
    expect(thom.credits.totalCount).toBe((before.answers as any).thom.credits.totalCount + 1);
    expect(thom.credits.edges.map((e: any) => `${e.node.work.slug}/${e.node.role}`)).toContain('audioslave-6767/ENGINEER');
    expect(thom.collaborators.edges.map((e: any) => e.node.slug)).toContain('tim-commerford-59420');
    expect(thom.conflicts.map((c: { slug: string }) => c.slug)).toContain((merge.conflicts as { slug: string }[])[0]?.slug);
    expect(byDiscogs).toEqual({ slug: 'thom-russo' });
    // Before the merge Tim Commerford shared nothing with the article's Thom Russo, and no path led to Johnny Cash.
    expect((before.answers as any).common).toEqual([]);
    expect((before.answers as any).path).toBeNull();
    expect(common).toEqual([{ person: { slug: 'audioslave-251559' }, sharedWorks: [{ slug: 'audioslave-6767' }] }]);
    expect(path.hops).toBe(2);
    expect(path.steps[0]).toEqual({
      from: { slug: 'tim-commerford-59420' },
      work: { slug: 'audioslave-6767' },
      to: { slug: 'thom-russo' },
    });
    const gone = await reader()(`{ person(slug: "thom-russo-253104") { slug } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const links = await exportedLinks();
    expect(before.links).not.toContain('thom-russo — tim-commerford-59420');
    expect(links).toContain('thom-russo — tim-commerford-59420');
  });

  it('no longer lists the merged pair, and lists the merge, latest first', async () => {
    const response = await reader()(DUPLICATES, { label: 'PERSON' });
    const pairs = (
      response.data.possibleDuplicates as { edges: { node: { a: { slug: string }; b: { slug: string } } }[] }
    ).edges.map((e) => `${e.node.a.slug} ~ ${e.node.b.slug}`);
    expect(pairs).not.toContain('thom-russo ~ thom-russo-253104');
    const merges = await reader()(`{ merges { totalCount edges { node { id keepSlug mergedSlug undone } } } }`);
    expect((merges.data.merges as any).edges[0].node).toEqual({
      id: personMerge,
      keepSlug: 'thom-russo',
      mergedSlug: 'thom-russo-253104',
      undone: false,
    });
  });

  it('merges two records of one album: a credit on both becomes one with both sources, and splits back', async () => {
    const merged = await writer()(MERGE, { label: 'WORK', keep: 'audioslave', merge: 'audioslave-6767' });
    expect(merged.errors).toBeUndefined();
    const work = await reader()(
      `{ work(slug: "audioslave") { date credits(roles: [ENGINEER]) { person { slug } sources { quote } } } }`,
    );
    const engineer = (work.data.work as any).credits.find((c: any) => c.person.slug === 'thom-russo');
    const quotes = engineer.sources.map((s: { quote: string }) => s.quote);
    expect(quotes).toContain('Engineer – Thom Russo');
    expect(quotes.length).toBeGreaterThan(1);
    expect((work.data.work as any).date).toBe('2002-11-18');
    const split = await writer()(SPLIT, { merge: (merged.data.mergeNodes as { id: string }).id });
    expect(split.errors).toBeUndefined();
    expect(split.data.splitNode).toMatchObject({ undone: true, mergedSlug: 'audioslave-6767' });
    const after = await reader()(ANSWERS);
    expect((after.data as any).audioslave).toEqual((before.answers as any).audioslave);
  });

  it('splits the person merge: every answer, the export and every row as before the merge', async () => {
    const response = await writer()(SPLIT, { merge: personMerge });
    expect(response.errors).toBeUndefined();
    expect(response.data.splitNode).toEqual({
      id: personMerge,
      undone: true,
      undoneBy: 'token-1',
      keepSlug: 'thom-russo',
      mergedSlug: 'thom-russo-253104',
    });
    const answers = await reader()(ANSWERS);
    expect(answers.data).toEqual(before.answers);
    expect(await exportedLinks()).toEqual(before.links);
    expect(await graphRows()).toEqual(before.rows);
    const again = await writer()(SPLIT, { merge: personMerge });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'merge' });
    expect(again.errors?.[0]?.message).toMatch(/already undone/);
    const unknown = await writer()(SPLIT, { merge: 'no-such-merge' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'merge' });
  });

  it('refuses to undo a merge whose kept node changed since, naming the change, and changes nothing', async () => {
    const merged = await writer()(MERGE, { label: 'PERSON', keep: 'thom-russo', merge: 'thom-russo-253104' });
    const id = (merged.data.mergeNodes as { id: string }).id;
    const edited = await writer()(
      `mutation { upsertPerson(input: { slug: "thom-russo", name: "Thom Russo", aliases: ["Thomas Russo", "T. Russo"],
         source: { document: "discogs-artist-253104", quote: "Thom Russo. Real name: Thomas Russo." } }) { slug } }`,
    );
    expect(edited.errors).toBeUndefined();
    const rows = await graphRows();
    const split = await writer()(SPLIT, { merge: id });
    expect(split.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'merge' });
    expect(split.errors?.[0]?.message).toMatch(/"thom-russo" changed since \(aliases, searchText, source/);
    expect(await graphRows()).toEqual(rows);
  });
}
