// How a stored node appears in an export: its label, slug, a display name, kind and year instead of raw properties.
import type { NodeLabel, NodeRow, PropValue } from '../graph/rows.ts';
import type { Attributes } from './model.ts';

/** Exports mix labels, and slugs are unique only within one (Audioslave is a band and an album). */
export const nodeId = (label: NodeLabel, slug: string) => `${label}:${slug}`;

/** The property a person would read as the node's name; graph tools show it as the label. */
const NAME_PROPERTY: Record<NodeLabel, string> = {
  Person: 'name',
  Work: 'title',
  Place: 'name',
  Organization: 'name',
  Award: 'name',
  AwardWin: 'category',
  Document: 'title',
  Conflict: 'description',
  Claim: 'statement',
  Identifier: 'value',
  Merge: 'merged',
};

const text = (v: PropValue | undefined) => (typeof v === 'string' ? v : undefined);
const integer = (v: PropValue | undefined) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const flag = (v: PropValue | undefined) => (typeof v === 'boolean' ? v : undefined);

export function nodeAttributes(row: NodeRow): Attributes {
  const p = row.props;
  return {
    type: row.label,
    slug: row.slug,
    // An award win whose category the source does not state still needs something to show.
    name: text(p[NAME_PROPERTY[row.label]]) ?? row.slug,
    // An identifier's kind is its scheme, so a graph tool can colour MusicBrainz and Discogs ids apart.
    kind: text(p.kind) ?? text(p.scheme),
    year: integer(p.year),
    isGroup: flag(p.isGroup),
  };
}
