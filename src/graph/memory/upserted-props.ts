// What a write's upsert makes of a node's or relationship's properties: shared by the graph and its database.
import { type Props, withSource } from '../rows.ts';
import type { SourceRecord } from '../store.ts';

/**
 * A node or relationship made by a write with a source starts with empty provenance lists, as the Neo4j statement
 * does; one without (a document) has none, as a loaded document has none (rows.ts).
 */
const emptySources: Props = { sourceDocuments: [], sourceCitations: [], sourceQuotes: [] };

/**
 * The properties after an upsert: `set` over what was there (or empty provenance lists for a new sourced one), plus the
 * source unless already cited. The compact graph and the SQLite database both compute it, so they cannot drift.
 */
export function upsertedProps(before: Props | undefined, set: Props, source: SourceRecord | undefined): Props {
  return withSource({ ...(before ?? (source ? emptySources : {})), ...set }, source);
}
