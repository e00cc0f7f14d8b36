// Appends a value to a list of distinct values in time that does not grow with the list (an artist's aliases): the
// list's own strings tell its values apart, so it is find-by-pair's index with the value as the pair's first half.
import { findByPair, type PairOf, pushByPair } from './find-by-pair.ts';

const ITSELF: PairOf<string> = { first: (value) => value, second: () => '' };

/**
 * Push `value` onto `list` unless it is there already; answers whether it was pushed. A search of the list per push
 * made a MusicBrainz artist with 100k aliases take 12.6 s to convert.
 */
export function pushUnique(list: string[], value: string): boolean {
  if (findByPair(list, ITSELF, value, '') !== undefined) return false;
  pushByPair(list, ITSELF, value);
  return true;
}
