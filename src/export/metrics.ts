// Node metrics on request, from graphology's libraries: the projection is held in memory for them, then written from there.
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import { betweenness, pagerank } from 'graphology-metrics/centrality/index.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import seedrandom from 'seedrandom';
import { inBatches } from './batches.ts';
import type { AttributeSpec, Attributes, ExportEdge, ExportGraph, ExportNode } from './model.ts';
import type { MetricName } from './options.ts';

// The package's types declare an ES default export but it is CommonJS `module.exports = fn`, which only require sees as is.
const louvain = createRequire(import.meta.url)(
  'graphology-communities-louvain',
) as typeof import('graphology-communities-louvain')['default'];

type InMemoryGraph = MultiGraph<Attributes, Attributes>;

export const METRIC_ATTRIBUTES: Record<MetricName, AttributeSpec> = {
  degree: { name: 'degree', type: 'int' },
  weightedDegree: { name: 'weightedDegree', type: 'double' },
  pagerank: { name: 'pagerank', type: 'double' },
  betweenness: { name: 'betweenness', type: 'double' },
  community: { name: 'community', type: 'int' },
};

/**
 * PageRank as networkx computes it by default (alpha 0.85, weighted by `weight`, dangling mass spread evenly, scores
 * summing to 1), but converged far tighter than its tolerance of 1e-6, so both agree to well within 1e-6.
 */
export const PAGERANK_OPTIONS = { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000, getEdgeWeight: 'weight' } as const;

/** Louvain visits nodes in a random order; one fixed seed makes the communities the same on every run and store. */
export const LOUVAIN_SEED = 'liner';

type Scores = Record<string, number>;

function compute(graph: InMemoryGraph, metric: MetricName): Scores {
  switch (metric) {
    case 'degree':
      return Object.fromEntries(graph.mapNodes((node) => [node, graph.degree(node)]));
    case 'weightedDegree':
      return Object.fromEntries(graph.mapNodes((node) => [node, weightedDegree(graph, node, 'weight')]));
    case 'pagerank':
      return pagerank(graph, PAGERANK_OPTIONS);
    case 'betweenness':
      // Unweighted: a collaboration's weight is closeness, not distance, so shortest paths count hops.
      return betweenness(graph, { getEdgeWeight: null, normalized: true });
    case 'community':
      return louvain(graph, { getEdgeWeight: 'weight', rng: seedrandom(LOUVAIN_SEED) });
  }
}

/** The graph's edges get `weight` from the projection (collaboration) or count 1 each when it has none. */
async function inMemory(source: ExportGraph): Promise<InMemoryGraph> {
  // Multi even for the collaboration graph, which has no parallel edges: one kind of graph for every projection.
  const graph: InMemoryGraph = new MultiGraph({ type: source.directed ? 'directed' : 'undirected', allowSelfLoops: true });
  for await (const batch of source.nodes()) for (const node of batch) graph.addNode(node.id, node.attributes);
  for await (const batch of source.edges())
    for (const edge of batch) graph.addEdgeWithKey(edge.id, edge.source, edge.target, edge.attributes);
  return graph;
}

export async function withMetrics(source: ExportGraph, metrics: readonly MetricName[]): Promise<ExportGraph> {
  if (metrics.length === 0) return source;
  const graph = await inMemory(source);
  // On an empty graph PageRank cannot converge (it divides by the node count) and there is nothing to score anyway.
  const scores = graph.order === 0 ? [] : metrics.map((metric) => [metric, compute(graph, metric)] as const);
  function* nodes(): Iterable<ExportNode> {
    for (const { node, attributes } of graph.nodeEntries())
      yield { id: node, attributes: { ...attributes, ...Object.fromEntries(scores.map(([m, s]) => [m, s[node]])) } };
  }
  function* edges(): Iterable<ExportEdge> {
    for (const { edge, attributes, source, target } of graph.edgeEntries()) yield { id: edge, source, target, attributes };
  }
  return {
    ...source,
    nodeAttributes: [...source.nodeAttributes, ...metrics.map((m) => METRIC_ATTRIBUTES[m])],
    nodes: () => inBatches(nodes()),
    edges: () => inBatches(edges()),
  };
}
