// GraphQL Code Generator: types for the operations in src/ from Liner's printed schema (schema/schema.graphql).
// Run from the repository's root: npx graphql-codegen --config examples/typed-client/codegen.ts
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/typed-client/src/**/*.ts', '!examples/typed-client/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'examples/typed-client/src/gql/': {
      preset: 'client',
      config: {
        // Documents as typed strings: no graphql-js at run time, a plain fetch sends them.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
