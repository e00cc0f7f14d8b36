// Reads the configuration, builds the store, listens, and shuts down cleanly on SIGTERM: the only file that listens.
import { pino } from 'pino';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createStore } from './graph/create-store.ts';
import { StoreStartError } from './graph/store.ts';
import { createHttpServer } from './http-server.ts';

/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  const config = loadConfig();
  // Asynchronous writes: a line per request written synchronously cost a system call each (about a quarter of a
  // small query's time under load). Lines written while one write is in flight are coalesced into the next; pino
  // flushes what is left when the process exits.
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination({ dest: 1, sync: false }));
  const { store, notes } = await createStore(config, (message) => logger.warn(message));
  for (const note of notes) logger.info(`liner: ${store.kind} store: ${note}`);
  const app = createApp({ store, config, logger });
  const server = createHttpServer(app, config.MAX_BODY_BYTES);
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    // Printed plainly (not only as JSON) because scripts and tests wait for this line.
    console.info(`liner: serving GraphQL on http://${config.HOST}:${port}/graphql (${store.kind} store)`);
  });
  const shutdown = (signal: string) => {
    logger.info(`liner: ${signal}: no new connections; finishing in-flight requests, then closing the store`);
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Problems the operator can mend are one message saying how; anything else keeps its stack.
  console.error(error instanceof ConfigError || error instanceof StoreStartError ? error.message : error);
  process.exit(1);
});
