// The write contract on the embedded store (in memory; durability has its own tests).
import { beforeAll, describe } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';
import { writeTests } from './writes.ts';

describe('writes: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  writeTests(() => store);
});
