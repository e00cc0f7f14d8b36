// What clients see of failures: stable codes for the store being down, too slow or out of disk; the rest masked.
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { DeadlineExceededError, StorageFullError, StoreUnavailableError } from '../graph/store.ts';
import { BookmarkRejectedError } from '../request-bookmarks.ts';

export function createErrorMasker(timeoutMs: number) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const path = error instanceof GraphQLError ? error.path : undefined;
    if (original instanceof StoreUnavailableError)
      return new GraphQLError('The graph store is unavailable right now; try again shortly.', {
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
      });
    // 507 Insufficient Storage: the client did nothing wrong and may retry once the operator frees space.
    if (original instanceof StorageFullError)
      return new GraphQLError(`The disk is full: the write was refused and nothing of it was stored (${original.message}).`, {
        path,
        extensions: { code: 'STORAGE_FULL', http: { status: 507 } },
      });
    if (original instanceof DeadlineExceededError)
      return new GraphQLError(`The request ran past its ${timeoutMs} ms deadline and was stopped.`, {
        path,
        extensions: { code: 'TIMEOUT', http: { status: 504 } },
      });
    // Well formed but not a bookmark this Neo4j issued (made up, or from another database): the client's mistake.
    if (original instanceof BookmarkRejectedError)
      return new GraphQLError(
        'The X-Liner-Bookmark header holds a bookmark the graph store did not issue: send back the value a write answered, unchanged.',
        { path, extensions: { code: 'BAD_BOOKMARK', http: { status: 400 } } },
      );
    return maskError(error, message, isDev);
  };
}
