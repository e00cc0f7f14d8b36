// The Pothos builder and its plugins; no types live here.
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { reader: boolean; writer: boolean };
  Connection: { totalCount: number };
  Scalars: { JSON: { Input: unknown; Output: unknown } };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
}>({
  // Relay first, so scope checks see parsed global IDs (the scope-auth plugin's own advice).
  plugins: [RelayPlugin, ScopeAuthPlugin],
  defaultFieldNullability: false,
  relay: {
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  scopeAuth: {
    authScopes: (context) => ({
      writer: context.auth.viewer !== null,
      reader: !context.config.REQUIRE_AUTH_FOR_READS || context.auth.viewer !== null,
    }),
    unauthorizedError: (_parent, context) => {
      const why = context.auth.refused ?? 'this needs an Authorization: Bearer <token> header';
      return new GraphQLError(`Not authenticated: ${why}.`, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
      });
    },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items all pages hold together.', resolve: (parent) => parent.totalCount }),
);
