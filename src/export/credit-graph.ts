// The people–works graph of the credits that pass the filters: what the bipartite and collaboration projections come from.
import { UndirectedGraph } from 'graphology';
import type { GraphStreams } from '../graph/store.ts';
import { relationshipFilter, worksOutsideYears } from './filters.ts';
import { nodeId } from './node-attributes.ts';
import type { ExportFilters } from './options.ts';
import { createYielder } from './yielder.ts';

/**
 * One edge per person and work, whatever the number of roles: both projections need who is on which work, and
 * collaboration needs it grouped by work, which the relationship stream (ordered by person) cannot give without
 * holding it. Nodes are `Person:slug` and `Work:slug`; only people and works with a credit that passes are in it.
 */
export async function creditGraph(store: GraphStreams, filters: ExportFilters): Promise<UndirectedGraph> {
  const keep = relationshipFilter(filters, await worksOutsideYears(store, filters));
  const graph = new UndirectedGraph();
  // Seconds of work on a large catalogue: other requests get a turn between batches.
  const pause = createYielder();
  for await (const batch of store.streamRelationships()) {
    for (const rel of batch)
      if (rel.type === 'CREDITED' && keep(rel)) graph.mergeEdge(nodeId(rel.fromLabel, rel.from), nodeId(rel.toLabel, rel.to));
    await pause();
  }
  return graph;
}
