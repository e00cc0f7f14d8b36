// Long synchronous work shared fairly with other requests: it yields to the event loop every few milliseconds (so
// /health and other clients are answered while it runs) and stops when it is no longer wanted.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Deadline, DeadlineExceededError } from '../graph/store.ts';

/** Work done between two yields: short enough that a concurrent `{ __typename }` waits no longer than this. */
const SLICE_MS = 10;

/**
 * Call `tick()` in a long loop: every SLICE_MS it yields one event-loop turn, then throws DeadlineExceededError past
 * `deadline.at` when it has one.
 */
export class Slicer {
  private sliceStart = performance.now();
  private readonly deadline: Pick<Deadline, 'at'> | null;
  constructor(deadline: Pick<Deadline, 'at'> | null = null) {
    this.deadline = deadline;
  }

  async tick(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = performance.now();
    if (this.deadline !== null && Date.now() > this.deadline.at) throw new DeadlineExceededError('deadline passed');
  }
}

/**
 * `work`, or DeadlineExceededError once the request's deadline passes (or its client hangs up) first. The work itself
 * goes on: it is shared with other requests, which may still want it.
 */
export function untilDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  if (Date.now() > deadline.at) return Promise.reject(new DeadlineExceededError('deadline passed'));
  const signal = deadline.signal;
  if (signal.aborted) return Promise.reject(new DeadlineExceededError('deadline passed', { cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineExceededError('deadline passed', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
