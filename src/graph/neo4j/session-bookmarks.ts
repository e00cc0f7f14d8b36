// The bookmark manager a Neo4j session of the current request starts with: it makes Neo4j wait until the writes the
// client sent bookmarks for are applied, and records the bookmarks this request's own writes leave.
import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { type BookmarkScope, currentBookmarks } from '../../request-bookmarks.ts';

const managers = new WeakMap<BookmarkScope, BookmarkManager>();

/**
 * One manager per request, so its sessions (loaders run several) chain: each starts after the bookmarks the request
 * was sent and after the request's earlier transactions. Reads of a request that sent none and wrote nothing get no
 * manager at all: the driver then asks nothing before each statement, as before bookmarks existed.
 */
export function sessionBookmarks(access: 'read' | 'write'): BookmarkManager | undefined {
  const scope = currentBookmarks();
  if (scope === undefined) return undefined;
  if (access === 'write') scope.wrote = true;
  else if (scope.after.length === 0 && !scope.wrote) return undefined;
  let manager = managers.get(scope);
  if (manager === undefined) {
    manager = neo4j.bookmarkManager({
      initialBookmarks: scope.after,
      bookmarksConsumer: async (bookmarks) => {
        scope.latest = [...bookmarks];
      },
    });
    managers.set(scope, manager);
  }
  return manager;
}
