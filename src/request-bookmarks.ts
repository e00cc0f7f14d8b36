// Read-your-writes across replicas: the bookmarks one request must see (its X-Liner-Bookmark header) and the ones its
// writes leave, held per request in an AsyncLocalStorage so that the store adapter finds them without any global state.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The request header a client sends back, and the response header a write answers. */
export const BOOKMARK_HEADER = 'x-liner-bookmark';
/** At most this many bookmarks in one header: a client keeps one per database it wrote to, Liner uses one database. */
export const MAX_BOOKMARKS = 16;
/** Longest bookmark accepted. Neo4j 5's are ~30 characters ("FB:kcwQ…"); its format is opaque, so some room is left. */
export const MAX_BOOKMARK_LENGTH = 512;
/** What a Neo4j bookmark is made of: base64 (standard or URL-safe) and the ":" of its prefix. */
const BOOKMARK = /^[A-Za-z0-9+/=_:-]+$/;

/** The bookmark state of one request. */
export interface BookmarkScope {
  /** What the request sent: its store sessions start after these. */
  readonly after: readonly string[];
  /** The newest bookmarks the request's transactions left (after its own writes), or the ones it was sent. */
  latest: readonly string[];
  /** Whether the request opened a write transaction: only then does the response answer `latest`. */
  wrote: boolean;
}

/** A malformed X-Liner-Bookmark header: answered 400, before anything runs. */
export class BadBookmarkError extends Error {}

/** A bookmark well formed but refused by the store (not one it issued): answered as a client error too. */
export class BookmarkRejectedError extends Error {}

/**
 * The bookmarks of an X-Liner-Bookmark header: one or several, separated by commas (as HTTP joins repeated headers).
 * Empty, too many, too long or with characters no bookmark has: a BadBookmarkError saying which and where.
 */
export function parseBookmarkHeader(value: string): string[] {
  const bookmarks = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const fail = (why: string) => new BadBookmarkError(`The X-Liner-Bookmark header ${why}.`);
  if (bookmarks.length === 0) throw fail('is empty: send the bookmark a write answered, or leave the header out');
  if (bookmarks.length > MAX_BOOKMARKS) throw fail(`holds ${bookmarks.length} bookmarks; at most ${MAX_BOOKMARKS} are accepted`);
  bookmarks.forEach((bookmark, i) => {
    if (bookmark.length > MAX_BOOKMARK_LENGTH)
      throw fail(`bookmark ${i + 1} is ${bookmark.length} characters long; at most ${MAX_BOOKMARK_LENGTH} are accepted`);
    if (!BOOKMARK.test(bookmark))
      throw fail(
        `bookmark ${i + 1} ("${bookmark.slice(0, 40)}") is not a bookmark: send back the value a write answered, unchanged`,
      );
  });
  return [...new Set(bookmarks)];
}

const storage = new AsyncLocalStorage<BookmarkScope>();

/** Runs `work` (one request's handling) with its bookmark scope: everything it awaits sees the same scope. */
export function runWithBookmarks<T>(after: readonly string[], work: () => T): T {
  return storage.run({ after, latest: after, wrote: false }, work);
}

/** The bookmark scope of the request being served, if it runs in one. */
export function currentBookmarks(): BookmarkScope | undefined {
  return storage.getStore();
}
