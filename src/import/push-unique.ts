// Appends a value to a list of distinct values in time that does not grow with the list (an artist's aliases).

/** Up to this many values a list is searched: most lists hold a few, and a Set for each would cost more than it saves. */
const SEARCHED_UP_TO = 16;

/** The values of a long list, beside it; dropped with the list. Valid while the list only grows through pushUnique. */
const seenOf = new WeakMap<string[], Set<string>>();

/**
 * Push `value` onto `list` unless it is there already; answers whether it was pushed. A search of the list per push
 * made a MusicBrainz artist with 100k aliases take 12.6 s to convert; past a few values a Set answers instead.
 */
export function pushUnique(list: string[], value: string): boolean {
  if (list.length < SEARCHED_UP_TO) {
    if (list.includes(value)) return false;
    list.push(value);
    return true;
  }
  let seen = seenOf.get(list);
  if (seen === undefined) {
    seen = new Set(list);
    seenOf.set(list, seen);
  }
  if (seen.has(value)) return false;
  seen.add(value);
  list.push(value);
  return true;
}
