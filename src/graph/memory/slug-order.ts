// A label's node ids in slug order, kept in step with a write instead of sorted again: after any write the next
// reader of the label re-sorted all of it on the event loop, about 300 ms for a million people.
import { compareStrings } from '../records.ts';

/**
 * `ids` (in slug order) with `added` put in their places and `removed` taken out: O(n + k log n) for k added, with
 * no comparison of the ids it only copies.
 */
export function reordered(
  ids: Int32Array,
  added: readonly number[],
  removed: ReadonlySet<number>,
  slugOf: (id: number) => string,
): Int32Array {
  const bySlug = (a: number, b: number) => compareStrings(slugOf(a), slugOf(b));
  const adding = [...added].sort(bySlug);
  const out = new Int32Array(ids.length + adding.length);
  let written = 0;
  let from = 0;
  const copyUpTo = (end: number) => {
    for (; from < end; from++) {
      const id = ids[from] as number;
      if (!removed.has(id)) out[written++] = id;
    }
  };
  for (const id of adding) {
    // The first place at or after `from` whose slug sorts after this one's.
    const slug = slugOf(id);
    let low = from;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStrings(slugOf(ids[middle] as number), slug) < 0) low = middle + 1;
      else high = middle;
    }
    copyUpTo(low);
    out[written++] = id;
  }
  copyUpTo(ids.length);
  return written === out.length ? out : out.slice(0, written);
}
