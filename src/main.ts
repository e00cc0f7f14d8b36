// Reads the configuration, builds the store, loads the seed, listens, and shuts down cleanly on SIGTERM.
import { createServer } from 'node:http';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createStore } from './graph/create-store.ts';

async function main() {
  const config = loadConfig();
  const { store, notes } = await createStore(config);
  for (const note of notes) console.info(`liner: ${store.kind} store: ${note}`);
  const app = createApp({ store, config });
  const server = createServer(app);
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.info(`liner: serving GraphQL on http://${config.HOST}:${port}/graphql (${store.kind} store)`);
  });
  const shutdown = (signal: string) => {
    console.info(`liner: ${signal}: finishing in-flight requests, then closing the store`);
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
