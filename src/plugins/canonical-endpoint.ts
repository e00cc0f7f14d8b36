// GraphQL is answered at exactly `/graphql`: yoga also runs any request whose whole URL merely ends with it
// (`/x/graphql`, `//graphql`, `/health?/graphql`), and the plugins that key on the path saw another route there —
// `/health?/graphql` passed the rate limit as a health check, and `/x/graphql` skipped REQUIRE_AUTH_FOR_READS'
// 401, so field names and persisted-query hashes could be probed again (issue 24, review of findings 5 and 11).
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from './error-response.ts';

/** Answers 404 to a request yoga would run as GraphQL at any path other than the endpoint itself. */
export function useCanonicalEndpoint(endpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === endpoint || url.pathname === `${endpoint}/`) return;
      if (!request.url.endsWith(endpoint) && !request.url.endsWith(`${endpoint}/`)) return;
      endResponse(errorResponse(fetchAPI, 404, `Not found: GraphQL is served at ${endpoint}.`, { code: 'NOT_FOUND' }));
    },
  };
}
