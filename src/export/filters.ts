// The role and year filters every projection shares, and the one pass over works the year filter needs.
import type { NodeRow, RelRow } from '../graph/rows.ts';
import type { GraphStreams } from '../graph/store.ts';
import type { ExportFilters } from './options.ts';

export function roleAllowed(filters: ExportFilters, rel: RelRow): boolean {
  if (rel.type !== 'CREDITED' || filters.roles === undefined) return true;
  return (filters.roles as ReadonlySet<string>).has(String(rel.props.role ?? rel.key));
}

const hasYearFilter = (filters: ExportFilters) => filters.yearFrom !== undefined || filters.yearTo !== undefined;

function yearAllowed(filters: ExportFilters, work: NodeRow): boolean {
  if (!hasYearFilter(filters)) return true;
  const year = work.props.year;
  if (typeof year !== 'number') return false;
  return (filters.yearFrom === undefined || year >= filters.yearFrom) && (filters.yearTo === undefined || year <= filters.yearTo);
}

/**
 * Slugs of the works the year filter leaves out. Relationships arrive without their ends' properties, so this takes
 * one pass over the nodes first; it holds only slugs, and nothing at all when no year filter is set.
 */
export async function worksOutsideYears(store: GraphStreams, filters: ExportFilters): Promise<ReadonlySet<string>> {
  const outside = new Set<string>();
  if (!hasYearFilter(filters)) return outside;
  for await (const batch of store.streamNodes())
    for (const row of batch) if (row.label === 'Work' && !yearAllowed(filters, row)) outside.add(row.slug);
  return outside;
}

/** A relationship survives the filters when its role is asked for and neither end is a work outside the years. */
export function relationshipFilter(filters: ExportFilters, outside: ReadonlySet<string>) {
  return (rel: RelRow) =>
    roleAllowed(filters, rel) &&
    !(rel.fromLabel === 'Work' && outside.has(rel.from)) &&
    !(rel.toLabel === 'Work' && outside.has(rel.to));
}
