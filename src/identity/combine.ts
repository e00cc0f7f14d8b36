// The value-combining rule of a merge: what one node becomes when another node's record of the same entity is
// folded into it. Pure, so a hand merge (mergeNodes) and an import-time merge apply the very same rule.
import { searchTokens, slugify } from '../dataset/slug.ts';
import { sourcesOf } from '../graph/records.ts';
import { type GraphRows, type NodeRow, type Props, type PropValue, provenance, sameValue } from '../graph/rows.ts';
import type { SourceRecord } from '../graph/store.ts';

/** The source a node's side of a conflict is cited to (its first source, by default: see `firstSource`). */
export type DescribeSource = (row: NodeRow) => SourceRecord;

const PROVENANCE = ['sourceDocuments', 'sourceCitations', 'sourceQuotes'] as const;
/** Recomputed from the combined name and aliases, never compared. */
const DERIVED = new Set<string>([...PROVENANCE, 'searchText', 'aliases']);
/** The property a label is named by; the other node's name becomes an alias rather than a conflict. */
const NAME_PROPERTY: Partial<Record<NodeRow['label'], string>> = { Person: 'name', Work: 'title' };

/** A node's first source, or a plain description of the node when it has none (an upserted node may not). */
export function firstSource(row: NodeRow): SourceRecord {
  return sourcesOf(row.props)[0] ?? { document: 'liner-editorial-inference', citations: [], quote: `${row.label} ${row.slug}` };
}

/** The slug of the conflict a merge records about one property: stable, so merging again finds the same one. */
export function conflictSlug(label: string, keptSlug: string, property: string): string {
  return slugify(`merge conflict ${label} ${keptSlug} ${property.replace(/([a-z])([A-Z])/g, '$1 $2')}`);
}

const shown = (value: PropValue): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** Both lists' items, the kept list's first, each once. */
function union(a: readonly (string | number)[], b: readonly (string | number)[]): (string | number)[] {
  return [...new Set([...a, ...b])];
}

/** Provenance of both, the kept node's sources first, an identical source once. */
export function unionProvenance(kept: Props, other: Props): Props {
  const sources = [...sourcesOf(kept), ...sourcesOf(other)];
  const seen = new Set<string>();
  return provenance(
    sources.filter((s) => {
      const key = JSON.stringify([s.document, s.citations, s.quote]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/**
 * `kept` with `other` folded in: provenance is the union; `other`'s name (and aliases) become aliases of `kept`;
 * a property `kept` lacks is taken from `other`; lists are united; a scalar both state with different values keeps
 * `kept`'s value and yields a Conflict (with one Claim per side, each cited to its own source) about `kept`, in
 * the shape of the article's own conflicts. Conflict slugs come from the label, kept slug and property.
 */
export function combineNode(
  kept: NodeRow,
  other: NodeRow,
  describeSource: DescribeSource = firstSource,
): { props: Props; conflicts: GraphRows } {
  const props: Props = {};
  const conflicts: GraphRows = { nodes: [], rels: [] };
  const nameProperty = NAME_PROPERTY[kept.label];
  for (const [property, value] of Object.entries(kept.props)) if (!DERIVED.has(property)) props[property] = value;
  for (const [property, value] of Object.entries(other.props)) {
    if (DERIVED.has(property) || property === nameProperty) continue;
    const mine = props[property];
    if (mine === undefined) props[property] = value;
    else if (Array.isArray(mine) && Array.isArray(value)) props[property] = union(mine, value) as PropValue;
    else if (!sameValue(mine, value)) addConflict(conflicts, kept, other, property, mine, value, describeSource);
  }
  if (nameProperty !== undefined) {
    const name = String(kept.props[nameProperty] ?? kept.slug);
    const names = [
      ...((kept.props.aliases as string[] | undefined) ?? []),
      ...(other.props[nameProperty] === undefined ? [] : [String(other.props[nameProperty])]),
      ...((other.props.aliases as string[] | undefined) ?? []),
    ];
    const aliases = [...new Set(names)].filter((alias) => alias !== name);
    if (aliases.length > 0 || kept.props.aliases !== undefined) props.aliases = aliases;
    if (kept.props.searchText !== undefined || other.props.searchText !== undefined)
      props.searchText = searchTokens([name, ...aliases].join(' ')).join(' ');
  }
  Object.assign(props, unionProvenance(kept.props, other.props));
  return { props, conflicts };
}

function addConflict(
  out: GraphRows,
  kept: NodeRow,
  other: NodeRow,
  property: string,
  keptValue: PropValue,
  otherValue: PropValue,
  describeSource: DescribeSource,
): void {
  const slug = conflictSlug(kept.label, kept.slug, property);
  const name = String(kept.props.name ?? kept.props.title ?? kept.slug);
  const sides = [
    { value: keptValue, source: describeSource(kept) },
    { value: otherValue, source: describeSource(other) },
  ];
  out.nodes.push({
    label: 'Conflict',
    slug,
    props: {
      description: `Sources give ${name} two values of ${property}: "${shown(keptValue)}" and "${shown(otherValue)}".`,
      ...provenance(sides.map((s) => s.source)),
    },
  });
  sides.forEach((side, i) => {
    const claim = `${slug}-claim-${i + 1}`;
    out.nodes.push({
      label: 'Claim',
      slug: claim,
      props: { statement: `${name}: ${property} is ${shown(side.value)}`, position: i, ...provenance([side.source]) },
    });
    out.rels.push({
      type: 'HAS_CLAIM',
      fromLabel: 'Conflict',
      from: slug,
      toLabel: 'Claim',
      to: claim,
      key: '',
      props: provenance([side.source]),
    });
  });
  out.rels.push({
    type: 'ABOUT',
    fromLabel: 'Conflict',
    from: slug,
    toLabel: kept.label,
    to: kept.slug,
    key: '',
    props: provenance(sides.map((s) => s.source)),
  });
}
