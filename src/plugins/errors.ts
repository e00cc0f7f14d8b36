// What clients see of failures: stable codes for the store being down or too slow; everything unexpected masked.
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { DeadlineExceededError, StoreUnavailableError } from '../graph/store.ts';

export function createErrorMasker(timeoutMs: number) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const path = error instanceof GraphQLError ? error.path : undefined;
    if (original instanceof StoreUnavailableError)
      return new GraphQLError('The graph store is unavailable right now; try again shortly.', {
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
      });
    if (original instanceof DeadlineExceededError)
      return new GraphQLError(`The request ran past its ${timeoutMs} ms deadline and was stopped.`, {
        path,
        extensions: { code: 'TIMEOUT', http: { status: 504 } },
      });
    return maskError(error, message, isDev);
  };
}
