// A worker thread (piscina) for importDataset's validation and conversion: a dataset of megabytes takes a second or
// more of synchronous work, which on the event loop held /health and every other client that long.
import { Piscina } from 'piscina';
import { InvalidDatasetError } from '../dataset/validate.ts';
import type { GraphRows } from '../graph/rows.ts';
import type { DatasetTaskResult } from './dataset-worker.ts';

const WORKER = new URL('./dataset-worker.ts', import.meta.url).href;

/** One thread: imports are writes, by token holders, and rare; a second waits rather than taking another core. */
const THREADS = 1;
/** Imports that may wait for the thread; one more is refused with DatasetPoolBusyError. */
const QUEUE = 4;
/** The worker's heap in MB: a dataset too large for it fails alone (DatasetTooLargeError), not the server. */
const WORKER_MEMORY_MB = 1024;

/** The worker and its queue are full. */
export class DatasetPoolBusyError extends Error {
  override name = 'DatasetPoolBusyError';
}

/** The dataset did not fit in the worker's heap. */
export class DatasetTooLargeError extends Error {
  override name = 'DatasetTooLargeError';
}

export class DatasetPool {
  #pool: Piscina<{ json: string }, DatasetTaskResult> | null = null;

  /**
   * The dataset validated and converted to rows in the worker; InvalidDatasetError as validateDataset throws it, or
   * the signal's reason once it aborts (the worker is stopped).
   */
  async rows(dataset: unknown, signal: AbortSignal): Promise<GraphRows> {
    // Created on first use: most servers never import over HTTP, and the idle thread is let go after a while.
    this.#pool ??= new Piscina<{ json: string }, DatasetTaskResult>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: THREADS,
      maxQueue: QUEUE,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
    });
    signal.throwIfAborted();
    let result: DatasetTaskResult;
    try {
      // Text crosses to the worker as one copy; the object the request's JSON was parsed into would be cloned field
      // by field on this thread.
      result = await this.#pool.run({ json: JSON.stringify(dataset) }, { signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if ((error as Error).message === 'Task queue is at limit') throw new DatasetPoolBusyError('the import worker is busy');
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new DatasetTooLargeError(`the dataset did not fit in the import worker's ${WORKER_MEMORY_MB} MB heap`);
      throw error;
    }
    if (!result.ok) throw new InvalidDatasetError(result.problems);
    return JSON.parse(result.rows) as GraphRows;
  }

  async close(): Promise<void> {
    await this.#pool?.destroy();
    this.#pool = null;
  }
}
