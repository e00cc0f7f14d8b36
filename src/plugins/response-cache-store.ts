// The response cache's store: answers kept least recently used first, bounded in bytes as well as entries.
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Entries kept at most, as @envelop/response-cache's own default. */
const MAX_ENTRIES = 1000;

/**
 * The plugin's default store counts entries only (1000): one answer may hold megabytes (document texts, 100-item
 * pages), so 1000 of them could hold gigabytes. This one keeps at most `maxBytes` (each answer counted as its JSON at
 * two bytes a character); an answer larger than that is not kept. Invalidation by entity works as the default's does.
 */
export function createBoundedResponseCache(maxBytes: number): Cache {
  const responseIdsByEntity = new Map<string, Set<string>>();
  const entitiesByResponseId = new Map<string, Set<string>>();
  const forget = (responseId: string) => {
    for (const entity of entitiesByResponseId.get(responseId) ?? []) {
      const ids = responseIdsByEntity.get(entity);
      ids?.delete(responseId);
      if (ids?.size === 0) responseIdsByEntity.delete(entity);
    }
    entitiesByResponseId.delete(responseId);
  };
  const responses = new LRUCache<string, ExecutionResult>({
    max: MAX_ENTRIES,
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (result) => Math.max(1, 2 * JSON.stringify(result).length),
    dispose: (_result, responseId) => forget(responseId),
  });
  const keyOf = ({ typename, id }: { typename: string; id?: number | string }) =>
    id === undefined ? typename : `${typename}:${id}`;
  return {
    set(responseId, result, entities, ttl) {
      responses.set(responseId, result, { ttl });
      if (!responses.has(responseId)) return;
      const keys = new Set<string>();
      for (const entity of entities) {
        keys.add(entity.typename);
        if (entity.id !== undefined) keys.add(keyOf(entity));
      }
      entitiesByResponseId.set(responseId, keys);
      for (const key of keys) {
        let ids = responseIdsByEntity.get(key);
        if (!ids) responseIdsByEntity.set(key, (ids = new Set()));
        ids.add(responseId);
      }
    },
    get(responseId) {
      return responses.get(responseId) ?? null;
    },
    invalidate(entities) {
      for (const entity of entities)
        for (const responseId of [...(responseIdsByEntity.get(keyOf(entity)) ?? [])]) responses.delete(responseId);
    },
  };
}
