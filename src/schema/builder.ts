// The Pothos builder and its plugins; no types live here.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, getNullableType, isListType } from 'graphql';
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
  plugins: [RelayPlugin, ScopeAuthPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  relay: {
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // A crafted id ("__proto__:x", "Query:x", bad base64) would reach Pothos' type lookup and fail as an internal
    // error; only ids of this schema's node types get past here.
    decodeGlobalID: (id) => {
      const bad = (why: string) =>
        new GraphQLError(`id: "${id}" ${why}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
      let decoded: { typename: string; id: string };
      try {
        decoded = decodeGlobalID(id);
      } catch {
        throw bad('is not an id this API gave out');
      }
      if (!isNodeType(decoded.typename)) throw bad(`names no type of node ("${decoded.typename}")`);
      return decoded;
    },
  },
  complexity: {
    // Cost counts list sizes: a field's selection costs as many times as the page it asks for (`first`, or the
    // default page size); a connection's edges are that page, so they do not multiply again; other lists count 10.
    fieldComplexity: (args, ctx, field) => {
      if (field.args.some((a) => a.name === 'first')) {
        // Pages over MAX_PAGE_SIZE are refused by the field itself, with a clearer error than a cost overrun.
        const first = typeof args.first === 'number' ? args.first : ctx.config.DEFAULT_PAGE_SIZE;
        return { field: 1, multiplier: Math.min(Math.max(1, first), ctx.config.MAX_PAGE_SIZE) };
      }
      if (field.name === 'edges') return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
    },
    limit: (ctx) => ({ complexity: ctx.config.MAX_COST }),
    complexityError: (kind, result) => {
      const max = kind === 'Complexity' ? result.maxComplexity : kind === 'Depth' ? result.maxDepth : result.maxBreadth;
      const value = kind === 'Complexity' ? result.complexity : kind === 'Depth' ? result.depth : result.breadth;
      const limit = kind === 'Complexity' ? 'cost' : kind.toLowerCase();
      return new GraphQLError(
        `Query ${limit} is ${value}, over the limit of ${max} by ${value - (max ?? 0)}; ask for smaller pages (first) or fewer nested lists.`,
        { extensions: { code: 'QUERY_TOO_COSTLY', limit, value, max } },
      );
    },
  },
  scopeAuth: {
    authScopes: (context) => ({
      writer: context.auth.viewer !== null,
      reader: !context.config.REQUIRE_AUTH_FOR_READS || context.auth.viewer !== null,
    }),
    unauthorizedError: (_parent, context, info) => {
      const { config } = context;
      const writesOff = config.API_TOKENS.length === 0 && !config.JWT_SECRET && !config.JWKS_URL;
      if (writesOff && info.parentType.name === 'Mutation')
        return new GraphQLError('Not authenticated: writes are off: set API_TOKENS or JWT_SECRET (or JWKS_URL) on the server.', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      const why = context.auth.refused ?? 'this needs an Authorization: Bearer <token> header';
      return new GraphQLError(`Not authenticated: ${why}.`, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
      });
    },
  },
});

/** A type of node: an object type built with builder.node, which implements Node. */
function isNodeType(typename: string): boolean {
  const store = builder.configStore;
  if (!store.hasImplementation(typename)) return false;
  const config = store.getTypeConfig(typename);
  return config.kind === 'Object' && config.interfaces.some((i) => store.getTypeConfig(i).name === 'Node');
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items all pages hold together.', resolve: (parent) => parent.totalCount }),
);
