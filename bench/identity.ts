// npm run bench:identity -- [--people 1000000] [--store embedded|neo4j]: identity resolution at scale. Loads N
// MusicBrainz-shaped people with identifiers, then resolves a second, Discogs-shaped dataset of N people whose
// DISCOGS_ARTIST identifiers match (a tenth of them with another begin date, so conflicts are recorded), and loads
// it. Prints wall and CPU seconds of each step as JSON; bench/notes.md keeps the figures.
import { parseArgs } from 'node:util';
import type { Dataset } from '../src/dataset/format.ts';
import { MemoryStore } from '../src/graph/memory/memory-store.ts';
import { Neo4jStore } from '../src/graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../src/graph/store.ts';
import { rowsOf } from '../src/ingest/pipeline.ts';
import { resolveIdentities } from '../src/ingest/resolve-identities.ts';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '1000000' }, store: { type: 'string', default: 'embedded' } },
});
const N = Number(values.people);
const log = (message: string) => console.error(`[identity ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** One catalogue's dataset of N people: `discogs` names them differently and states some begin dates otherwise. */
function people(discogs: boolean): Dataset {
  const document = discogs ? 'discogs-artists' : 'musicbrainz-artists';
  const list: Dataset['people'] = [];
  for (let i = 1; i <= N; i++) {
    const mbid = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const year = 1900 + (i % 100);
    list.push({
      slug: discogs ? `artist-${i}-2` : `artist-${i}`,
      name: discogs ? `Artist ${i} (2)` : `Artist ${i}`,
      isGroup: false,
      aliases: [],
      beginDate: discogs && i % 10 === 0 ? `${year + 1}` : `${year}`,
      identifiers: discogs
        ? [{ scheme: 'DISCOGS_ARTIST', value: String(i) }]
        : [
            { scheme: 'MUSICBRAINZ', value: mbid },
            { scheme: 'DISCOGS_ARTIST', value: String(i) },
          ],
      sources: [{ document, citations: [], quote: `Artist ${i}` }],
    });
  }
  const empty = { works: [], places: [], organizations: [], awards: [], credits: [], workLinks: [], memberships: [] };
  return {
    format: 'liner-dataset',
    version: 1,
    documents: [{ slug: document, title: discogs ? 'Discogs' : 'MusicBrainz', kind: discogs ? 'DISCOGS' : 'MUSICBRAINZ' }],
    people: list,
    ...empty,
    births: [],
    affiliations: [],
    locations: [],
    organizationParts: [],
    associations: [],
    awardWins: [],
    conflicts: [],
  } as Dataset;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<{ result: T; wallSeconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const out = { result, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  log(`${what}: ${out.wallSeconds.toFixed(1)} s wall, ${out.cpuSeconds.toFixed(1)} s CPU`);
  return out;
}

let store: GraphStore;
if (values.store === 'neo4j') {
  const neo4j = new Neo4jStore({
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
  await neo4j.applySchema();
  if (!(await neo4j.isEmpty())) throw new Error('bench:identity needs an empty Neo4j database');
  store = neo4j;
} else store = new MemoryStore();

const first = rowsOf(people(false));
const load1 = await timed(`load ${N} MusicBrainz-shaped people`, () => store.load(first));
const second = rowsOf(people(true));
const resolve = await timed(`resolve ${N} Discogs-shaped people`, () => resolveIdentities(store, second));
const load2 = await timed('load the resolved rows', () => store.load(resolve.result));
const counts = await store.counts();
await store.close();
console.info(
  JSON.stringify({
    store: values.store,
    people: N,
    firstLoad: { wallSeconds: load1.wallSeconds, cpuSeconds: load1.cpuSeconds },
    resolve: {
      wallSeconds: resolve.wallSeconds,
      cpuSeconds: resolve.cpuSeconds,
      merged: resolve.result.merged,
      conflicts: resolve.result.conflicts,
    },
    secondLoad: { wallSeconds: load2.wallSeconds, cpuSeconds: load2.cpuSeconds, ...load2.result },
    people_after: counts.nodes.Person,
    conflicts_after: counts.nodes.Conflict,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
