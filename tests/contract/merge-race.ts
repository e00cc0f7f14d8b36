// Merges on a store shared by several servers: a merge or split planned from rows another server changed before it
// landed is refused and changes nothing, and of two changes planned from the same rows at once exactly one lands.
import { expect, it } from 'vitest';
import { ConcurrentChangeError, type GraphStore, type RowChange } from '../../src/graph/store.ts';
import { mergeNodes, splitNode } from '../../src/identity/merge-service.ts';
import { allRows } from '../helpers.ts';

const KEEP = 'thom-russo';
const MERGE = 'bruce-swedien';

/** The store, with `meanwhile` run (as another server would) after the merge read its rows and before it applies. */
function racedBy(store: GraphStore, meanwhile: () => Promise<unknown>): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'applyChange') return Reflect.get(target, property, receiver);
      return async (change: RowChange) => {
        await meanwhile();
        return target.applyChange(change);
      };
    },
  });
}

/** `stores()` are two handles on one graph holding the seed: two servers on one Neo4j, or one embedded store twice. */
export function mergeRaceTests(stores: () => [GraphStore, GraphStore]) {
  it('refuses a merge whose kept node another server changed after it was read, and changes nothing', async () => {
    const [a, b] = stores();
    const before = await allRows(a);
    const renamed = { label: 'Person' as const, slug: KEEP, set: { aliases: ['T. Russo'] } };
    const raced = racedBy(a, () => b.write({ nodes: [renamed] }));
    const error = await mergeNodes(raced, 'Person', KEEP, MERGE, 'tester').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrentChangeError);
    expect((error as Error).message).toBe(`Person "${KEEP}" changed since it was read (another request or server changed it)`);
    const after = await allRows(a);
    // Only the other server's change landed: the merged node is still there, no merge record was written.
    expect(after.nodes.filter((n) => n.label === 'Merge')).toEqual([]);
    expect(after.nodes.find((n) => n.label === 'Person' && n.slug === MERGE)).toBeDefined();
    expect(after.rels.length).toBe(before.rels.length);
    const kept = after.nodes.find((n) => n.label === 'Person' && n.slug === KEEP);
    expect(kept?.props.aliases).toEqual(['T. Russo']);
    // Put the alias back as the seed had it, so the next test starts from the seed's rows.
    const seeded = before.nodes.find((n) => n.label === 'Person' && n.slug === KEEP);
    await a.applyChange({ putNodes: [seeded as NonNullable<typeof seeded>] });
    expect(await allRows(a)).toEqual(before);
  });

  it('refuses a split whose kept node another server changed after it was read, and changes nothing', async () => {
    const [a, b] = stores();
    const before = await allRows(a);
    const record = await mergeNodes(a, 'Person', KEEP, MERGE, 'tester');
    const merged = await allRows(a);
    const keptRow = merged.nodes.find((n) => n.label === 'Person' && n.slug === KEEP);
    if (!keptRow) throw new Error(`no ${KEEP} after the merge`);
    const touched = { label: 'Person' as const, slug: KEEP, set: { disambiguation: 'changed elsewhere' } };
    const raced = racedBy(a, () => b.write({ nodes: [touched] }));
    const error = await splitNode(raced, record.slug, 'tester').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrentChangeError);
    expect((error as Error).message).toBe(`Person "${KEEP}" changed since it was read (another request or server changed it)`);
    // Nothing of the split landed: the merged node is still gone and the record is not undone.
    const after = await allRows(a);
    expect(after.nodes.find((n) => n.label === 'Person' && n.slug === MERGE)).toBeUndefined();
    expect(after.nodes.find((n) => n.label === 'Merge')?.props.undoneBy).toBeUndefined();
    expect(after.rels).toEqual(merged.rels);
    // With the other server's change taken back, the split lands and every row but the record is the seed's again.
    await a.applyChange({ putNodes: [keptRow] });
    await splitNode(a, record.slug, 'tester');
    const split = await allRows(a);
    const withoutMerges = (rows: typeof before) => rows.nodes.filter((n) => n.label !== 'Merge');
    expect(withoutMerges(split)).toEqual(withoutMerges(before));
    expect(split.rels).toEqual(before.rels);
    await a.applyChange({ removeNodes: [{ label: 'Merge', slug: record.slug }] });
    expect(await allRows(a)).toEqual(before);
  });

  it('of two changes planned from the same rows at once, exactly one lands, twenty times over', async () => {
    const [a, b] = stores();
    for (let round = 0; round < 20; round++) {
      const [read] = await a.neighbourhoods('Person', [KEEP]);
      if (!read) throw new Error(`no ${KEEP}`);
      const change = (who: string): RowChange => ({
        expect: [{ label: 'Person', slug: KEEP, as: read }],
        putNodes: [{ ...read.node, props: { ...read.node.props, disambiguation: `${who} ${round}` } }],
      });
      const results = await Promise.allSettled([a.applyChange(change('a')), b.applyChange(change('b'))]);
      const landed = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(landed).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentChangeError);
      const [now] = await b.neighbourhoods('Person', [KEEP]);
      const winner = results[0]?.status === 'fulfilled' ? 'a' : 'b';
      expect(now?.node.props.disambiguation).toBe(`${winner} ${round}`);
    }
  });
}
