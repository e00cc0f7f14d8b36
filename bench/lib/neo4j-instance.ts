// The benchmark's own Neo4j (tools/neo4j-local on a port of its own), restarted empty before each import.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { procMemory } from './processes.ts';

const TOOLS = fileURLToPath(new URL('../../tools/neo4j-local/', import.meta.url));

export interface Neo4jInstance {
  uri: string;
  port: number;
  password: string;
  /** Heap and page cache it runs with, for the report. */
  settings: string;
}

export function neo4jInstance(port: number, password: string): Neo4jInstance {
  return { uri: `bolt://127.0.0.1:${port}`, port, password, settings: `${JAVA_OPTS}; page cache ${PAGECACHE}` };
}

const JAVA_OPTS = process.env.BENCH_NEO4J_JAVA_OPTS ?? '-Xms1g -Xmx4g -XX:+UseG1GC';
const PAGECACHE = process.env.BENCH_NEO4J_PAGECACHE ?? '2g';
/** tools/neo4j-local's settings for the bench's instance (heap, GC, page cache). */
export const BENCH_NEO4J_ENV = { JAVA_OPTS, NEO4J_PAGECACHE: PAGECACHE };

/** Stop it and start it again with its data folder wiped: every import lands in an empty database. */
export function restartEmpty(instance: Neo4jInstance): void {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_BOLT_PORT: String(instance.port),
    NEO4J_PASSWORD: instance.password,
    ...BENCH_NEO4J_ENV,
  };
  delete env.NEO4J_KEEP_DATA;
  execFileSync('bash', [`${TOOLS}stop.sh`], { env, stdio: 'ignore' });
  execFileSync('bash', [`${TOOLS}start.sh`], { env, stdio: 'ignore' });
}

/** The Neo4j JVM's pid, from its pid file; 0 when it is not running. */
export function neo4jPid(instance: Neo4jInstance): number {
  try {
    return Number(readFileSync(`${TOOLS}target/neo4j-${instance.port}.pid`, 'utf8').trim());
  } catch {
    return 0;
  }
}

/** Resident memory of the Neo4j JVM. */
export function neo4jRssBytes(instance: Neo4jInstance): number {
  const pid = neo4jPid(instance);
  return pid === 0 ? 0 : procMemory(pid, 'VmRSS');
}
