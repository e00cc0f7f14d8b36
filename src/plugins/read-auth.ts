// REQUIRE_AUTH_FOR_READS: an unauthenticated GraphQL request is answered 401 at once, before anything looks at it.
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { RequestScope } from '../request-scope.ts';
import { errorResponse } from './error-response.ts';

/**
 * Checked in onRequest, before APQ, the parser and validation: answered later (by the resolvers' auth scopes), an
 * anonymous caller learned which persisted-query hashes were registered (401 for those, 404 for the others) and which
 * field names exist (a validation error for a wrong one, 401 for a right one) (issue 24, finding 11). Every
 * anonymous request now gets the same answer whatever it asks. Preflights (OPTIONS) and the GraphiQL page, which
 * holds nothing of the schema, still answer: the page sends the token the user types in its headers pane.
 */
export function useReadAuthentication(
  config: Pick<Config, 'REQUIRE_AUTH_FOR_READS'>,
  scope: RequestScope,
  endpoint: string,
): Plugin {
  if (!config.REQUIRE_AUTH_FOR_READS) return {};
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return;
      if (request.method === 'OPTIONS') return;
      return scope.authOf(request).then(({ viewer, refused }) => {
        if (viewer !== null) return;
        const why = refused ?? 'this needs an Authorization: Bearer <token> header';
        endResponse(
          errorResponse(
            fetchAPI,
            401,
            `Not authenticated: ${why} (REQUIRE_AUTH_FOR_READS).`,
            { code: 'UNAUTHENTICATED' },
            { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' },
          ),
        );
      });
    },
  };
}
