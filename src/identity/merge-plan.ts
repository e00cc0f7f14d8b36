// A merge and its undo as whole-row changes, computed from the two nodes' neighbourhoods: pure, so both stores
// apply the very same change, and the record of a merge holds everything its undo needs.
import { isDeepStrictEqual } from 'node:util';
import { compareRelRows } from '../graph/records.ts';
import type { GraphRows, NodeLabel, NodeRow, Props, RelRow } from '../graph/rows.ts';
import type { NodeNeighbourhood, RelRef, RowChange } from '../graph/store.ts';
import { combineNode, combineRelProps, type DescribeSource } from './combine.ts';

/** Node labels that can be merged by hand. */
export const MERGEABLE_LABELS = ['Person', 'Work'] as const;
export type MergeableLabel = (typeof MERGEABLE_LABELS)[number];

/** What a merge did, kept on its record (as JSON): enough to put every row back as it was. */
export interface MergeSnapshot {
  version: 1;
  /** The merged node and every relationship it had, as they were. */
  merged: NodeNeighbourhood;
  /** The kept node as it was. */
  keptBefore: NodeRow;
  /** The kept node's relationships a moved one collided with, as they were (each became their union). */
  keptRelsBefore: RelRow[];
  /** The kept node and the moved relationships as the merge left them: undo refuses when they changed since. */
  after: { node: NodeRow; rels: RelRow[] };
  /** Conflict and Claim nodes (and their relationships) the merge added. */
  conflicts: GraphRows;
}

/** The stored record of a merge (a `Merge` node's properties). */
export interface MergeRecord {
  slug: string;
  label: MergeableLabel;
  keep: string;
  merged: string;
  mergedName: string;
  by: string;
  at: string;
  undoneBy: string | null;
  undoneAt: string | null;
  snapshot: MergeSnapshot;
}

/** A merge or split that cannot be done as asked; the message says why and what to do. */
export class MergeRefusedError extends Error {
  override name = 'MergeRefusedError';
  readonly argument: string;
  constructor(message: string, argument: string) {
    super(message);
    this.argument = argument;
  }
}

const refKey = (r: RelRef) => JSON.stringify([r.type, r.fromLabel, r.from, r.toLabel, r.to, r.key]);
const ref = (r: RelRow): RelRef => ({
  type: r.type,
  fromLabel: r.fromLabel,
  from: r.from,
  toLabel: r.toLabel,
  to: r.to,
  key: r.key,
});

export function recordProps(record: MergeRecord): Props {
  return {
    label: record.label,
    keep: record.keep,
    merged: record.merged,
    mergedName: record.mergedName,
    by: record.by,
    at: record.at,
    ...(record.undoneBy === null ? {} : { undoneBy: record.undoneBy }),
    ...(record.undoneAt === null ? {} : { undoneAt: record.undoneAt }),
    snapshot: JSON.stringify(record.snapshot),
  };
}

export function recordOf(row: NodeRow): MergeRecord {
  const p = row.props;
  return {
    slug: row.slug,
    label: p.label as MergeableLabel,
    keep: String(p.keep),
    merged: String(p.merged),
    mergedName: String(p.mergedName),
    by: String(p.by),
    at: String(p.at),
    undoneBy: typeof p.undoneBy === 'string' ? p.undoneBy : null,
    undoneAt: typeof p.undoneAt === 'string' ? p.undoneAt : null,
    snapshot: JSON.parse(String(p.snapshot)) as MergeSnapshot,
  };
}

/** A claim names its source by its document's slug unless the caller knows the document's title. */
const documentOf: DescribeSource = (source) => source.document;

/**
 * Fold `merge` into `keep`: every relationship of `merge` moves to `keep` (one that collides with `keep`'s own of
 * the same type, other end and key becomes their union), its identifiers with them; the nodes' properties are
 * combined by `combineNode`; `merge` is removed; the record keeps what was there. `takenConflicts` are conflict
 * slugs that already exist (a numbered slug is used instead).
 */
export function planMerge(
  keep: NodeNeighbourhood,
  merge: NodeNeighbourhood,
  record: Omit<MergeRecord, 'snapshot' | 'undoneBy' | 'undoneAt' | 'label' | 'keep' | 'merged' | 'mergedName'>,
  takenConflicts: ReadonlySet<string>,
  describeSource: DescribeSource = documentOf,
): { change: RowChange; record: MergeRecord } {
  const label = keep.node.label as MergeableLabel;
  const isMerged = (l: NodeLabel, slug: string) => l === label && slug === merge.node.slug;
  const isKept = (l: NodeLabel, slug: string) => l === label && slug === keep.node.slug;
  const direct = merge.rels.find((r) => isKept(r.fromLabel, r.from) || isKept(r.toLabel, r.to));
  if (direct)
    throw new MergeRefusedError(
      `"${merge.node.slug}" and "${keep.node.slug}" are linked to each other (${direct.type}); merging would link ` +
        `"${keep.node.slug}" to itself. Remove that relationship first.`,
      'merge',
    );

  const combined = combineNode(keep.node, merge.node, describeSource);
  const conflicts = renumbered(combined.conflicts, takenConflicts);
  const keptRels = new Map(keep.rels.map((r) => [refKey(r), r]));
  const keptRelsBefore: RelRow[] = [];
  const moved: RelRow[] = [];
  for (const rel of merge.rels) {
    const retargeted: RelRow = {
      ...rel,
      from: isMerged(rel.fromLabel, rel.from) ? keep.node.slug : rel.from,
      to: isMerged(rel.toLabel, rel.to) ? keep.node.slug : rel.to,
    };
    const existing = keptRels.get(refKey(retargeted));
    if (existing) {
      keptRelsBefore.push(existing);
      moved.push({ ...retargeted, props: combineRelProps(existing.props, rel.props) });
    } else moved.push(retargeted);
  }
  moved.sort(compareRelRows);
  const keptAfter: NodeRow = { ...keep.node, props: combined.props };
  const full: MergeRecord = {
    ...record,
    label,
    keep: keep.node.slug,
    merged: merge.node.slug,
    mergedName: String(merge.node.props.name ?? merge.node.props.title ?? merge.node.slug),
    undoneBy: null,
    undoneAt: null,
    snapshot: {
      version: 1,
      merged: merge,
      keptBefore: keep.node,
      keptRelsBefore,
      after: { node: keptAfter, rels: moved },
      conflicts,
    },
  };
  return {
    record: full,
    change: {
      removeRels: merge.rels.map(ref),
      removeNodes: [{ label, slug: merge.node.slug }],
      putNodes: [keptAfter, ...conflicts.nodes, { label: 'Merge', slug: full.slug, props: recordProps(full) }],
      putRels: [...moved, ...conflicts.rels],
    },
  };
}

/** Conflict slugs already taken get a number (`…-2`), their claims and relationships following. */
function renumbered(conflicts: GraphRows, taken: ReadonlySet<string>): GraphRows {
  const renamed = new Map<string, string>();
  for (const node of conflicts.nodes) {
    if (node.label !== 'Conflict' || !taken.has(node.slug)) continue;
    let n = 2;
    while (taken.has(`${node.slug}-${n}`)) n++;
    renamed.set(node.slug, `${node.slug}-${n}`);
  }
  if (renamed.size === 0) return conflicts;
  const rename = (slug: string) => {
    for (const [from, to] of renamed) if (slug === from || slug.startsWith(`${from}-claim-`)) return to + slug.slice(from.length);
    return slug;
  };
  return {
    nodes: conflicts.nodes.map((n) => (n.label === 'Conflict' || n.label === 'Claim' ? { ...n, slug: rename(n.slug) } : n)),
    rels: conflicts.rels.map((r) => ({ ...r, from: rename(r.from), to: r.toLabel === 'Claim' ? rename(r.to) : r.to })),
  };
}

/**
 * Undo a merge: the merged node and its relationships back as they were, the kept node's properties and collided
 * relationships as they were, the moved relationships and the conflicts the merge added removed. Refused, naming
 * what differs, when the kept node or a moved relationship changed since the merge, or the merged slug is taken:
 * the undo would otherwise lose those later changes.
 */
export function planSplit(
  record: MergeRecord,
  keepNow: NodeNeighbourhood | null,
  mergedSlugTaken: boolean,
  undoneBy: string,
  undoneAt: string,
): RowChange {
  const { snapshot } = record;
  if (record.undoneAt !== null)
    throw new MergeRefusedError(
      `Merge "${record.slug}" was already undone (${record.undoneAt}, by ${record.undoneBy}).`,
      'merge',
    );
  if (keepNow === null)
    throw new MergeRefusedError(
      `Merge "${record.slug}" cannot be undone: "${record.keep}" no longer exists (merged into another node since?). ` +
        'Undo the later merge first.',
      'merge',
    );
  if (mergedSlugTaken)
    throw new MergeRefusedError(
      `Merge "${record.slug}" cannot be undone: a ${record.label.toLowerCase()} "${record.merged}" exists again.`,
      'merge',
    );
  const changed = Object.keys({ ...snapshot.after.node.props, ...keepNow.node.props }).filter(
    (name) => !isDeepStrictEqual(snapshot.after.node.props[name], keepNow.node.props[name]),
  );
  if (changed.length > 0)
    throw new MergeRefusedError(
      `Merge "${record.slug}" cannot be undone: "${record.keep}" changed since (${changed.sort().join(', ')}). ` +
        'Undoing would lose that change; nothing was changed.',
      'merge',
    );
  const now = new Map(keepNow.rels.map((r) => [refKey(r), r]));
  for (const rel of snapshot.after.rels) {
    const current = now.get(refKey(rel));
    if (!current || !isDeepStrictEqual(current.props, rel.props))
      throw new MergeRefusedError(
        `Merge "${record.slug}" cannot be undone: its ${rel.type} ${rel.from} → ${rel.to}${rel.key ? ` (${rel.key})` : ''} ` +
          `was ${current ? 'changed' : 'removed'} since. Undoing would lose that change; nothing was changed.`,
        'merge',
      );
  }
  const collided = new Set(snapshot.keptRelsBefore.map(refKey));
  const undone: MergeRecord = { ...record, undoneBy, undoneAt };
  return {
    removeRels: [...snapshot.after.rels.filter((r) => !collided.has(refKey(r))), ...snapshot.conflicts.rels].map(ref),
    removeNodes: snapshot.conflicts.nodes.map((n) => ({ label: n.label, slug: n.slug })),
    putNodes: [snapshot.keptBefore, snapshot.merged.node, { label: 'Merge', slug: record.slug, props: recordProps(undone) }],
    putRels: [...snapshot.keptRelsBefore, ...snapshot.merged.rels],
  };
}
