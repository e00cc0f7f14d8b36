// The check behind RowChange.expect, shared by both adapters: which node, if any, no longer looks as it was read.
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentChangeError, type ExpectedNeighbourhood, type NodeNeighbourhood } from './store.ts';

/** Throws ConcurrentChangeError naming the first expected node whose neighbourhood `now` differs from the one read. */
export function checkExpected(expect: readonly ExpectedNeighbourhood[], now: readonly (NodeNeighbourhood | null)[]): void {
  expect.forEach((expected, i) => {
    // Key order inside props may differ between a read and a re-read; isDeepStrictEqual ignores it, list order not.
    if (isDeepStrictEqual(expected.as, now[i] ?? null)) return;
    const what = expected.as === null ? 'was created' : now[i] ? 'changed' : 'was removed';
    throw new ConcurrentChangeError(
      `${expected.label} "${expected.slug}" ${what} since it was read (another request or server changed it)`,
    );
  });
}
