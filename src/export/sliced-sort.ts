// Sorting a large array without holding the event loop: one Array.prototype.sort of 283k slugs (a 1M-credit
// collaboration export) held it about a second, and no other client was answered meanwhile.
import { createYielder } from './yielder.ts';

/** Items sorted at once before merging: a few milliseconds of work. */
const RUN = 4096;

/**
 * `items` sorted by `compare`, as `items.sort(compare)` would (stable), in runs of RUN sorted at once and then merged
 * pairwise, with an event-loop turn every few milliseconds. `items` is left as it was.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  const pause = createYielder();
  let sorted: T[] = [];
  for (let start = 0; start < items.length; start += RUN) {
    sorted.push(...items.slice(start, start + RUN).sort(compare));
    await pause();
  }
  for (let width = RUN; width < sorted.length; width *= 2) {
    const merged: T[] = new Array(sorted.length);
    let out = 0;
    for (let left = 0; left < sorted.length; left += 2 * width) {
      const mid = Math.min(left + width, sorted.length);
      const end = Math.min(left + 2 * width, sorted.length);
      let i = left;
      let j = mid;
      while (i < mid || j < end) {
        // Ties take the left run first, so equal items keep their order, as a stable sort keeps them.
        if (j >= end || (i < mid && compare(sorted[i] as T, sorted[j] as T) <= 0)) merged[out++] = sorted[i++] as T;
        else merged[out++] = sorted[j++] as T;
        if ((out & 1023) === 0) await pause();
      }
    }
    sorted = merged;
  }
  return sorted;
}
