// One graph by two paths, on each store: a dataset loaded, and the same facts written through the API's mutations.
// Both build their stored properties with the same code (src/graph/stored-props.ts), so the rows must be equal to
// the last property: searchText, provenance lists, derived slugs, omitted optional fields.
import { expect, it } from 'vitest';
import type { DatasetInput } from '../../src/dataset/format.ts';
import type { NodeRow, RelRow } from '../../src/graph/rows.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { datasetRows, ingestRows } from '../../src/ingest/pipeline.ts';
import { allRows, graphqlClient } from '../helpers.ts';
import { WRITER_TOKEN, writeConfig } from './writes.ts';

const LINER_NOTES = { document: 'liner-notes', citations: ['2', '3'], quote: 'Produced by Åsa Öberg for Vänner & Co.' };
const INTERVIEW = { document: 'an-interview', citations: [], quote: 'Öberg and the Quiet Band won it together' };

/** What the mutations start from: a document and an award, which no mutation creates. */
const base = {
  format: 'liner-dataset',
  version: 1,
  documents: [{ slug: 'liner-notes', title: 'Vänner (liner notes)' }],
  awards: [{ slug: 'nordic-music-prize', name: 'Nordic Music Prize', sources: [LINER_NOTES] }],
} satisfies DatasetInput;

/** The same facts as `mutations` writes, stated as a dataset. */
const dataset = {
  ...base,
  documents: [...base.documents, { slug: 'an-interview', title: 'An interview', url: 'https://example.org/interview' }],
  people: [
    { slug: 'asa-oberg', name: 'Åsa Öberg', aliases: ['Åsa Oberg-Lind'], sources: [LINER_NOTES] },
    { slug: 'the-quiet-band', name: 'The Quiet Band', isGroup: true, sources: [INTERVIEW] },
  ],
  works: [{ slug: 'vanner-and-co', title: 'Vänner & Co.', kind: 'ALBUM', year: 2019, sources: [LINER_NOTES] }],
  credits: [
    { person: 'asa-oberg', work: 'vanner-and-co', role: 'PRODUCER', detail: 'all tracks', sources: [LINER_NOTES] },
    { person: 'the-quiet-band', work: 'vanner-and-co', role: 'PRIMARY_ARTIST', sources: [INTERVIEW] },
  ],
  awardWins: [
    {
      slug: 'nordic-music-prize-2020-vanner-and-co-album-of-the-year',
      award: 'nordic-music-prize',
      category: 'Album of the Year',
      year: 2020,
      work: 'vanner-and-co',
      recipients: ['asa-oberg', 'the-quiet-band'],
      sources: [INTERVIEW],
    },
  ],
} satisfies DatasetInput;

/**
 * The dataset's facts as mutations, the API deriving the slugs the dataset states: one request each, as a client
 * sends them (one operation of all eight can outlast the request deadline on a busy Neo4j).
 */
const mutations = [
  `mutation { upsertDocument(input: { title: "An interview", url: "https://example.org/interview" }) { slug } }`,
  `mutation($notes: SourceInput!) {
     upsertPerson(input: { name: "Åsa Öberg", aliases: ["Åsa Oberg-Lind"], source: $notes }) { slug } }`,
  // Again without aliases: omitted fields keep their value, and searchText is still built from them.
  `mutation($notes: SourceInput!) { upsertPerson(input: { name: "Åsa Öberg", source: $notes }) { slug } }`,
  `mutation($interview: SourceInput!) {
     upsertPerson(input: { name: "The Quiet Band", isGroup: true, source: $interview }) { slug } }`,
  `mutation($notes: SourceInput!) {
     upsertWork(input: { title: "Vänner & Co.", kind: ALBUM, year: 2019, source: $notes }) { slug } }`,
  `mutation($notes: SourceInput!) {
     addCredit(input: { person: "asa-oberg", work: "vanner-and-co", role: PRODUCER, detail: "all tracks",
                        source: $notes }) { role } }`,
  `mutation($interview: SourceInput!) {
     addCredit(input: { person: "the-quiet-band", work: "vanner-and-co", role: PRIMARY_ARTIST, source: $interview }) {
       role } }`,
  `mutation($interview: SourceInput!) {
     addAwardWin(input: { award: "nordic-music-prize", category: "Album of the Year", year: 2020, work: "vanner-and-co",
                          recipients: ["asa-oberg", "the-quiet-band", "asa-oberg"], source: $interview }) { slug } }`,
];

const byKey = <T extends NodeRow | RelRow>(rows: T[]) =>
  rows
    .map((row) => ({ key: JSON.stringify('label' in row ? [row.label, row.slug] : [row.type, row.from, row.to, row.key]), row }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.row);

async function sortedRows(store: GraphStore) {
  const { nodes, rels } = await allRows(store);
  return { nodes: byKey(nodes), rels: byKey(rels) };
}

/** `emptyStore` gives an empty store; the Neo4j one empties the shared database, so each path reads its rows first. */
export function writePathTests(emptyStore: () => Promise<GraphStore>) {
  it('stores the same rows for facts written by mutations as for the same facts loaded from a dataset', async () => {
    const loaded = await emptyStore();
    await ingestRows(loaded, datasetRows(dataset));
    const viaLoad = await sortedRows(loaded);
    await loaded.close();

    const written = await emptyStore();
    try {
      await ingestRows(written, datasetRows(base));
      const client = graphqlClient(written, writeConfig);
      const answers: unknown[] = [];
      for (const mutation of mutations) {
        const variables = {
          ...(mutation.includes('$notes') ? { notes: LINER_NOTES } : {}),
          ...(mutation.includes('$interview') ? { interview: INTERVIEW } : {}),
        };
        const response = await client(mutation, variables, WRITER_TOKEN);
        expect(response.errors).toBeUndefined();
        answers.push(...Object.values(response.data));
      }
      expect(answers).toEqual([
        { slug: 'an-interview' },
        { slug: 'asa-oberg' },
        { slug: 'asa-oberg' },
        { slug: 'the-quiet-band' },
        { slug: 'vanner-and-co' },
        { role: 'PRODUCER' },
        { role: 'PRIMARY_ARTIST' },
        { slug: 'nordic-music-prize-2020-vanner-and-co-album-of-the-year' },
      ]);
      const viaMutations = await sortedRows(written);

      expect(viaMutations).toEqual(viaLoad);
      // Not equal by being empty: every fact is there, with its search words and its sources.
      expect(viaMutations.nodes.map((n) => `${n.label}:${n.slug}`).sort()).toEqual([
        'Award:nordic-music-prize',
        'AwardWin:nordic-music-prize-2020-vanner-and-co-album-of-the-year',
        'Document:an-interview',
        'Document:liner-notes',
        'Person:asa-oberg',
        'Person:the-quiet-band',
        'Work:vanner-and-co',
      ]);
      // Two credits; the win's award, work and two recipients (named three times).
      expect(viaMutations.rels).toHaveLength(6);
      expect(viaMutations.nodes.find((n) => n.slug === 'asa-oberg')?.props).toEqual({
        name: 'Åsa Öberg',
        isGroup: false,
        aliases: ['Åsa Oberg-Lind'],
        searchText: 'asa oberg asa oberg lind',
        sourceDocuments: ['liner-notes'],
        sourceCitations: ['2,3'],
        sourceQuotes: [LINER_NOTES.quote],
      });
    } finally {
      await written.close();
    }
  });
}
