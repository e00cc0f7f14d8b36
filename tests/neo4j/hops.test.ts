// The hop table on the real Neo4j: every hop's statement compiles for every start label it allows, each hop is one
// statement however many start nodes, and both adapters hand the table the same rows, so the same records.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOPS, type HopName, readHop } from '../../src/graph/hops.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { hopCypher } from '../../src/graph/neo4j/hop-cypher.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { HopRow } from '../../src/graph/port/hop-rows.ts';
import type { NodeLabel, Props } from '../../src/graph/rows.ts';
import { catalogue } from '../contract/catalogue.ts';
import { allRows, seed } from '../helpers.ts';
import { connection, describeNeo4j, seededNeo4jStore, withTestDriver } from './neo4j-env.ts';

/** Statements the driver was asked to run, counted where it sends them. */
const sent: string[] = [];
const session = neo4j.Session.prototype as unknown as { run: (...args: unknown[]) => unknown };
const run = session.run;

const HOP_FROM = (Object.keys(HOPS) as HopName[]).flatMap((hop) =>
  HOPS[hop].shape.from.map((from) => ({ hop, from: from as NodeLabel })),
);

/** Neo4j keeps a node's slug and a relationship's merge key among its properties; the embedded store does not. */
const stored = (props: Props, key: string) => Object.fromEntries(Object.entries(props).filter(([k]) => k !== key));

/** A row with Neo4j's internal properties left out and its links in one order, for comparing the two stores. */
function comparable(row: HopRow) {
  const links = Object.fromEntries(
    Object.entries(row.links).map(([name, nodes]) => [
      name,
      nodes.map((n) => ({ ...n, props: stored(n.props, 'slug') })).sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    ]),
  );
  // Neo4j answers an absent start property as null; the embedded store leaves it out.
  const start = Object.fromEntries(Object.entries(row.start).filter(([, v]) => v !== null && v !== undefined));
  return { ...row, rel: stored(row.rel, 'key'), props: stored(row.props, 'slug'), start, links };
}
/** JSON with every object's keys in order: Neo4j answers properties in its own order. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sortedKeys(v)]),
        )
      : value;
const canonical = (rows: HopRow[]) => rows.map((r) => JSON.stringify(sortedKeys(comparable(r)))).sort();

describeNeo4j('the hop table on Neo4j', () => {
  let store: Neo4jStore;
  const memory = new MemoryStore();
  /** Every node's slug, by label: each hop is asked for all of them at once. */
  const slugsOf = new Map<NodeLabel, string[]>();
  beforeAll(async () => {
    store = await seededNeo4jStore();
    await store.load(await catalogue());
    await memory.load(await seed());
    await memory.load(await catalogue());
    for (const node of (await allRows(memory)).nodes) slugsOf.set(node.label, [...(slugsOf.get(node.label) ?? []), node.slug]);
    session.run = function (this: unknown, ...args: unknown[]) {
      sent.push(String(args[0]));
      return run.apply(this, args);
    };
  });
  afterAll(async () => {
    session.run = run;
    await store.close();
  });

  it.each(HOP_FROM)('EXPLAIN hop $hop from $from', async ({ hop, from }) => {
    const result = await withTestDriver((driver) =>
      driver.executeQuery(`EXPLAIN ${hopCypher(hop, from)}`, { slugs: [] }, { database: connection().database }),
    );
    expect(result.summary.plan).toBeTruthy();
  });

  it.each(HOP_FROM)('$hop from $from: one statement, the rows and records the embedded store gives', async ({ hop, from }) => {
    const slugs = [...(slugsOf.get(from) ?? []), 'no-such-node'];
    sent.length = 0;
    const fromNeo4j = await store.hops(hop, from, slugs);
    expect(sent).toHaveLength(1);
    const fromMemory = await memory.hops(hop, from, slugs);
    expect(fromNeo4j).toHaveLength(slugs.length);
    expect(fromNeo4j.at(-1)).toEqual([]);
    expect(fromNeo4j.map(canonical)).toEqual(fromMemory.map(canonical));
    expect(await readHop(store, hop, slugs, from)).toEqual(await readHop(memory, hop, slugs, from));
  });

  it('finds rows for every hop somewhere in the seed and the catalogue, so the comparison above compares something', async () => {
    const found = new Set<HopName>();
    for (const { hop, from } of HOP_FROM)
      if ((await memory.hops(hop, from, slugsOf.get(from) ?? [])).some((r) => r.length > 0)) found.add(hop);
    expect((Object.keys(HOPS) as HopName[]).filter((hop) => !found.has(hop))).toEqual([]);
  });
});
