// The full projection: every node and relationship, typed and directed, streamed straight from the store.

import { UndirectedGraph } from 'graphology';
import type { RelRow } from '../graph/rows.ts';
import type { GraphStreams } from '../graph/store.ts';
import { mapBatches } from './batches.ts';
import { relationshipFilter, worksOutsideYears } from './filters.ts';
import { EDGE_ATTRIBUTES, type ExportEdge, type ExportGraph, NODE_ATTRIBUTES } from './model.ts';
import { withinHops } from './neighborhood.ts';
import { nodeAttributes, nodeId } from './node-attributes.ts';
import type { ExportFilters } from './options.ts';

/** Only the person filter needs the graph's shape, so only then are the relationships held (as node ids). */
async function neighborhood(store: GraphStreams, keep: (rel: RelRow) => boolean, person: string, hops: number) {
  const graph = new UndirectedGraph();
  const start = nodeId('Person', person);
  graph.mergeNode(start);
  for await (const batch of store.streamRelationships())
    for (const rel of batch) if (keep(rel)) graph.mergeEdge(nodeId(rel.fromLabel, rel.from), nodeId(rel.toLabel, rel.to));
  return withinHops(graph, start, hops);
}

export async function fullProjection(store: GraphStreams, filters: ExportFilters): Promise<ExportGraph> {
  const outside = await worksOutsideYears(store, filters);
  const keep = relationshipFilter(filters, outside);
  const around = filters.person === undefined ? undefined : await neighborhood(store, keep, filters.person, filters.hops);
  const inside = (id: string) => around === undefined || around.has(id);
  return {
    name: 'full',
    directed: true,
    multigraph: true,
    nodeAttributes: Object.values(NODE_ATTRIBUTES),
    edgeAttributes: [EDGE_ATTRIBUTES.type, EDGE_ATTRIBUTES.role, EDGE_ATTRIBUTES.detail],
    nodes: () =>
      mapBatches(store.streamNodes(), (row) => {
        const id = nodeId(row.label, row.slug);
        // Merge records are the audit trail of hand merges (mergeNodes), not facts of the graph.
        return row.label === 'Merge' || (row.label === 'Work' && outside.has(row.slug)) || !inside(id)
          ? undefined
          : { id, attributes: nodeAttributes(row) };
      }),
    async *edges() {
      // Parallel relationships of one type arrive one after another (the stream is ordered by type, ends, key), so a
      // running count names them `…|2`, `…|3` without remembering earlier edges; filtered ones count too, so an
      // edge's id is the same whatever the filters.
      let previous = '';
      let parallel = 0;
      for await (const batch of store.streamRelationships()) {
        const out: ExportEdge[] = [];
        for (const rel of batch) {
          const source = nodeId(rel.fromLabel, rel.from);
          const target = nodeId(rel.toLabel, rel.to);
          const base = `${source}|${rel.type}|${target}`;
          parallel = base === previous ? parallel + 1 : 1;
          previous = base;
          if (!keep(rel) || !inside(source) || !inside(target)) continue;
          const { role, detail } = rel.props;
          out.push({
            id: parallel === 1 ? base : `${base}|${parallel}`,
            source,
            target,
            attributes: {
              type: rel.type,
              role: typeof role === 'string' ? role : undefined,
              detail: typeof detail === 'string' ? detail : undefined,
            },
          });
        }
        if (out.length > 0) yield out;
      }
    },
  };
}
