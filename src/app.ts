// createApp({ store, config }) → the yoga instance: GraphQL, GraphiQL, health, readiness, metrics. It never listens.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useExecutionCancellation, useReadinessCheck } from 'graphql-yoga';
import { type Logger, pino } from 'pino';
import { Registry } from 'prom-client';
import { createAuthenticator } from './auth.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { useExplorer } from './explorer/http.ts';
import { useExportRoutes } from './export/http.ts';
import type { GraphStore } from './graph/store.ts';
import { EXAMPLE_OPERATIONS } from './graphiql-examples.ts';
import { requestDeadline, useDeadlineCleanup } from './plugins/deadline.ts';
import { createErrorMasker } from './plugins/errors.ts';
import { createStoreMetrics, instrumentStore, useRequestLog } from './plugins/observability.ts';
import { useQueryLimits } from './plugins/query-limits.ts';
import { schema } from './schema/index.ts';

export interface AppOptions {
  store: GraphStore;
  config: Config;
  /** Defaults to a pino logger at LOG_LEVEL on stdout. */
  logger?: Logger;
}

export function createApp({ store, config, logger = pino({ level: config.LOG_LEVEL }) }: AppOptions) {
  const authenticate = createAuthenticator(config);
  // One registry per app, so several apps in one process (tests, benchmarks) never clash over metric names.
  const registry = new Registry();
  const storeMetrics = createStoreMetrics(registry, store.kind);
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    /** Liveness: answers 200 while the process serves HTTP, whatever the store's state. */
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.GRAPHIQL ? { title: 'Liner', defaultQuery: EXAMPLE_OPERATIONS } : false,
    // GraphiQL's code bundled from npm and served by us: the default page would fetch it from a CDN at run time.
    renderGraphiQL,
    maskedErrors: { maskError: createErrorMasker(config.REQUEST_TIMEOUT_MS) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    context: async ({ request }) => {
      const deadline = requestDeadline(request, config.REQUEST_TIMEOUT_MS);
      return createContext(instrumentStore(store.withDeadline(deadline), storeMetrics), config, await authenticate(request));
    },
    plugins: [
      useDeadlineCleanup(),
      useQueryLimits(config),
      ...(config.INTROSPECTION ? [] : [useDisableIntrospection()]),
      // A browser cannot send a "simple" cross-site request that runs an operation: JSON bodies or this header only.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-liner-csrf'] }),
      // A client that hangs up stops its operation's work.
      useExecutionCancellation(),
      /** Opt-in (RESPONSE_CACHE): answers cached per Authorization header, evicted by mutations touching them. */
      ...(config.RESPONSE_CACHE
        ? [useResponseCache({ session: (request) => request.headers.get('authorization'), ttl: config.RESPONSE_CACHE_TTL_MS })]
        : []),
      /** Readiness: 200 only while the store answers a query. */
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await store.ping();
        },
      }),
      usePrometheus({
        endpoint: '/metrics',
        registry,
        // Only these: the plugin turns every other metric on by default, and some cost on every request (the
        // deprecated-field count walks each document; the time summary keeps a t-digest).
        metrics: {
          graphql_yoga_http_duration: true,
          graphql_envelop_request_duration: true,
          graphql_envelop_error_result: true,
          graphql_envelop_phase_validate: true,
          graphql_envelop_phase_execute: true,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_request: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_schema_change: false,
        },
      }),
      useRequestLog(logger),
      /** The explorer page at /explore, built into explorer/dist. */
      useExplorer(),
      /** Graph downloads: GET /export/{projection}.{format} (docs/exports.md). */
      useExportRoutes({ store, config }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
