// Cache-Control on GraphQL answers: public reads may be kept by browsers, CDNs and proxies for a few seconds; nothing
// else may be kept by a shared cache.
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

/**
 * - `public, max-age=CACHE_MAX_AGE_S`: a GET that succeeded without errors, sent without an Authorization header,
 *   while reads need no token (REQUIRE_AUTH_FOR_READS=false); 304s to such GETs too. The age is short because the
 *   data changes with every write and a shared cache cannot be told to forget; within it, a client may see an answer
 *   that much older than the last mutation. `Vary: Authorization` keeps such an answer from callers with a token.
 * - `private, no-cache`: a GET that succeeded for a caller with a token (or while reads need one): the browser may
 *   keep it but must revalidate it (with the ETag, when RESPONSE_CACHE=true) before reusing it.
 * - `no-store`: everything else: POSTs (mutations included), and any answer with errors or a status other than 200.
 * CACHE_MAX_AGE_S=0 sends `no-store` for the public reads too. Incremental answers (`@defer`, `@stream`) are no-store.
 */
export function useCacheControl(config: Config, endpoint = '/graphql'): Plugin {
  /** GraphQL requests whose result was processed, and whether it was clean (no errors). */
  const clean = new WeakMap<Request, boolean>();
  return {
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      // An incremental answer (@defer, @stream) is sent while its later payloads still run: whether they will carry
      // errors is unknown when the headers go out, so it is never stored (no-store).
      clean.set(
        request,
        results.every(
          (r) =>
            r !== null &&
            typeof r === 'object' &&
            !(Symbol.asyncIterator in r) &&
            !('errors' in r && r.errors && r.errors.length > 0),
        ),
      );
    },
    onResponse({ request, response }) {
      if (new URL(request.url).pathname !== endpoint) return;
      const processed = clean.get(request);
      // Not a GraphQL answer (GraphiQL's page), unless a 304 the response cache gave for one.
      if (processed === undefined && response.status !== 304) return;
      const ok = request.method === 'GET' && (response.status === 304 || (response.status === 200 && processed === true));
      const anonymous = !config.REQUIRE_AUTH_FOR_READS && !request.headers.has('authorization');
      let value = 'no-store';
      if (ok && anonymous && config.CACHE_MAX_AGE_S > 0) value = `public, max-age=${config.CACHE_MAX_AGE_S}`;
      else if (ok && !anonymous) value = 'private, no-cache';
      response.headers.set('cache-control', value);
      // X-Liner-Bookmark too: a browser must not answer a GET that asks to see a write with one it kept from before.
      if (request.method === 'GET') response.headers.append('vary', 'Authorization, X-Liner-Bookmark');
    },
  };
}
