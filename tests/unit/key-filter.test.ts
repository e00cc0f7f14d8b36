// KeyFilter: never "no" for a key it was given, rarely "maybe" for one it was not, through its rebuilds.
import { describe, expect, it } from 'vitest';
import { KeyFilter } from '../../src/import/key-filter.ts';

const mbid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('KeyFilter', () => {
  it('answers "maybe" for every key added, and "no" for nearly all others, as it grows', () => {
    const filter = new KeyFilter();
    const added: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      added.push(mbid(i));
      filter.add(mbid(i));
      // As SpillMap does: rebuilt, twice the size, from the keys it holds.
      if (filter.full) filter.rebuild(added);
    }
    expect(added.every((key) => filter.mayHave(key))).toBe(true);
    let maybe = 0;
    for (let i = 200_000; i < 300_000; i++) if (filter.mayHave(mbid(i))) maybe++;
    // At 8 to 16 bits a key, at most about one in twenty.
    expect(maybe).toBeLessThan(5_000);
  });

  it('forgets the keys a rebuild is not given', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 1000; i++) filter.add(mbid(i));
    filter.rebuild([mbid(1)]);
    expect(filter.mayHave(mbid(1))).toBe(true);
    expect(Array.from({ length: 999 }, (_, i) => filter.mayHave(mbid(i + 2))).filter(Boolean).length).toBeLessThan(10);
  });
});
