// Finds a fact in a list by the two strings that tell it apart, in time that does not grow with the list.
//
// A converter keeps a work's credits, a work's links and an entry's sources as plain lists and looks each new one up
// before adding it. Nearly every list holds a few, so a scan is cheapest; but input decides the length, and one
// Discogs track credited to 100k people, or one credit stated 100k ways, made that scan quadratic. Past a few items a
// Map beside the list answers instead: no key is built for a short list, and the output (the list) is unchanged.

/** How the facts of one kind of list are told apart: two of their strings, read without building anything. */
export interface PairOf<T> {
  first(item: T): string;
  second(item: T): string;
}

/** Up to this many items a list is scanned: most hold one to three, and a Map for each would cost more than it saves. */
const SCANNED_UP_TO = 16;

/** The index of a long list, beside it; dropped with the list. Valid while the list only grows through pushByPair. */
const indexes = new WeakMap<readonly unknown[], Map<string, unknown>>();

/** One key per pair, and never one for two pairs: the first string's length says where the second begins. */
const joined = (first: string, second: string) => `${first.length}:${first}${second}`;

function indexOf<T>(list: readonly T[], pairOf: PairOf<T>): Map<string, T> {
  let index = indexes.get(list) as Map<string, T> | undefined;
  if (index === undefined) {
    index = new Map();
    // The first of equal pairs wins, as the scan finds it.
    for (const item of list) {
      const key = joined(pairOf.first(item), pairOf.second(item));
      if (!index.has(key)) index.set(key, item);
    }
    indexes.set(list, index);
  }
  return index;
}

/** The first item of `list` whose pair is (`first`, `second`), or undefined. */
export function findByPair<T>(list: readonly T[], pairOf: PairOf<T>, first: string, second: string): T | undefined {
  if (list.length <= SCANNED_UP_TO) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as T;
      if (pairOf.first(item) === first && pairOf.second(item) === second) return item;
    }
    return undefined;
  }
  return indexOf(list, pairOf).get(joined(first, second));
}

/** Appends `item` to `list`, keeping the list's index (when it has one) in step. */
export function pushByPair<T>(list: T[], pairOf: PairOf<T>, item: T): void {
  list.push(item);
  const index = indexes.get(list) as Map<string, T> | undefined;
  if (index === undefined) return;
  const key = joined(pairOf.first(item), pairOf.second(item));
  if (!index.has(key)) index.set(key, item);
}
