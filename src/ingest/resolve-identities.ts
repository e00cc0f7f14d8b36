// Identity across sources, before a load: an incoming node carrying an identifier that already names a node — in
// the store, or earlier in the same batch — is that node. Its slug is remapped to the kept one in every row, its
// values are combined with the kept node's (src/identity/combine.ts), and relationships both sources state keep
// the union of their sources. Nothing is ever merged by name: only a shared identifier makes two nodes one.
import type { IdentifierScheme } from '../dataset/format.ts';
import type { GraphRows, NodeLabel, NodeRow, Props, RelRow } from '../graph/rows.ts';
import type { GraphReads, IdentifiedNode, IdentityReads, RelRef, StoreLifecycle } from '../graph/store.ts';

/** What resolution reads: identifiers and relationships as stored, nodes by slug, and whether the store is empty. */
export type ResolutionReads = IdentityReads & Pick<GraphReads, 'nodesBySlug'> & Pick<StoreLifecycle, 'isEmpty'>;

import { combineNode, combineRelProps, type DescribeSource, documentName } from '../identity/combine.ts';

/** An incoming node's identifiers point at two different nodes: which one it is cannot be told, so nothing loads. */
export class IdentityConflictError extends Error {
  override name = 'IdentityConflictError';
}

export interface ResolvedRows extends GraphRows {
  /** Incoming nodes found to be a node already in the store or earlier in the batch. */
  merged: number;
  /** Conflict nodes the combination recorded (values two sources state differently). */
  conflicts: number;
}

/** How claims name a source: the catalogue for catalogue pages, the title otherwise. */
const nodeKey = (label: NodeLabel, slug: string) => `${label}\u0000${slug}`;
const relKey = (r: RelRef) => `${r.type}\u0000${r.fromLabel}\u0000${r.from}\u0000${r.toLabel}\u0000${r.to}\u0000${r.key}`;
const shown = (key: string) => key.replace('\u0000', ':');

/** Union-find over node keys: nodes sharing an identifier end in one set, its root the first of them seen. */
class Groups {
  private readonly parent = new Map<string, string>();
  private readonly order = new Map<string, number>();
  add(key: string, order: number): void {
    if (!this.parent.has(key)) {
      this.parent.set(key, key);
      this.order.set(key, order);
    }
  }
  root(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Path compression keeps chains of a million merges flat.
    for (let at = key; at !== root; ) {
      const next = this.parent.get(at) as string;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra === rb) return;
    // The earlier node is the root: "whichever was imported first" keeps its slug.
    if ((this.order.get(ra) as number) <= (this.order.get(rb) as number)) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
  keys(): IterableIterator<string> {
    return this.parent.keys();
  }
}

export async function resolveIdentities(store: ResolutionReads, rows: GraphRows): Promise<ResolvedRows> {
  // Most loads carry no identifier at all (the seed, most datasets): nothing to resolve, no index of every row.
  if (!rows.rels.some((rel) => rel.type === 'IDENTIFIES')) return { ...rows, merged: 0, conflicts: 0 };
  const firstRow = new Map<string, number>();
  rows.nodes.forEach((n, i) => {
    const key = nodeKey(n.label, n.slug);
    if (!firstRow.has(key)) firstRow.set(key, i);
  });
  const identifierOf = new Map<string, { scheme: IdentifierScheme; value: string }>();
  for (const n of rows.nodes)
    if (n.label === 'Identifier')
      identifierOf.set(n.slug, { scheme: n.props.scheme as IdentifierScheme, value: String(n.props.value) });

  // Nodes sharing an identifier within the batch are one.
  const groups = new Groups();
  const namedBy = new Map<string, string>(); // identifier slug → first subject key
  let shared = false;
  for (const rel of rows.rels) {
    if (rel.type !== 'IDENTIFIES') continue;
    const subject = nodeKey(rel.toLabel, rel.to);
    groups.add(subject, firstRow.get(subject) ?? rows.nodes.length);
    const earlier = namedBy.get(rel.from);
    if (earlier === undefined) namedBy.set(rel.from, subject);
    else if (earlier !== subject) {
      if (earlier.split('\u0000')[0] !== rel.toLabel)
        throw new IdentityConflictError(
          `identifier "${rel.from}" is given to ${shown(earlier)} and to ${shown(subject)}: one identifier names one node, of one label`,
        );
      groups.union(earlier, subject);
      shared = true;
    }
  }
  if (namedBy.size === 0) return { ...rows, merged: 0, conflicts: 0 };

  // …and one with the node the store already has under any of those identifiers.
  const existingBySubject = new Map<string, { node: IdentifiedNode; identifier: string }>();
  const existingIdentifier = new Map<string, Props>();
  if (!(await store.isEmpty())) {
    const slugs = [...namedBy.keys()].filter((slug) => identifierOf.has(slug));
    const found = await store.nodesByIdentifiers(
      slugs.map((slug) => identifierOf.get(slug) as { scheme: IdentifierScheme; value: string }),
    );
    found.forEach((node, i) => {
      if (node === null) return;
      const identifier = slugs[i] as string;
      existingIdentifier.set(identifier, node.identifierProps);
      const subject = namedBy.get(identifier) as string;
      const root = groups.root(subject);
      const label = subject.split('\u0000')[0];
      if (label !== node.label)
        throw new IdentityConflictError(
          `identifier "${identifier}" of incoming ${shown(subject)} already names ${node.label}:${node.slug}: one identifier names one node, of one label`,
        );
      const before = existingBySubject.get(root);
      if (before && before.node.slug !== node.slug)
        throw new IdentityConflictError(
          `incoming ${shown(subject)} is ${before.node.label}:${before.node.slug} by identifier "${before.identifier}" and ${node.label}:${node.slug} by identifier "${identifier}": merge those two first, or correct the identifiers`,
        );
      existingBySubject.set(root, { node, identifier });
    });
  }

  // Nothing is anything else (a first import, or new nodes only): the rows load as they are.
  if (!shared && existingIdentifier.size === 0) return { ...rows, merged: 0, conflicts: 0 };

  // Where each identified node goes: the store's node, or the first of its batch group.
  const target = new Map<string, string>(); // node key → kept slug
  let merged = 0;
  for (const key of groups.keys()) {
    const root = groups.root(key);
    const kept = existingBySubject.get(root)?.node.slug ?? (root.split('\u0000')[1] as string);
    target.set(key, kept);
    if (key !== root || existingBySubject.has(root)) merged++;
  }
  const remap = (label: NodeLabel, slug: string) => target.get(nodeKey(label, slug)) ?? slug;

  // Statements of one node, in order: the store's first, then the batch's.
  const statements = new Map<string, NodeRow[]>();
  const nodes: (NodeRow | string)[] = [];
  for (const row of rows.nodes) {
    const key = nodeKey(row.label, row.slug);
    const identified = target.has(key) || (row.label === 'Identifier' && namedBy.has(row.slug));
    if (!identified) {
      nodes.push(row);
      continue;
    }
    const slug = remap(row.label, row.slug);
    const keptKey = nodeKey(row.label, slug);
    let list = statements.get(keptKey);
    if (list === undefined) {
      list = [];
      const stored =
        row.label === 'Identifier' ? existingIdentifier.get(slug) : existingBySubject.get(groups.root(key))?.node.props;
      if (stored !== undefined) list.push({ label: row.label, slug, props: stored });
      statements.set(keptKey, list);
      nodes.push(keptKey);
    }
    list.push(slug === row.slug ? row : { ...row, slug });
  }

  // Claims name their sources. A stored document a claim cites is looked up once the claims are known (they are
  // rare), and only the nodes whose claims cite one are combined again.
  const names = new Map<string, string>();
  const nameOf = (props: Props) =>
    documentName({ kind: typeof props.kind === 'string' ? props.kind : null, title: String(props.title ?? '') });
  for (const n of rows.nodes) if (n.label === 'Document') names.set(n.slug, nameOf(n.props));
  const unknown = new Set<string>();
  const describe: DescribeSource = (source) => {
    const name = names.get(source.document);
    if (name === undefined) unknown.add(source.document);
    return name || source.document;
  };
  const fold = (list: NodeRow[]) => {
    let kept = list[0] as NodeRow;
    const conflicts: GraphRows = { nodes: [], rels: [] };
    for (let i = 1; i < list.length; i++) {
      const step = combineNode(kept, list[i] as NodeRow, describe);
      kept = { ...kept, props: step.props };
      conflicts.nodes.push(...step.conflicts.nodes);
      conflicts.rels.push(...step.conflicts.rels);
    }
    return { kept, conflicts };
  };
  const combined = new Map<string, { kept: NodeRow; conflicts: GraphRows }>();
  const again: string[] = [];
  for (const [key, list] of statements) {
    const before = unknown.size;
    combined.set(key, fold(list));
    if (unknown.size > before) again.push(key);
  }
  if (unknown.size > 0) {
    const slugs = [...unknown];
    const documents = await store.nodesBySlug('Document', slugs);
    slugs.forEach((slug, i) => {
      const d = documents[i];
      if (d) names.set(slug, documentName(d));
    });
    for (const key of again) combined.set(key, fold(statements.get(key) as NodeRow[]));
  }
  const conflictRows: GraphRows = { nodes: [], rels: [] };
  for (const { conflicts } of combined.values()) {
    conflictRows.nodes.push(...conflicts.nodes);
    conflictRows.rels.push(...conflicts.rels);
  }

  // Relationships: remapped ends, one row per relationship with the union of its sources, the stored one's first.
  const touchesStored = (label: NodeLabel, slug: string) =>
    label === 'Identifier' ? existingIdentifier.has(slug) : existingBySubject.has(groups.root(nodeKey(label, slug)));
  const rels = new Map<string, RelRow>();
  const plain: RelRow[] = [];
  const toCheck: RelRow[] = [];
  for (const rel of [...rows.rels, ...conflictRows.rels]) {
    const from = remap(rel.fromLabel, rel.from);
    const to = remap(rel.toLabel, rel.to);
    const moved = from === rel.from && to === rel.to ? rel : { ...rel, from, to };
    if (!target.has(nodeKey(rel.fromLabel, rel.from)) && !target.has(nodeKey(rel.toLabel, rel.to)) && rel.type !== 'IDENTIFIES') {
      plain.push(moved);
      continue;
    }
    const key = relKey(moved);
    const earlier = rels.get(key);
    if (earlier) rels.set(key, { ...earlier, props: combineRelProps(earlier.props, moved.props) });
    else {
      rels.set(key, moved);
      if (touchesStored(rel.fromLabel, rel.from) || touchesStored(rel.toLabel, rel.to)) toCheck.push(moved);
    }
  }
  if (toCheck.length > 0) {
    const stored = await store.relationshipProps(toCheck);
    toCheck.forEach((rel, i) => {
      const props = stored[i];
      if (props == null) return;
      const key = relKey(rel);
      rels.set(key, { ...rel, props: combineRelProps(props, (rels.get(key) as RelRow).props) });
    });
  }

  // Conflict rows: one per slug (the same difference found twice is one conflict).
  const conflictNodes = new Map<string, NodeRow>();
  for (const n of conflictRows.nodes)
    if (!conflictNodes.has(nodeKey(n.label, n.slug))) conflictNodes.set(nodeKey(n.label, n.slug), n);
  return {
    nodes: [...nodes.map((n) => (typeof n === 'string' ? (combined.get(n)?.kept as NodeRow) : n)), ...conflictNodes.values()],
    rels: [...plain, ...rels.values()],
    merged,
    conflicts: [...conflictNodes.values()].filter((n) => n.label === 'Conflict').length,
  };
}
