// Start-up failures as one line naming the cause and the fix, instead of a stack a first-day user cannot act on.
import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import { StoreStartError, StoreUnavailableError } from './graph/store.ts';

interface Coded {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  cause?: unknown;
}

const codeOf = (error: unknown): string => String((error as Coded | null)?.code ?? '');

/** The line to print for a failure at start, or null when it is not one we know (then the error is shown as is). */
export function describeStartupError(error: unknown, config: Config | null): string | null {
  // Both already say what went wrong and what to do (a bad variable; a damaged, locked or full DATA_DIR).
  if (error instanceof ConfigError || error instanceof StoreStartError) return error.message;
  const where = config ? `${config.HOST}:${config.PORT}` : 'the configured address';
  const code = codeOf(error);
  if ((error as Coded)?.syscall === 'listen' || code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL') {
    if (code === 'EADDRINUSE')
      return `liner: cannot listen on ${where}: the port is in use (EADDRINUSE); stop the other server or set PORT to a free port.`;
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return `liner: cannot listen on ${where}: HOST is not an address of this machine (${code}); set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`;
    if (code === 'EACCES')
      return `liner: cannot listen on ${where}: permission denied (EACCES); ports below 1024 need privileges, so set PORT to 1024 or above.`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `liner: cannot listen on ${where}: HOST is not a name this machine resolves (${code}); set HOST to 127.0.0.1 or 0.0.0.0.`;
  const neo4j = config?.NEO4J_URI;
  if (neo4j) {
    const causeCode = codeOf((error as Coded)?.cause);
    if (code === 'Neo.ClientError.Security.Unauthorized' || causeCode === 'Neo.ClientError.Security.Unauthorized')
      return `liner: Neo4j at ${neo4j} refused the credentials of user "${config.NEO4J_USER}" (authentication failed); check NEO4J_USER and NEO4J_PASSWORD.`;
    if (code === 'Neo.ClientError.Security.AuthenticationRateLimit')
      return `liner: Neo4j at ${neo4j} is refusing logins after too many failed attempts; check NEO4J_PASSWORD and wait a moment.`;
    if (code === 'Neo.ClientError.Database.DatabaseNotFound' || causeCode === 'Neo.ClientError.Database.DatabaseNotFound')
      return `liner: Neo4j at ${neo4j} has no database "${config.NEO4J_DATABASE}"; create it or set NEO4J_DATABASE.`;
    if (error instanceof StoreUnavailableError)
      return `liner: Neo4j at ${neo4j} did not answer within ${Math.round(config.NEO4J_STARTUP_TIMEOUT_MS / 1000)} s (NEO4J_STARTUP_TIMEOUT_MS); start it (npm run neo4j:start) or correct NEO4J_URI.`;
  }
  return null;
}
