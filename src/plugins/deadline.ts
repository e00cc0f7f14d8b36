// Per-request deadlines: `at` for in-process loops, and an abort signal made only when a store asks for one.
import type { Plugin } from 'graphql-yoga';
import type { Deadline } from '../graph/store.ts';

const timers = new WeakMap<Request, ReturnType<typeof setTimeout>>();

/**
 * The deadline of one request. Its signal aborts when the deadline passes or the client hangs up. It is built on
 * first use, because a timer per request costs (the embedded store never asks for it, only for `at`), and its timer
 * is cleared when the response is ready, so finished requests leave no timers behind for the rest of the timeout.
 */
export function requestDeadline(request: Request, timeoutMs: number): Deadline {
  const at = Date.now() + timeoutMs;
  let signal: AbortSignal | undefined;
  return {
    at,
    get signal() {
      if (signal === undefined) {
        const controller = new AbortController();
        const timer = setTimeout(
          () => controller.abort(new DOMException('The request deadline passed', 'TimeoutError')),
          Math.max(0, at - Date.now()),
        );
        timers.set(request, timer);
        const hangUp = () => controller.abort(request.signal.reason);
        if (request.signal.aborted) hangUp();
        else request.signal.addEventListener('abort', hangUp, { once: true });
        signal = controller.signal;
      }
      return signal;
    },
  };
}

function clearDeadline(request: Request): void {
  const timer = timers.get(request);
  if (timer !== undefined) {
    clearTimeout(timer);
    timers.delete(request);
  }
}

/**
 * Clears the deadline timer of a request whose response is ready, or, for an incremental answer (`@defer`, `@stream`),
 * once its last payload is out: such a response is made as soon as the initial payload is ready, while the deferred
 * fields still run against the store, and they must still stop at the deadline.
 */
export function useDeadlineCleanup(): Plugin {
  const streaming = new WeakSet<Request>();
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          const request = (args.contextValue as { request?: Request }).request;
          if (request === undefined || !(Symbol.asyncIterator in result)) return;
          streaming.add(request);
          return { onEnd: () => clearDeadline(request) };
        },
      };
    },
    onResponse({ request }) {
      if (!streaming.has(request)) clearDeadline(request);
    },
  };
}

export interface OwnedDeadline extends Deadline {
  /** Clears the timer and stops following the given signals: call it once the work is over, however it ended. */
  dispose(): void;
}

/**
 * A deadline for work that outlives the response object (a streamed export, whose body is written after the response
 * hooks ran): it owns its timer, aborts when any of `follow` aborts (the client hanging up), and is disposed by the
 * work itself rather than by useDeadlineCleanup.
 */
export function ownedDeadline(timeoutMs: number, ...follow: AbortSignal[]): OwnedDeadline {
  const controller = new AbortController();
  const at = Date.now() + timeoutMs;
  const timer = setTimeout(() => controller.abort(new DOMException('The export deadline passed', 'TimeoutError')), timeoutMs);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of follow) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    at,
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      for (const signal of follow) signal.removeEventListener('abort', onAbort);
    },
  };
}
