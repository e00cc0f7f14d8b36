// A bounded pool of worker threads (piscina) for export metrics: a few at a time, the rest queued or refused, each
// stopped when its request's deadline passes or its client goes away.
import { Piscina } from 'piscina';
import type { MetricScores, MetricsInput } from './metrics.ts';

const WORKER = new URL('./metrics-worker.ts', import.meta.url).href;

export interface MetricsPoolOptions {
  /** Worker threads at most (EXPORT_WORKERS). */
  threads: number;
  /** Tasks that may wait for a thread (EXPORT_QUEUE); one more is refused with MetricsPoolBusyError. */
  queue: number;
  /** Heap of each worker in MB (EXPORT_WORKER_MEMORY_MB): a graph too large for it fails alone, not the server. */
  memoryMb: number;
}

/** Every thread is busy and the queue is full: the caller should come back later. */
export class MetricsPoolBusyError extends Error {
  override name = 'MetricsPoolBusyError';
}

/** The worker ran out of its heap (EXPORT_WORKER_MEMORY_MB). */
export class MetricsOutOfMemoryError extends Error {
  override name = 'MetricsOutOfMemoryError';
}

export class MetricsPool {
  #pool: Piscina<MetricsInput, MetricScores> | null = null;
  #running = 0;
  readonly options: MetricsPoolOptions;

  constructor(options: MetricsPoolOptions) {
    this.options = options;
  }

  /** Tasks started or waiting, for /metrics and for tests that check an abandoned task was stopped. */
  get tasks(): number {
    return this.#running;
  }

  /** Scores computed in a worker; rejects with the signal's reason once it aborts (the worker is terminated). */
  async run(input: MetricsInput, signal: AbortSignal): Promise<MetricScores> {
    // Created on first use: most servers never export with metrics, and idle threads are let go after a while.
    this.#pool ??= new Piscina<MetricsInput, MetricScores>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: this.options.threads,
      maxQueue: this.options.queue,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const pool = this.#pool;
    signal.throwIfAborted();
    this.#running++;
    try {
      // The columns are transferred, not copied: the caller has no further use for them.
      return await pool.run(input, {
        signal,
        transferList: [input.sources.buffer, input.targets.buffer, input.weights.buffer] as ArrayBuffer[],
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if ((error as Error).message === 'Task queue is at limit') throw new MetricsPoolBusyError('every export worker is busy');
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new MetricsOutOfMemoryError(`the export worker ran out of its ${this.options.memoryMb} MB heap`);
      throw error;
    } finally {
      this.#running--;
    }
  }

  /** Live worker threads: none once an abandoned task's worker has been terminated and no other is running. */
  get threads(): number {
    return this.#pool?.threads.length ?? 0;
  }

  async close(): Promise<void> {
    await this.#pool?.destroy();
    this.#pool = null;
  }
}
