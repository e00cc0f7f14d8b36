// Which conflicts a ConflictFilter keeps, for the embedded store; the Neo4j adapter asks the same in Cypher
// (cypher/read/conflicts.cypher), and the contract suite holds the two to the same answers.
import type { ConflictFilter, ConflictRecord } from './store.ts';

/** Whether the filter keeps a conflict; `kindOf` answers a document's kind (null when it has none or is absent). */
export function conflictMatches(
  conflict: ConflictRecord,
  filter: ConflictFilter,
  kindOf: (document: string) => string | null,
): boolean {
  if (filter.source !== undefined && !conflict.claims.some((c) => c.source.document === filter.source)) return false;
  if (filter.sourceKind !== undefined && !conflict.claims.some((c) => kindOf(c.source.document) === filter.sourceKind))
    return false;
  if (filter.about === undefined && filter.aboutLabel === undefined) return true;
  return conflict.about.some(
    (s) =>
      (filter.about === undefined || s.slug === filter.about) &&
      (filter.aboutLabel === undefined || s.label === filter.aboutLabel),
  );
}
