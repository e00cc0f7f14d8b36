// Connection to the real Neo4j for integration tests, or a clear reason why they are skipped.
import neo4j, { type Driver } from 'neo4j-driver';
import { describe } from 'vitest';
import { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { seed } from '../helpers.ts';

const uri = process.env.NEO4J_URI;

if (!uri) {
  const reason =
    'Neo4j integration tests skipped: NEO4J_URI is not set. Start one with `npm run neo4j:start`, then run ' +
    '`NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=liner-dev-password npm test`.';
  // In CI a skipped integration test would hide a broken Neo4j path, so there it is a failure.
  if (process.env.NEO4J_REQUIRED === '1') throw new Error(`NEO4J_REQUIRED=1 but ${reason}`);
  console.warn(reason);
}

export const describeNeo4j = uri ? describe : describe.skip;

/** The test database's connection settings. */
export function connection() {
  return {
    uri: uri ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'liner-dev-password',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

export function neo4jStore(): Neo4jStore {
  return new Neo4jStore(connection());
}

/**
 * A driver of the tests' own on the test database, for what no store method offers (raw statements, EXPLAIN, SHOW):
 * the store keeps its driver to itself. The caller closes it.
 */
export function testDriver(uri = connection().uri): Driver {
  const { user, password } = connection();
  return neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
}

/** Run `use` with a test driver, closed afterwards. */
export async function withTestDriver<T>(use: (driver: Driver) => Promise<T>, uri?: string): Promise<T> {
  const driver = testDriver(uri);
  try {
    return await use(driver);
  } finally {
    await driver.close();
  }
}

/** Empty the test database: integration tests own it while they run. */
export async function resetNeo4j(): Promise<void> {
  await withTestDriver(async (driver) => {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
    const session = driver.session({ database: connection().database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  });
}

/** A store on the emptied test database holding just the seed, as the contract and write suites start from. */
export async function seededNeo4jStore(): Promise<Neo4jStore> {
  const store = neo4jStore();
  await resetNeo4j();
  await store.applySchema();
  await store.load(await seed());
  return store;
}
