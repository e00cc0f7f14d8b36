// Cross-origin access: none unless CORS_ORIGINS lists origins, and never with credentials unless CORS_CREDENTIALS says so.
import type { YogaServerOptions } from 'graphql-yoga';
import type { Config } from '../config.ts';

type CorsOption = YogaServerOptions<object, object>['cors'];

/**
 * Yoga's default echoes any Origin with `access-control-allow-credentials: true`, letting every site read answers
 * with the visitor's cookies. Liner authenticates with bearer tokens, which a browser never attaches by itself, so
 * credentials are off; the explorer and GraphiQL are same-origin and need no CORS at all.
 */
export function corsFrom(config: Config): CorsOption {
  const origins = config.CORS_ORIGINS;
  if (origins.length === 0) return false;
  const any = origins.includes('*');
  const options = {
    credentials: config.CORS_CREDENTIALS,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-liner-csrf',
      'apollo-require-preflight',
      'x-request-id',
      'x-liner-bookmark',
    ],
    exposedHeaders: ['x-request-id', 'etag', 'retry-after', 'x-liner-bookmark'],
    maxAge: 600,
  };
  // Only a listed origin gets CORS headers; an unlisted one gets none, so its browser refuses to hand over the answer.
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || (!any && !origins.includes(origin))) return false;
    return { ...options, origin: any ? '*' : origin };
  };
}
