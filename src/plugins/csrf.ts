// CSRF prevention as graphql-yoga's plugin does it, with a refusal that names the header to send.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Content types a browser may send cross-site without a preflight. */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A browser cannot send a "simple" cross-site POST that runs an operation: JSON bodies, or one of these headers
 * (which force a preflight), only. The first header is the one the refusal asks for.
 *
 * GET needs neither. A GET runs queries only (yoga refuses mutations over GET), Liner's credentials are bearer
 * tokens a browser never attaches on its own (no cookies), and CORS keeps the answer from a cross-site page: a
 * cross-site GET can learn nothing the attacker could not ask for directly. Plain GETs are what CDNs cache and what
 * graphql-http's audits send, so they work without extra headers.
 */
export function useCsrfPrevention(headers: readonly string[]): Plugin {
  const message =
    `Refused as a possible cross-site request: send a ${headers[0]} header (any value) with form or text bodies, ` +
    'or POST a JSON body (content-type: application/json).';
  return {
    onRequestParse({ request }) {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const type = request.headers.get('content-type')?.toLowerCase();
      if (type && !SIMPLE_TYPES.some((simple) => type.startsWith(simple))) return;
      if (headers.some((name) => request.headers.has(name))) return;
      throw createGraphQLError(message, {
        extensions: { code: 'CSRF_HEADER_REQUIRED', header: headers[0], http: { status: 403 } },
      });
    },
  };
}
