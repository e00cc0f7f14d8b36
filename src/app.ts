// createApp({ store, config }) → the yoga instance: GraphQL, GraphiQL, health and readiness. It never listens.
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { createAuthenticator } from './auth.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import type { GraphStore } from './graph/store.ts';
import { EXAMPLE_OPERATIONS } from './graphiql-examples.ts';
import { schema } from './schema/index.ts';

/** yoga logs at four levels; the rest of ours map to the nearest. */
function yogaLogLevel(level: Config['LOG_LEVEL']) {
  if (level === 'silent') return false;
  if (level === 'trace') return 'debug';
  if (level === 'fatal') return 'error';
  return level;
}

export interface AppOptions {
  store: GraphStore;
  config: Config;
}

export function createApp({ store, config }: AppOptions) {
  const authenticate = createAuthenticator(config);
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    /** Liveness: answers 200 while the process serves HTTP, whatever the store's state. */
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.GRAPHIQL ? { title: 'Liner', defaultQuery: EXAMPLE_OPERATIONS } : false,
    context: async ({ request }) => createContext(store, config, await authenticate(request)),
    logging: yogaLogLevel(config.LOG_LEVEL),
    plugins: [
      /** Readiness: 200 only while the store answers a query. */
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await store.ping();
        },
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
