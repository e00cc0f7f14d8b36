// The contract suite on the embedded store.
import { beforeAll, describe } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';
import { catalogue, catalogueTests } from './catalogue.ts';
import { contractTests } from './contract.ts';
import { questionTests } from './questions.ts';

describe('contract: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
    await store.load(await catalogue());
  });
  contractTests(() => store);
  catalogueTests(() => store);
  questionTests(() => store);
});
