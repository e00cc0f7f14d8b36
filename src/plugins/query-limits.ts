// Structural query limits (depth, aliases, tokens, directives) from graphql-armor, checked before execution.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Config } from '../config.ts';

/** Armor's errors say which limit and by how much; this adds a stable code and the limit's name. */
const coded = (limit: string) => [
  (_context: unknown, error: GraphQLError) => {
    // A refused document is a bad request: 400, as GraphQL over HTTP asks for validation failures.
    Object.assign(error.extensions, { code: 'QUERY_LIMIT_EXCEEDED', limit, http: { status: 400 } });
  },
];

export function useQueryLimits(config: Config) {
  return EnvelopArmorPlugin({
    // Cost is counted by Pothos' complexity plugin instead, which multiplies by the page sizes asked for.
    costLimit: { enabled: false },
    maxDepth: { n: config.MAX_DEPTH, onReject: coded('depth') },
    maxAliases: { n: config.MAX_ALIASES, onReject: coded('aliases') },
    maxTokens: { n: config.MAX_TOKENS, onReject: coded('tokens') },
    maxDirectives: { n: config.MAX_DIRECTIVES, onReject: coded('directives') },
    // With introspection off, "Did you mean …?" would leak the schema a field name at a time.
    blockFieldSuggestion: { enabled: !config.INTROSPECTION },
  });
}
