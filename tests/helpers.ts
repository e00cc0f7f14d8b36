// Test helpers: a seeded app on any store, and GraphQL over the app's own fetch — no port, real HTTP semantics.
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { GraphRows, NodeRow, RelRow } from '../src/graph/rows.ts';
import type { GraphStore } from '../src/graph/store.ts';
import { readDatasetRows } from '../src/ingest/pipeline.ts';

export const SEED_FILE = fileURLToPath(new URL('../data/thom-russo.json', import.meta.url));
export const ARTICLE_FILE = fileURLToPath(new URL('../data/sources/thom-russo.txt', import.meta.url));

export const testConfig: Config = loadConfig({ LOG_LEVEL: 'silent' });

let seedRows: Promise<GraphRows> | undefined;
export function seed(): Promise<GraphRows> {
  seedRows ??= readDatasetRows(SEED_FILE);
  return seedRows;
}

export interface GraphQLResponse {
  /** The response's data; {} where it had none, so tests can index it directly. */
  data: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

export function graphqlClient(store: GraphStore, config: Config = testConfig) {
  const app = createApp({ store, config });
  return async (query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse> => {
    const response = await app.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: GraphQLResponse['errors'] };
    return body.errors ? { data: body.data ?? {}, errors: body.errors } : { data: body.data ?? {} };
  };
}

/** A store wrapped so every port call is counted by method name (and a hop by its name). */
export function countingStore(
  store: GraphStore,
  calls = new Map<string, number>(),
): { store: GraphStore; calls: Map<string, number> } {
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // The per-request view the app makes must be counted too, into the same tally.
      if (property === 'withDeadline')
        return (...args: Parameters<GraphStore['withDeadline']>) => countingStore(target.withDeadline(...args), calls).store;
      return (...args: unknown[]) => {
        // A hop is counted by its name, as /metrics labels it: one allow-listed method, many lists.
        const method = property === 'hops' ? `hops:${String(args[0])}` : String(property);
        calls.set(method, (calls.get(method) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

/** Every node and relationship a store holds, as its export streams list them. */
export async function allRows(store: GraphStore): Promise<{ nodes: NodeRow[]; rels: RelRow[] }> {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for await (const batch of store.streamNodes()) nodes.push(...batch);
  for await (const batch of store.streamRelationships()) rels.push(...batch);
  return { nodes, rels };
}

/**
 * A converted dataset in a form two conversions can be compared in whatever order they wrote entries: `sections` in
 * that order, each there even when empty, its entries sorted by their JSON.
 */
export function sortedSections(dataset: Record<string, unknown>, sections: readonly string[]): Record<string, unknown> {
  return {
    format: dataset.format,
    version: dataset.version,
    ...Object.fromEntries(
      sections.map((section) => [
        section,
        ((dataset[section] ?? []) as unknown[])
          .map((entry) => JSON.stringify(entry))
          .sort()
          .map((line) => JSON.parse(line)),
      ]),
    ),
  };
}
