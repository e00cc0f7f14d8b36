// Two projects: fast tests on the embedded store always; Neo4j integration tests one file at a time.
import { defineConfig } from 'vitest/config';

// Tests spawn the server with this same Node; through `npm test` it is the pinned LTS from node_modules.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) throw new Error(`Node ${process.versions.node} is too old: run the tests with \`npm test\` (Node 24 LTS).`);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for yoga; vite would pick the .mjs one for our code. One copy keeps
    // `instanceof GraphQLError` true, as it is in production.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/neo4j/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['tests/neo4j/**/*.test.ts'],
          // One database is shared, so files must not interleave their loads and clean-ups.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
