// Picks the adapter the configuration asks for: Neo4j with NEO4J_URI, the embedded store without.
import type { Config } from '../config.ts';
import { MemoryStore } from './memory/memory-store.ts';
import { Neo4jStore } from './neo4j/neo4j-store.ts';
import type { GraphStore } from './store.ts';

export async function createStore(config: Config): Promise<GraphStore> {
  if (!config.NEO4J_URI) return new MemoryStore();
  const store = new Neo4jStore({
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD ?? '',
    database: config.NEO4J_DATABASE,
  });
  await store.applySchema();
  return store;
}
