// The person/hops filter: which nodes lie within a number of hops of one node, edge direction ignored.
import type { UndirectedGraph } from 'graphology';
import { undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted.js';

export function withinHops(graph: UndirectedGraph, start: string, hops: number): Set<string> {
  if (!graph.hasNode(start)) return new Set();
  const lengths = undirectedSingleSourceLength(graph, start);
  return new Set(Object.keys(lengths).filter((node) => (lengths[node] ?? Number.POSITIVE_INFINITY) <= hops));
}
