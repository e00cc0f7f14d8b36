// Environment → typed configuration, validated once at start with one clear message per bad variable.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEFAULT_DATASET = fileURLToPath(new URL('../data/thom-russo.json', import.meta.url));

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  /** Interface to listen on. Default 0.0.0.0. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Port to listen on. Default 4000. */
  PORT: integer(0, 65535).default(4000),
  /** Bolt URI of Neo4j; unset runs the embedded in-process store. */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a neo4j:// or bolt:// URI, e.g. bolt://127.0.0.1:7687')
    .optional(),
  /** Neo4j user. Default neo4j. */
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Neo4j password. Required with NEO4J_URI. */
  NEO4J_PASSWORD: z.string().optional(),
  /** Neo4j database name. Default neo4j. */
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  /** Dataset loaded at start when the store is empty. Default data/thom-russo.json. */
  SEED_DATASET: z.string().min(1).default(DEFAULT_DATASET),
  /** Load SEED_DATASET at start when the store is empty. Default true. */
  LOAD_SEED: flag.default(true),
  /** Page size when a connection is asked for without `first`. Default 20. */
  DEFAULT_PAGE_SIZE: integer(1, 10_000).default(20),
  /** Largest `first` a connection accepts. Default 100. */
  MAX_PAGE_SIZE: integer(1, 10_000).default(100),
  /** Largest `maxHops` shortestPath accepts. Default 6. */
  MAX_HOPS: integer(1, 20).default(6),
  /** Deepest selection a query may nest. Default 15: people → credits → work → credits → person → awards is 12. */
  MAX_DEPTH: integer(1, 1000).default(15),
  /** Aliases per operation. Default 15. */
  MAX_ALIASES: integer(0, 10_000).default(15),
  /** Tokens per document. Default 3000: the explorer's largest query has 143. */
  MAX_TOKENS: integer(10, 1_000_000).default(3000),
  /** Directives per operation. Default 10. */
  MAX_DIRECTIVES: integer(0, 10_000).default(10),
  /** Query cost, each list's selection multiplied by its page size (`first`). Default 25000: the explorer's costliest query is 5538. */
  MAX_COST: integer(1, 100_000_000).default(25_000),
  /**
   * Longest query document in bytes (UTF-8), comments and whitespace included; longer ones are refused with 413
   * (QUERY_TOO_LARGE) before they are parsed or cached. Default 102400 (100 KiB): the explorer's longest query is
   * under 2 KiB, and MAX_TOKENS bounds what a document may say; this bounds what it may carry besides.
   */
  MAX_QUERY_BYTES: integer(64, 1024 ** 3).default(100 * 1024),
  /**
   * Heap the parsed-document cache and the parse-error cache may hold together, in bytes (estimated: the text at two
   * bytes a character, and 512 bytes per token). Default 33554432 (32 MiB), half each; at most 1024 entries each.
   */
  PARSE_CACHE_MAX_BYTES: integer(0, 1024 ** 4).default(32 * 1024 * 1024),
  /** Largest request body in bytes. Default 4 MiB: a 1 MB value in any script, or a dataset of ~10k facts. */
  MAX_BODY_BYTES: integer(1024, 1024 ** 3).default(4 * 1024 * 1024),
  /**
   * Bytes all request bodies over 64 KiB may hold at once, whoever sends them; a large body that does not fit now is
   * answered 503 BUSY with Retry-After before it is read. Default 67108864 (64 MiB: sixteen bodies at MAX_BODY_BYTES).
   */
  MAX_BODY_BYTES_IN_FLIGHT: integer(1024, 1024 ** 4).default(64 * 1024 * 1024),
  /** Deadline per request in ms; the Neo4j transaction and the embedded computation stop at it. Default 10000. */
  REQUEST_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  /**
   * On Neo4j, how long possibleDuplicates trusts its name index and answer in ms when no write passed through this
   * server: other servers and the import CLI write to the same database unseen. 0: read again on every call. Default
   * 60000. The embedded store's data is this process's alone, so there they stay until a write.
   */
  DUPLICATES_MAX_AGE_MS: integer(0, 86_400_000).default(60_000),
  /** How long start-up waits for Neo4j to answer before giving up, in ms. Default 120000. */
  NEO4J_STARTUP_TIMEOUT_MS: integer(0, 3_600_000).default(120_000),
  /** Schema introspection (and field suggestions in errors). Default true. */
  INTROSPECTION: flag.default(true),
  /** Serve GraphiQL at GET /graphql. Default true. */
  GRAPHIQL: flag.default(true),
  /** Bearer tokens that may write, comma-separated; each at least 16 characters. Default none. */
  API_TOKENS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    )
    .refine((tokens) => tokens.every((t) => t.length >= 16), 'every token must be at least 16 characters')
    .default([]),
  /** HS256 secret for JWT bearer tokens, at least 32 characters. Default none. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** URL of a JWKS for RS256/ES256 JWT bearer tokens. Default none. */
  JWKS_URL: z.url({ message: 'must be an http(s) URL' }).optional(),
  /** Required `iss` of JWTs, when set. */
  JWT_ISSUER: z.string().min(1).optional(),
  /** Required `aud` of JWTs, when set. */
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** Longest a JWT is accepted after its `iat`, in seconds; when set, JWTs without `exp` are accepted within it. Default unset: JWTs must carry `exp`. */
  JWT_MAX_AGE: integer(1, 31_536_000).optional(),
  /** Require a valid bearer token for reads too. Default false. */
  REQUIRE_AUTH_FOR_READS: flag.default(false),
  /** Folder of the embedded store's SQLite database (liner.db); "off" keeps everything in memory. Default ./.liner-data. */
  DATA_DIR: z.string().min(1).default('.liner-data'),
  /**
   * Cache whole query answers in memory (graphql-yoga's response cache). Default false. A mutation evicts cached
   * answers holding what it returned; other changes (importDataset, another process writing to Neo4j) show once an
   * entry's RESPONSE_CACHE_TTL_MS has passed.
   */
  RESPONSE_CACHE: flag.default(false),
  /**
   * On Neo4j, answer the root fields read plans cover with one statement each (docs/architecture.md). Default true;
   * false answers every field through the loaders, as before plans (the bench compares the two).
   */
  READ_PLANS: flag.default(true),
  /** Heap cached answers may hold together, in bytes (each counted as its JSON at 2 bytes a character; at most 1000 answers). Default 67108864 (64 MiB). */
  RESPONSE_CACHE_MAX_BYTES: integer(0, 1024 ** 4).default(64 * 1024 * 1024),
  /** How long a cached answer is served, in ms. Default 10000. */
  RESPONSE_CACHE_TTL_MS: integer(1, 86_400_000).default(10_000),
  /** Automatic Persisted Queries: a query registered once with its SHA-256 may then be sent as the hash alone (e.g. in a GET). Default true. */
  APQ: flag.default(true),
  /** Persisted queries kept at most; past it the least recently used go. Default 1000. */
  APQ_MAX_ENTRIES: integer(0, 1_000_000).default(1000),
  /** Characters all persisted queries may hold together; past it the least recently used go. Default 4194304 (4 MiB, ~16 MB of memory at worst). */
  APQ_MAX_BYTES: integer(1024, 1024 ** 3).default(4 * 1024 * 1024),
  /** `max-age` of `Cache-Control: public` on GET reads without a token (while REQUIRE_AUTH_FOR_READS=false), in s; short because every write changes the data. 0 sends no-store. Default 10. */
  CACHE_MAX_AGE_S: integer(0, 31_536_000).default(10),
  /** Longest an export may stream, in ms; past it the download is cut. Default 300000 (the 1M full GraphML takes ~10 s). */
  EXPORT_TIMEOUT_MS: integer(1000, 86_400_000).default(300_000),
  /** Largest export in bytes; past it the download is cut. Default 2 GiB (the 1M full GraphML is 318 MB). */
  EXPORT_MAX_BYTES: integer(1024, 1024 ** 4).default(2 * 1024 ** 3),
  /** Worker threads computing export metrics at once. Default half the CPU cores, at least 1. */
  EXPORT_WORKERS: integer(1, 256).default(Math.max(1, Math.floor(availableParallelism() / 2))),
  /** Metric exports that may wait for a worker; more are answered 503. Default 4. */
  EXPORT_QUEUE: integer(0, 10_000).default(4),
  /** Speed the metrics cost estimate assumes, in edge visits per ms (src/export/metrics-cost.ts). Default 6000; raise it on a faster machine. */
  EXPORT_EDGE_VISITS_PER_MS: integer(1, 1_000_000_000_000).default(6000),
  /** Heap of each metrics worker in MB. Default 1024. */
  EXPORT_WORKER_MEMORY_MB: integer(64, 65_536).default(1024),
  /** Bearer token /metrics requires, when set (16+ characters). Default none: /metrics is open. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Operation names /metrics reports as themselves besides the explorer's and GraphiQL's, comma-separated; others are "other". */
  METRICS_OPERATIONS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    )
    .refine((names) => names.every((n) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(n)), 'must be GraphQL operation names')
    .default([]),
  /** Origins allowed to call the API from a browser, comma-separated (`https://a.example,https://b.example`, or `*`). Default none. */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    )
    .refine(
      (origins) => origins.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
      'must be origins like https://app.example, or *',
    )
    .default([]),
  /** Send `access-control-allow-credentials: true` to the CORS_ORIGINS (never with `*`). Default false. */
  CORS_CREDENTIALS: flag.default(false),
  /** Longest a client may take to send a request's headers, in ms. Default 10000 (Node's is 60000). */
  HTTP_HEADERS_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  /** Longest a client may take to send a whole request, body included, in ms. Default 30000 (Node's is 300000). */
  HTTP_REQUEST_TIMEOUT_MS: integer(100, 3_600_000).default(30_000),
  /** How long an idle keep-alive connection stays open, in ms. Default 5000. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer(100, 600_000).default(5_000),
  /** Open connections at most; more are closed on arrival. Default 1024. */
  MAX_CONNECTIONS: integer(1, 1_000_000).default(1024),
  /** Requests per second each client (valid token, else address) may sustain; 0 turns the limit off. Default 50. */
  RATE_LIMIT_PER_SECOND: integer(0, 1_000_000).default(50),
  /** Requests a client may send at once above that rate. Default 100 (the explorer sends a few per click). */
  RATE_LIMIT_BURST: integer(1, 1_000_000).default(100),
  /** Requests in flight per client, exports included. Default 16 (the benchmark uses 10 connections). */
  MAX_CONCURRENT_PER_CLIENT: integer(1, 100_000).default(16),
  /** Exports in flight per client. Default 2. */
  MAX_EXPORTS_PER_CLIENT: integer(1, 10_000).default(2),
  /** pino log level. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Read the configuration from an environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable is treated as unset, as shells and compose files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  ${String(i.path[0])}=${JSON.stringify(present[String(i.path[0])] ?? '')}: ${i.message}`);
  if (parsed.success) {
    const c = parsed.data;
    if (c.NEO4J_URI && c.NEO4J_PASSWORD === undefined) problems.push('  NEO4J_PASSWORD: required when NEO4J_URI is set');
    if (c.DEFAULT_PAGE_SIZE > c.MAX_PAGE_SIZE)
      problems.push(`  DEFAULT_PAGE_SIZE=${c.DEFAULT_PAGE_SIZE}: must not exceed MAX_PAGE_SIZE (${c.MAX_PAGE_SIZE})`);
    if (c.HTTP_HEADERS_TIMEOUT_MS > c.HTTP_REQUEST_TIMEOUT_MS)
      problems.push(
        `  HTTP_HEADERS_TIMEOUT_MS=${c.HTTP_HEADERS_TIMEOUT_MS}: must not exceed HTTP_REQUEST_TIMEOUT_MS (${c.HTTP_REQUEST_TIMEOUT_MS})`,
      );
    if (c.MAX_BODY_BYTES > c.MAX_BODY_BYTES_IN_FLIGHT)
      problems.push(
        `  MAX_BODY_BYTES=${c.MAX_BODY_BYTES}: must not exceed MAX_BODY_BYTES_IN_FLIGHT (${c.MAX_BODY_BYTES_IN_FLIGHT})`,
      );
    if (c.CORS_CREDENTIALS && c.CORS_ORIGINS.includes('*'))
      problems.push('  CORS_CREDENTIALS=true: not with CORS_ORIGINS=*; list the origins that may send credentials');
    if (problems.length === 0) return c;
  }
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
