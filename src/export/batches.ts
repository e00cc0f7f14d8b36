// Regroups items into batches of a steady size, so formats write a few large chunks rather than many small ones.
export const BATCH_SIZE = 1000;

export async function* inBatches<T>(items: Iterable<T> | AsyncIterable<T>, size = BATCH_SIZE): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Each batch mapped item by item, `undefined` dropping an item; batches left empty are skipped. */
export async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, each: (item: T) => U | undefined): AsyncIterable<U[]> {
  for await (const batch of batches) {
    const out: U[] = [];
    for (const item of batch) {
      const mapped = each(item);
      if (mapped !== undefined) out.push(mapped);
    }
    if (out.length > 0) yield out;
  }
}
