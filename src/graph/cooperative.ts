// Long synchronous work shared fairly with other requests: it yields to the event loop every few milliseconds (so
// /health and other clients are answered while it runs) and stops when it is no longer wanted. The embedded store's
// scans and possibleDuplicates' scoring both slice their loops with it.
import { type Deadline, DeadlineExceededError } from './store.ts';

/** Work done between two yields: short enough that a concurrent `{ __typename }` waits no longer than this. */
const SLICE_MS = 10;
/** due() reads the clock once in this many calls (a power of two), so a hot loop may call it every iteration. */
const CALLS_PER_CLOCK_READ = 64;

/** Sliced computations waiting for their next slice, first come first served. */
const waiting: (() => void)[] = [];
let resuming = false;
/**
 * When the running slice began. One for the process, not one per computation: the slice belongs to the event-loop
 * turn, so fifteen aliases starting in one turn do not each take a slice of their own before their first yield.
 */
let sliceStart = performance.now();

/**
 * Resumes one waiting computation per event-loop turn. Resuming each in its own setImmediate would run them all in
 * one check phase: fifteen aliases slicing at once held the loop 15 × SLICE_MS (about 150 ms) between two polls for
 * I/O. An immediate queued from an immediate runs on the next turn, so the poll for other clients comes in between.
 */
function resumeOne(): void {
  sliceStart = performance.now();
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(resumeOne);
  else resuming = false;
}

/** Resolves on a later event-loop turn, after other clients' I/O, in turn with every other sliced computation. */
function nextSlice(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!resuming) {
      resuming = true;
      setImmediate(resumeOne);
    }
  });
}

/**
 * Call `tick()` in a long loop: every SLICE_MS it yields one event-loop turn, then throws DeadlineExceededError past
 * `deadline.at` when it has one.
 */
export class Slicer {
  private calls = 0;
  /** Calls between clock reads: starts at 1 and doubles up to CALLS_PER_CLOCK_READ while iterations stay cheap. */
  private stride = 1;
  private lastRead = performance.now();
  private readonly deadline: Pick<Deadline, 'at'> | null;
  constructor(deadline: Pick<Deadline, 'at'> | null = null) {
    this.deadline = deadline;
  }

  /**
   * Whether this slice is used up, cheaply enough for every iteration of a hot loop: `if (slicer.due()) await
   * slicer.tick()`. Awaiting tick() itself on every iteration would cost a promise per iteration.
   */
  due(): boolean {
    if (++this.calls < this.stride) return false;
    this.calls = 0;
    const now = performance.now();
    // A fixed stride of 64 let a loop of heavy iterations (64 prolific people's works, one loader batch) run its
    // first 63 without a look at the clock: the stride halves whenever one took over a millisecond.
    if (now - this.lastRead > 1) this.stride = Math.max(1, this.stride >> 1);
    else if (this.stride < CALLS_PER_CLOCK_READ) this.stride <<= 1;
    this.lastRead = now;
    return now - sliceStart >= SLICE_MS;
  }

  async tick(): Promise<void> {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextSlice();
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
