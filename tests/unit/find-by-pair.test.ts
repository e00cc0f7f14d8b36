// findByPair: a long list's index answers as the scan of a short one would, and never confuses two pairs.
import { describe, expect, it } from 'vitest';
import { findByPair, type PairOf, pushByPair } from '../../src/import/find-by-pair.ts';

interface Fact {
  a: string;
  b: string;
  n: number;
}
const PAIR: PairOf<Fact> = { first: (f) => f.a, second: (f) => f.b };

describe('findByPair (issue 24)', () => {
  it('finds the first fact of a pair past the scanned length, and tells ("ab", "c") from ("a", "bc")', () => {
    const list: Fact[] = [];
    for (let n = 0; n < 40; n++) pushByPair(list, PAIR, { a: `x${n % 20}`, b: 'y', n });
    pushByPair(list, PAIR, { a: 'ab', b: 'c', n: 40 });
    expect(findByPair(list, PAIR, 'x3', 'y')?.n).toBe(3);
    expect(findByPair(list, PAIR, 'a', 'bc')).toBeUndefined();
    pushByPair(list, PAIR, { a: 'a', b: 'bc', n: 41 });
    expect(findByPair(list, PAIR, 'a', 'bc')?.n).toBe(41);
    expect(findByPair(list, PAIR, 'ab', 'c')?.n).toBe(40);
  });
});
