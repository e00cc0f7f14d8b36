// X-Liner-Bookmark: a write answers the bookmark of its transaction (header and `extensions.bookmark`); a request that
// sends it back is served only once the store has applied that write, on whichever replica it lands (README, "Several
// Liner servers on one Neo4j"). On the embedded store the header is checked and has nothing to wait for.
import type { Plugin } from 'graphql-yoga';
import {
  BadBookmarkError,
  BOOKMARK_HEADER,
  currentBookmarks,
  parseBookmarkHeader,
  runWithBookmarks,
} from '../request-bookmarks.ts';
import { errorResponse } from './error-response.ts';

/** The value a client sends back: the bookmarks joined with commas, as the header carries several. */
const headerValue = (bookmarks: readonly string[]) => bookmarks.join(',');

export function useBookmarks(): Plugin {
  const malformed = new WeakMap<Request, BadBookmarkError>();
  return {
    instrumentation: {
      // Around the whole request, so that everything it runs (resolvers, loaders, exports) finds its bookmarks.
      request({ request }, wrapped) {
        const sent = request.headers.get(BOOKMARK_HEADER);
        let after: string[] = [];
        if (sent !== null) {
          try {
            after = parseBookmarkHeader(sent);
          } catch (error) {
            if (!(error instanceof BadBookmarkError)) throw error;
            malformed.set(request, error);
          }
        }
        return runWithBookmarks(after, wrapped);
      },
    },
    onRequest({ request, endResponse, fetchAPI }) {
      const error = malformed.get(request);
      if (error === undefined) return;
      endResponse(errorResponse(fetchAPI, 400, error.message, { code: 'BAD_BOOKMARK' }));
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          const scope = currentBookmarks();
          if (scope === undefined || !scope.wrote || scope.latest.length === 0 || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, bookmark: headerValue(scope.latest) } });
        },
      };
    },
    onResponse({ response }) {
      const scope = currentBookmarks();
      if (scope !== undefined && scope.wrote && scope.latest.length > 0)
        response.headers.set(BOOKMARK_HEADER, headerValue(scope.latest));
    },
  };
}
