// The merge race contract on the embedded store: one process, so the two "servers" are one store twice.
import { beforeAll, describe } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';
import { mergeRaceTests } from './merge-race.ts';

describe('merges on a shared store: embedded', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  mergeRaceTests(() => [store, store]);
});
