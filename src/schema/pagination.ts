// Forward cursor pagination: `first`/`after` checked against the configured limits, pages shaped as Relay connections.
import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import type { Config } from '../config.ts';
import type { Page, PageArgs } from '../graph/store.ts';
import { badInput } from './errors.ts';

export interface ForwardArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export function pageArgs(args: ForwardArgs, config: Config): PageArgs {
  const limit = args.first ?? config.DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0)
    throw badInput(`"first" must be a whole number from 0 to ${config.MAX_PAGE_SIZE}; got ${limit}.`, 'first');
  if (limit > config.MAX_PAGE_SIZE)
    throw badInput(`"first" is ${limit}, over the page-size limit of ${config.MAX_PAGE_SIZE}.`, 'first');
  let offset = 0;
  if (args.after != null) {
    try {
      offset = cursorToOffset(args.after) + 1;
    } catch {
      offset = Number.NaN;
    }
    if (!Number.isInteger(offset) || offset < 1)
      throw badInput(`"after" is not a cursor this API issued: "${args.after}".`, 'after');
  }
  return { offset, limit };
}

/** A Relay connection of one page; extra edge fields come from `edgeOf`. */
export function toConnection<T, E extends object = object>(page: Page<T>, { offset }: PageArgs, edgeOf?: (item: T) => E) {
  const edges = page.items.map((node, i) => ({ cursor: offsetToCursor(offset + i), node, ...(edgeOf?.(node) as E) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: offset + page.items.length < page.total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
