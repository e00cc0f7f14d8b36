// The errors a client may see, each with a stable extensions.code.
import { GraphQLError } from 'graphql';

export function notFound(what: string, slug: string, argument: string): GraphQLError {
  return new GraphQLError(`No ${what} with slug "${slug}" (argument "${argument}").`, {
    extensions: { code: 'NOT_FOUND', argument, slug },
  });
}

export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
