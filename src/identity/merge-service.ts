// mergeNodes and splitNode above the port: read both neighbourhoods, plan the change (merge-plan.ts), apply it in one
// atomic store change. Merges and splits of one server run one at a time, so two cannot plan from the same rows; the
// change also carries the rows it was planned from, so a store shared by several servers refuses a stale plan.

import { slugify } from '../dataset/slug.ts';
import type { GraphReads, GraphWrites, IdentityReads } from '../graph/store.ts';

/** What merging and splitting need: nodes as stored with their relationships, and atomic row changes. */
type MergeStore = IdentityReads & GraphWrites & Pick<GraphReads, 'nodesBySlug'>;

import { type DescribeSource, documentName, sourcesOfProps } from './combine.ts';
import {
  MERGEABLE_LABELS,
  type MergeableLabel,
  type MergeRecord,
  MergeRefusedError,
  planMerge,
  planSplit,
  recordOf,
} from './merge-plan.ts';

/** A slug that names no node of the label; `otherLabel` is set when it names a node of another mergeable label. */
export class UnknownNodeError extends Error {
  override name = 'UnknownNodeError';
  readonly label: string;
  readonly slug: string;
  readonly argument: string;
  readonly otherLabel: string | null;
  constructor(label: string, slug: string, argument: string, otherLabel: string | null) {
    super(`no ${label} "${slug}"`);
    this.label = label;
    this.slug = slug;
    this.argument = argument;
    this.otherLabel = otherLabel;
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** Run merges and splits one after another: each plans from rows no other merge is changing. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export async function mergeNodes(
  store: MergeStore,
  label: MergeableLabel,
  keep: string,
  merge: string,
  by: string,
  now: Date = new Date(),
): Promise<MergeRecord> {
  if (keep === merge)
    throw new MergeRefusedError(`keep and merge are both "${keep}": a node cannot be merged into itself.`, 'merge');
  return serialised(async () => {
    const [kept, merged] = await store.neighbourhoods(label, [keep, merge]);
    if (!kept) throw await unknown(store, label, keep, 'keep');
    if (!merged) throw await unknown(store, label, merge, 'merge');
    const at = now.toISOString();
    const slug = slugify(`${label} ${merge} into ${keep} ${at}`);
    // Claims name the documents they cite, as at import ("Discogs: nationality United States").
    const cited = [...new Set([kept.node, merged.node].flatMap((n) => sourcesOfProps(n.props).map((s) => s.document)))];
    const documents = await store.nodesBySlug('Document', cited);
    const names = new Map(cited.map((d, i) => [d, documents[i] ? documentName(documents[i]) : d]));
    const describe: DescribeSource = (source) => names.get(source.document) || source.document;
    // Conflict slugs are stable (node, property, both values); one already there (an earlier merge) is numbered on.
    const first = planMerge(kept, merged, { slug, by, at }, new Set(), describe);
    const wanted = first.record.snapshot.conflicts.nodes.filter((n) => n.label === 'Conflict').map((n) => n.slug);
    const probes = wanted.flatMap((s) => [s, ...Array.from({ length: 8 }, (_, i) => `${s}-${i + 2}`)]);
    const found = probes.length === 0 ? [] : await store.nodesBySlug('Conflict', probes);
    const taken = new Set(probes.filter((_, i) => found[i] !== null));
    const { change, record } = taken.size === 0 ? first : planMerge(kept, merged, { slug, by, at }, taken, describe);
    // Applied only if both nodes are still as read: another server may be merging one of them right now.
    const expect = [
      { label, slug: keep, as: kept },
      { label, slug: merge, as: merged },
    ];
    await store.applyChange({ ...change, expect });
    return record;
  });
}

export async function splitNode(store: MergeStore, mergeSlug: string, by: string, now: Date = new Date()): Promise<MergeRecord> {
  return serialised(async () => {
    const [merge] = await store.neighbourhoods('Merge', [mergeSlug]);
    if (!merge) throw new UnknownNodeError('merge', mergeSlug, 'merge', null);
    const record = recordOf(merge.node);
    const [keepNow, mergedNow] = await store.neighbourhoods(record.label, [record.keep, record.merged]);
    const at = now.toISOString();
    const change = planSplit(record, keepNow ?? null, mergedNow !== null, by, at);
    // Applied only if the record and both nodes are still as read (a split on another server, a new merge).
    const expect = [
      { label: 'Merge' as const, slug: mergeSlug, as: merge },
      { label: record.label, slug: record.keep, as: keepNow ?? null },
      { label: record.label, slug: record.merged, as: mergedNow ?? null },
    ];
    await store.applyChange({ ...change, expect });
    return { ...record, undoneBy: by, undoneAt: at };
  });
}

/** Every merge record, latest first. */
export async function listMerges(store: MergeStore): Promise<MergeRecord[]> {
  const records = (await store.nodeRows('Merge')).map(recordOf);
  return records.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.slug < b.slug ? 1 : a.slug > b.slug ? -1 : 0));
}

export async function mergeRecord(store: MergeStore, slug: string): Promise<MergeRecord | null> {
  const [row] = await store.neighbourhoods('Merge', [slug]);
  return row ? recordOf(row.node) : null;
}

async function unknown(store: MergeStore, label: MergeableLabel, slug: string, argument: string) {
  const other = MERGEABLE_LABELS.find((l) => l !== label) as MergeableLabel;
  const [elsewhere] = await store.neighbourhoods(other, [slug]);
  return new UnknownNodeError(label, slug, argument, elsewhere ? other : null);
}
