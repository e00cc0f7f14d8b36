import { describe, expect, it } from 'vitest';
import { sortInSlices } from '../../src/export/sliced-sort.ts';
import { compareStrings } from '../../src/graph/records.ts';

describe('sortInSlices', () => {
  it('orders as Array.prototype.sort does, over several runs and an odd tail', async () => {
    // 4096 per run: 20 000 items are five runs, the last one short, merged over three passes.
    const slugs = Array.from({ length: 20_000 }, (_, i) => `p-${((i * 7919) % 20_011).toString(36)}`);
    const before = [...slugs];
    expect(await sortInSlices(slugs, compareStrings)).toEqual([...slugs].sort(compareStrings));
    expect(slugs).toEqual(before);
  });

  it('keeps equal items in their order, as a stable sort does', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ key: i % 3, at: i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(await sortInSlices(items, byKey)).toEqual([...items].sort(byKey));
  });
});
