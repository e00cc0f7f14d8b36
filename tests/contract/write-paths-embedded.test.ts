// Mutations and dataset loads store the same rows: on the embedded store in memory and on its SQLite database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { writePathTests } from './write-paths.ts';

describe('write paths: embedded store', () => {
  writePathTests(async () => new MemoryStore());
});

describe('write paths: embedded store on SQLite', () => {
  writePathTests(async () => (await DurableStore.open({ dir: mkdtempSync(join(tmpdir(), 'liner-write-paths-')) })).store);
});
