// The bipartite projection: people and the works they are credited on, one undirected edge per credit, typed by role.

import type { GraphStreams } from '../graph/store.ts';
import { mapBatches } from './batches.ts';
import { creditGraph } from './credit-graph.ts';
import { roleAllowed } from './filters.ts';
import { EDGE_ATTRIBUTES, type ExportEdge, type ExportGraph, NODE_ATTRIBUTES } from './model.ts';
import { withinHops } from './neighborhood.ts';
import { nodeAttributes, nodeId } from './node-attributes.ts';
import type { ExportFilters } from './options.ts';

export async function bipartiteProjection(store: GraphStreams, filters: ExportFilters): Promise<ExportGraph> {
  const credits = await creditGraph(store, filters);
  const around = filters.person === undefined ? undefined : withinHops(credits, nodeId('Person', filters.person), filters.hops);
  // The credit graph already left out works outside the years and people without a credit in the roles.
  const inside = (id: string) => credits.hasNode(id) && (around === undefined || around.has(id));
  return {
    name: 'bipartite',
    directed: false,
    multigraph: true,
    nodeAttributes: Object.values(NODE_ATTRIBUTES),
    edgeAttributes: [EDGE_ATTRIBUTES.type, EDGE_ATTRIBUTES.role, EDGE_ATTRIBUTES.detail],
    nodes: () =>
      mapBatches(store.streamNodes(), (row) => {
        const id = nodeId(row.label, row.slug);
        return (row.label === 'Person' || row.label === 'Work') && inside(id)
          ? { id, attributes: nodeAttributes(row) }
          : undefined;
      }),
    async *edges() {
      // Credits are streamed again rather than kept, so only the credit graph's slugs stay in memory, not details.
      for await (const batch of store.streamRelationships()) {
        const out: ExportEdge[] = [];
        for (const rel of batch) {
          if (rel.type !== 'CREDITED' || !roleAllowed(filters, rel)) continue;
          const source = nodeId(rel.fromLabel, rel.from);
          const target = nodeId(rel.toLabel, rel.to);
          if (!inside(source) || !inside(target)) continue;
          const role = String(rel.props.role ?? rel.key);
          const detail = rel.props.detail;
          out.push({
            id: `${source}|${role}|${target}`,
            source,
            target,
            attributes: { type: role, role, detail: typeof detail === 'string' ? detail : undefined },
          });
        }
        if (out.length > 0) yield out;
      }
    },
  };
}
