// createApp({ store, config }) → the yoga instance: GraphQL, GraphiQL, health, readiness, metrics. It never listens.

import { createYoga } from 'graphql-yoga';
import { type Logger, pino } from 'pino';
import { Registry } from 'prom-client';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { useExplorer } from './explorer/http.ts';
import { useExportRoutes } from './export/http.ts';
import { MetricsPool } from './export/metrics-pool.ts';
import type { GraphStore } from './graph/store.ts';
import { useGraphiQLPage } from './graphiql-page.ts';
import { DatasetPool } from './ingest/dataset-pool.ts';
import { useLandingPage } from './landing-page.ts';
import { useBookmarks } from './plugins/bookmarks.ts';
import { useCacheControl } from './plugins/cache-control.ts';
import { useCanonicalEndpoint } from './plugins/canonical-endpoint.ts';
import { useCompiledExecution } from './plugins/compiled-execution.ts';
import { corsFrom } from './plugins/cors.ts';
import { useCsrfPrevention } from './plugins/csrf.ts';
import { requestDeadline, useDeadlineCleanup } from './plugins/deadline.ts';
import { createErrorMasker } from './plugins/errors.ts';
import { useIncrementalDelivery } from './plugins/incremental-delivery.ts';
import { useSchemaPrivacy } from './plugins/introspection.ts';
import { useMetrics } from './plugins/metrics.ts';
import { createStoreMetrics, registerExportGauges, useRequestLog } from './plugins/observability.ts';
import { createParseCaches } from './plugins/parse-cache.ts';
import { usePersistedQueries } from './plugins/persisted-queries.ts';
import { useQueryLimits } from './plugins/query-limits.ts';
import { useQuerySizeLimit } from './plugins/query-size.ts';
import { useClientLimits } from './plugins/rate-limit.ts';
import { useReadAuthentication } from './plugins/read-auth.ts';
import { useStoreReadiness } from './plugins/readiness.ts';
import { useCachedResponses } from './plugins/response-cache.ts';
import { createRequestScope } from './request-scope.ts';
import { schema } from './schema/index.ts';
import { printSchemaFile } from './schema/print.ts';

export interface AppOptions {
  store: GraphStore;
  config: Config;
  /** Defaults to a pino logger at LOG_LEVEL on stdout. */
  logger?: Logger;
}

export function createApp({ store, config, logger = pino({ level: config.LOG_LEVEL }) }: AppOptions) {
  // One registry per app, so several apps in one process (tests, benchmarks) never clash over metric names.
  const registry = new Registry();
  const scope = createRequestScope(store, config, createStoreMetrics(registry, store.kind));
  const pool = new MetricsPool({
    threads: config.EXPORT_WORKERS,
    queue: config.EXPORT_QUEUE,
    memoryMb: config.EXPORT_WORKER_MEMORY_MB,
  });
  registerExportGauges(registry, pool);
  const imports = new DatasetPool();
  const maskError = createErrorMasker(config.REQUEST_TIMEOUT_MS);
  const endpoint = '/graphql';
  return createYoga({
    schema,
    graphqlEndpoint: endpoint,
    // Bodies are capped by the HTTP server (src/http-server.ts, MAX_BODY_BYTES) before yoga reads them. Yoga's own
    // cap pipes every body through a TransformStream, which cost a third of a small query's time (measured).
    maxRequestBodySize: false,
    /** Liveness: answers 200 while the process serves HTTP, whatever the store's state. */
    healthCheckEndpoint: '/health',
    landingPage: false,
    cors: corsFrom(config),
    // Served by useGraphiQLPage below instead: yoga's rendered the 9 MB page per request, before any rate limit.
    graphiql: false,
    // Bounded in bytes as well as entries (PARSE_CACHE_MAX_BYTES): yoga's default counts entries only.
    parserAndValidationCache: { ...createParseCaches(config), validationCache: true },
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    context: async ({ request }) => {
      const deadline = requestDeadline(request, config.REQUEST_TIMEOUT_MS);
      return createContext(scope.storeFor(request, deadline), config, await scope.authOf(request), {
        deadline,
        duplicates: scope.duplicates,
        imports,
      });
    },
    plugins: [
      // Before the limits and the auth check, which tell routes apart by their path.
      useCanonicalEndpoint(endpoint),
      // First after it, so that nothing else (exports included) runs for a request over its client's limits.
      useClientLimits(config, scope),
      /** GraphiQL at GET /graphql for browsers: built once, compressed, cached, never framed. */
      useGraphiQLPage(config, endpoint),
      /** REQUIRE_AUTH_FOR_READS: 401 before anything else looks at an anonymous request. */
      useReadAuthentication(config, scope, endpoint),
      /** MAX_QUERY_BYTES: before APQ and the parser, so no oversized text is looked up, parsed or cached. */
      useQuerySizeLimit(config),
      /** X-Liner-Bookmark: writes answer one; a request sending it back reads that write on any replica. */
      useBookmarks(),
      ...useCompiledExecution(),
      /** @defer and @stream, answered as multipart/mixed or server-sent events; run by the default executor. */
      ...useIncrementalDelivery(maskError),
      useDeadlineCleanup(),
      useQueryLimits(config),
      ...useSchemaPrivacy(config, scope),
      // A browser cannot send a "simple" cross-site request that runs an operation: JSON bodies or this header only.
      useCsrfPrevention(['x-liner-csrf', 'apollo-require-preflight', 'x-graphql-yoga-csrf']),
      // No useExecutionCancellation: it hands every execution the request's abort signal, and reading that signal
      // costs a listener per request (20 % of a small query's time, measured). A client that hangs up still stops the
      // store's work, the only long part: the deadline's signal (plugins/deadline.ts) follows the request's.
      /** APQ (on by default, bounded): hash-only GETs; before the response cache, which keys on the query text. */
      ...usePersistedQueries(config),
      /** Cache-Control: public for a few seconds on anonymous GET reads, no-store or private otherwise. */
      useCacheControl(config),
      /** Opt-in (RESPONSE_CACHE): answers cached per caller and data version. */
      ...useCachedResponses(config, scope),
      /** Readiness: 200 only while the store answers a query. */
      useStoreReadiness(store),
      ...useMetrics(registry, config),
      useRequestLog(logger, registry),
      /** The explorer page at /explore, built into explorer/dist. */
      useExplorer(),
      /** What Liner is and where to go, at /; the schema at /schema.graphql where introspection is public. */
      useLandingPage(config, printSchemaFile),
      /** Graph downloads: GET /export/{projection}.{format} (docs/exports.md). */
      useExportRoutes({ scope, config, pool }),
      { onDispose: () => Promise.all([pool.close(), imports.close()]) },
    ],
  });
}

export type App = ReturnType<typeof createApp>;
