// A fetch for Liner clients behind several replicas: it keeps the last X-Liner-Bookmark a write answered and sends it
// with every later request, so the client reads its own writes whichever replica serves it. No dependency beyond fetch.

/** The header Liner answers on writes and reads on every request. */
export const BOOKMARK_HEADER = 'x-liner-bookmark';

export interface BookmarkedFetch {
  /** fetch, with X-Liner-Bookmark added (unless the caller set one) and the answered one kept. */
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The bookmark sent with the next request; null before the first write. */
  readonly bookmark: string | null;
  /** Forget it: later requests no longer wait for this client's writes (a new user session, say). */
  reset(): void;
}

/**
 * Wraps `fetch` (the global one by default). Bookmarks only move forward here: Liner answers one on writes only, and
 * each answers a bookmark at least as new as the one it was sent, so keeping the last one seen is enough. Requests that
 * run at once may finish in any order; the bookmark kept is then the last *answered*, which still covers every write
 * that had finished before it.
 */
export function bookmarkedFetch(base: typeof fetch = fetch, initial: string | null = null): BookmarkedFetch {
  let bookmark = initial;
  const call = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (bookmark !== null && !headers.has(BOOKMARK_HEADER)) headers.set(BOOKMARK_HEADER, bookmark);
    const response = await base(input, { ...init, headers });
    const answered = response.headers.get(BOOKMARK_HEADER);
    if (answered !== null && answered !== '') bookmark = answered;
    return response;
  };
  // defineProperties, not Object.assign: assign would copy the getter's value once instead of the getter.
  return Object.defineProperties(call, {
    bookmark: { get: () => bookmark, enumerable: true },
    reset: {
      value: () => {
        bookmark = null;
      },
    },
  }) as BookmarkedFetch;
}
