// Automatic Persisted Queries (graphql-yoga's APQ plugin): a client sends a query once with its SHA-256 in
// `extensions.persistedQuery`, then only the hash, so a read fits in a short, cacheable GET URL.
import { type APQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

/**
 * A least-recently-used store bounded both by entries (APQ_MAX_ENTRIES) and by the characters it holds in all
 * (APQ_MAX_BYTES), so no client can grow memory without limit by registering queries: past either bound the least
 * recently used go, and a query larger than the whole budget is not kept at all (it still runs; the next hash-only
 * request for it gets PersistedQueryNotFound and the client sends it in full again, as APQ clients do).
 */
export class BoundedQueryStore implements APQStore {
  readonly #entries = new Map<string, string>();
  #chars = 0;
  readonly maxEntries: number;
  readonly maxChars: number;
  constructor(maxEntries: number, maxChars: number) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Characters held, hashes included. */
  get chars(): number {
    return this.#chars;
  }

  get(hash: string): string | undefined {
    const query = this.#entries.get(hash);
    if (query === undefined) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.#entries.delete(hash);
    this.#entries.set(hash, query);
    return query;
  }

  set(hash: string, query: string): void {
    const cost = hash.length + query.length;
    this.#delete(hash);
    if (this.maxEntries === 0 || cost > this.maxChars) return;
    this.#entries.set(hash, query);
    this.#chars += cost;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries && this.#chars <= this.maxChars) break;
      this.#delete(oldest);
    }
  }

  #delete(hash: string): void {
    const query = this.#entries.get(hash);
    if (query === undefined) return;
    this.#entries.delete(hash);
    this.#chars -= hash.length + query.length;
  }
}

export function usePersistedQueries(
  config: Config,
  store = new BoundedQueryStore(config.APQ_MAX_ENTRIES, config.APQ_MAX_BYTES),
): Plugin[] {
  if (!config.APQ) return [];
  return [useAPQ({ store })];
}
