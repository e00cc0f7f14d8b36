// RESPONSE_CACHE: whole answers cached per caller, keyed by the data version so that every write changes every key and
// ETag at once (on either store), and never served to a caller the uncached path would refuse.
import { createHash } from 'node:crypto';
import { hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { BOOKMARK_HEADER } from '../request-bookmarks.ts';
import type { RequestScope } from '../request-scope.ts';
import { createBoundedResponseCache } from './response-cache-store.ts';

/**
 * Who the answer is for: the verified subject, not the raw Authorization header, so an expired or forged token never
 * matches the entry of a valid one; null for everyone unauthenticated, whose answers are all alike.
 */
async function sessionOf(scope: RequestScope, request: Request): Promise<string | null> {
  const { viewer } = await scope.authOf(request);
  return viewer === null ? null : `${viewer.via}:${viewer.subject}`;
}

const tagOf = (session: string | null) =>
  session === null ? 'public' : createHash('sha256').update(session).digest('base64url').slice(0, 16);

export function useCachedResponses(config: Config, scope: RequestScope): Plugin[] {
  if (!config.RESPONSE_CACHE) return [];
  /** Requests that must go the uncached way: refused readers, and ETags not issued for this caller and this data. */
  const bypass = new WeakSet<Request>();
  const guard: Plugin = {
    // Before the cache plugin's own onRequest, which answers 304 to any If-None-Match it holds an entry for.
    onRequest({ request }) {
      const etag = request.headers.get('if-none-match');
      if (etag === null && !config.REQUIRE_AUTH_FOR_READS) return;
      return sessionOf(scope, request).then((session) => {
        if (config.REQUIRE_AUTH_FOR_READS && session === null) bypass.add(request);
        else if (etag !== null && !etag.startsWith(`${scope.dataVersion()}.${tagOf(session)}.`)) bypass.add(request);
      });
    },
  };
  return [
    guard,
    useResponseCache({
      session: (request) => sessionOf(scope, request),
      // A request with X-Liner-Bookmark wants to see a write that may have gone through another replica, which this
      // one's cache knows nothing of (its data version moves with its own writes only): it always goes to the store.
      enabled: (request) => !bypass.has(request) && !request.headers.has(BOOKMARK_HEADER),
      // The key is the ETag: "<data version>.<caller>.<hash of document, variables and caller>".
      // Variables in their order as sent: the same ones in another order only miss the cache.
      buildResponseCacheKey: async ({ documentString, operationName, variableValues, sessionId }) => {
        const hash = await hashSHA256(
          [documentString, operationName ?? '', JSON.stringify(variableValues ?? {}), sessionId ?? ''].join('|'),
        );
        return `${scope.dataVersion()}.${tagOf(sessionId ?? null)}.${hash}`;
      },
      ttl: config.RESPONSE_CACHE_TTL_MS,
      // Bounded in bytes (RESPONSE_CACHE_MAX_BYTES), not only in entries as the plugin's own store is.
      cache: createBoundedResponseCache(config.RESPONSE_CACHE_MAX_BYTES),
    }),
  ];
}
