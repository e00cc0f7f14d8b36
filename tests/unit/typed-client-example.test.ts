// examples/typed-client: GraphQL Code Generator runs on schema/schema.graphql, tsc accepts the example, and the typed
// operation answers against the app.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed, testConfig } from '../helpers.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../../node_modules/${name}`, import.meta.url));

describe('the typed-client example', () => {
  it('generates its types from schema/schema.graphql and type-checks', { timeout: 120_000 }, async () => {
    await rm(`${ROOT}examples/typed-client/src/gql`, { recursive: true, force: true });
    await run(process.execPath, [bin('@graphql-codegen/cli/cjs/bin.js'), '--config', 'examples/typed-client/codegen.ts'], {
      cwd: ROOT,
    });
    await run(process.execPath, [bin('typescript/bin/tsc'), '-p', 'examples/typed-client'], { cwd: ROOT });

    const store = new MemoryStore();
    await store.load(await seed());
    const app = createApp({ store, config: testConfig });
    // Through a variable, so that the root's tsc (nodenext) leaves the example to its own tsconfig (bundler).
    const example = '../../examples/typed-client/src/common-collaborators.ts';
    const { describeCommonCollaborators } = (await import(example)) as {
      describeCommonCollaborators(options: { endpoint: string; fetch: typeof fetch }, slugs: string[]): Promise<string[]>;
    };
    const lines = await describeCommonCollaborators(
      {
        endpoint: 'http://liner.test/graphql',
        fetch: (input: string | URL | Request, init?: RequestInit) => Promise.resolve(app.fetch(input as URL, init ?? {})),
      },
      ['rick-rubin', 'thom-russo'],
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^.+ \(\d+ shared works?: .+\)$/);
  });
});
