// Who may learn the schema: introspection off with INTROSPECTION=false, and for unauthenticated callers when reads
// need a token; then no error message suggests names either ("Did you mean …?"), which would leak it name by name.
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { RequestScope } from '../request-scope.ts';

/** graphql-js appends these to field, argument, type and enum value errors alike, always last. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || !SUGGESTION.test(error.message)) return error;
  SUGGESTION.lastIndex = 0;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

export function useSchemaPrivacy(config: Config, scope: RequestScope): Plugin[] {
  if (config.INTROSPECTION && !config.REQUIRE_AUTH_FOR_READS) return [];
  const hidden = async (request: Request) =>
    !config.INTROSPECTION || (config.REQUIRE_AUTH_FOR_READS && (await scope.authOf(request)).viewer === null);
  const hiddenFor = new WeakSet<Request>();
  return [
    useDisableIntrospection({
      isDisabled: async (request) => {
        const hide = await hidden(request);
        if (hide) hiddenFor.add(request);
        return hide;
      },
    }),
    {
      onResultProcess({ request, result, setResult }) {
        if (config.INTROSPECTION && !hiddenFor.has(request)) return;
        const strip = (r: typeof result) =>
          'errors' in r && r.errors ? { ...r, errors: r.errors.map(withoutSuggestions) as GraphQLError[] } : r;
        if (Array.isArray(result)) setResult(result.map(strip) as typeof result);
        else if (!(Symbol.asyncIterator in result)) setResult(strip(result));
      },
    },
  ];
}
