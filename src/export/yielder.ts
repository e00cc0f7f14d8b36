// Gives the event loop a turn during long in-process loops, so other requests are served while an export is read.

/** A long loop over in-memory data runs in microtasks only; without a macrotask turn no socket is read meanwhile. */
export const SLICE_MS = 10;

/** Returns a function to await inside a loop: it resolves at once unless SLICE_MS have passed since the last turn. */
export function createYielder(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
