// A label's slug order kept in step with writes must be exactly the order a full sort gives.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { reordered } from '../../src/graph/memory/slug-order.ts';
import { compareStrings } from '../../src/graph/records.ts';

describe('reordered', () => {
  it('equals a full sort after random additions and removals, at every size from empty', () => {
    const random = seedrandom('slug-order');
    const slugs: string[] = [];
    const slugOf = (id: number) => slugs[id] as string;
    const sorted = (ids: number[]) => Int32Array.from([...ids].sort((a, b) => compareStrings(slugOf(a), slugOf(b))));
    let live: number[] = [];
    let order: Int32Array = new Int32Array(0);
    for (let round = 0; round < 200; round++) {
      const added: number[] = [];
      for (let i = Math.floor(random() * 20); i > 0; i--) {
        // Slugs that share prefixes and include ones sorting before and after all others.
        slugs.push(`${'ab'.slice(0, Math.floor(random() * 3))}${Math.floor(random() * 1e6).toString(36)}-${slugs.length}`);
        added.push(slugs.length - 1);
      }
      const removed = new Set(live.filter(() => random() < 0.1));
      order = reordered(order, added, removed, slugOf);
      live = [...live.filter((id) => !removed.has(id)), ...added];
      expect([...order], `round ${round}`).toEqual([...sorted(live)]);
    }
    expect(live.length).toBeGreaterThan(50);
  });
});
