// Reads the configuration, builds the store, listens, and shuts down cleanly on SIGTERM: the only file that listens.
import { pino } from 'pino';
import { createApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createStore } from './graph/create-store.ts';
import { createHttpServer } from './http-server.ts';
import { describeStartupError } from './startup-errors.ts';

/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Known once read: the start-up error line names the address and the Neo4j URI from it. */
let config: Config | null = null;

async function main() {
  config = loadConfig();
  const { HOST, PORT } = config;
  // Asynchronous writes: a line per request written synchronously cost a system call each (about a quarter of a
  // small query's time under load). Lines written while one write is in flight are coalesced into the next; pino
  // flushes what is left when the process exits.
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination({ dest: 1, sync: false }));
  const { store, notes } = await createStore(config, (message) => logger.warn(message));
  for (const note of notes) logger.info(`liner: ${store.kind} store: ${note}`);
  const app = createApp({ store, config, logger });
  const server = createHttpServer(app, config);
  // A port in use or a bad HOST arrives as an 'error' event, which would otherwise crash with a stack.
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(PORT, HOST, () => {
      server.off('error', failed);
      listening();
    });
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : PORT;
  // Printed plainly (not only as JSON) because scripts and tests wait for this line.
  console.info(`liner: serving GraphQL on http://${HOST}:${port}/graphql (${store.kind} store)`);
  console.info(`liner: the explorer on http://${HOST}:${port}/explore, what is where on http://${HOST}:${port}/`);
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
  const line = describeStartupError(error, config);
  // One line a user can act on; the stack only when asked for (LOG_LEVEL=debug or trace), or when the cause is unknown.
  const verbose = config?.LOG_LEVEL === 'debug' || config?.LOG_LEVEL === 'trace' || process.env.LOG_LEVEL === 'debug';
  if (line === null)
    console.error(
      verbose ? error : `liner: start-up failed: ${(error as Error)?.message ?? String(error)} (LOG_LEVEL=debug shows the stack)`,
    );
  else {
    console.error(line);
    if (verbose) console.error(error);
  }
  process.exit(1);
});
