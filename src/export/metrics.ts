// Node metrics on request, from graphology's libraries: the projection is held in memory for them, then written from
// there. The computation itself runs on a compact copy (node indexes and typed edge columns), so the server can hand
// it to a worker thread cheaply (src/export/metrics-pool.ts) while the CLI runs it in-process.
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import { betweenness, pagerank } from 'graphology-metrics/centrality/index.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import seedrandom from 'seedrandom';
import { inBatches } from './batches.ts';
import type { AttributeSpec, Attributes, ExportEdge, ExportGraph, ExportNode } from './model.ts';
import type { MetricName } from './options.ts';
import { createYielder } from './yielder.ts';

// The package's types declare an ES default export but it is CommonJS `module.exports = fn`, which only require sees as is.
const louvain = createRequire(import.meta.url)(
  'graphology-communities-louvain',
) as typeof import('graphology-communities-louvain')['default'];

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

/**
 * A graph as the metrics need it and nothing more: nodes are 0..order-1 in the projection's order, edges are three
 * columns. Typed arrays move to a worker without copying (a transfer list), where strings and objects would be cloned.
 */
export interface MetricsInput {
  directed: boolean;
  order: number;
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
  metrics: readonly MetricName[];
}

/** Each metric's score per node index. */
export type MetricScores = Partial<Record<MetricName, Float64Array>>;

/** How the scores get computed: in this thread (the CLI) or in a worker pool (the server). */
export type ComputeMetrics = (input: MetricsInput) => Promise<MetricScores>;

type InMemoryGraph = MultiGraph<Attributes, { weight: number }>;

function scoresOf(graph: InMemoryGraph, metric: MetricName): Record<string, number> {
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

/** The scores, synchronously: nodes and edges are added in the projection's order, so results match run to run. */
export function computeScores(input: MetricsInput): MetricScores {
  // Multi even for the collaboration graph, which has no parallel edges: one kind of graph for every projection.
  const graph: InMemoryGraph = new MultiGraph({ type: input.directed ? 'directed' : 'undirected', allowSelfLoops: true });
  for (let node = 0; node < input.order; node++) graph.addNode(String(node));
  for (let edge = 0; edge < input.sources.length; edge++)
    graph.addEdge(String(input.sources[edge]), String(input.targets[edge]), { weight: input.weights[edge] as number });
  const scores: MetricScores = {};
  // On an empty graph PageRank cannot converge (it divides by the node count) and there is nothing to score anyway.
  if (input.order === 0) return scores;
  for (const metric of input.metrics) {
    const byKey = scoresOf(graph, metric);
    const column = new Float64Array(input.order);
    for (let node = 0; node < input.order; node++) column[node] = byKey[String(node)] as number;
    scores[metric] = column;
  }
  return scores;
}

export const computeInProcess: ComputeMetrics = async (input) => computeScores(input);

/** The projection held in memory: its nodes and edges as read, and the compact copy the metrics run on. */
export interface HeldGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
  input: MetricsInput;
}

/** Reads the whole projection, giving the event loop a turn now and then: a large one takes seconds to read. */
export async function holdGraph(source: ExportGraph, metrics: readonly MetricName[], signal?: AbortSignal): Promise<HeldGraph> {
  const pause = createYielder();
  const nodes: ExportNode[] = [];
  const index = new Map<string, number>();
  for await (const batch of source.nodes()) {
    for (const node of batch) {
      index.set(node.id, nodes.length);
      nodes.push(node);
    }
    signal?.throwIfAborted();
    await pause();
  }
  const edges: ExportEdge[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for await (const batch of source.edges()) {
    for (const edge of batch) {
      const from = index.get(edge.source);
      const to = index.get(edge.target);
      if (from === undefined || to === undefined) throw new Error(`edge ${edge.id} joins a node the projection lacks`);
      edges.push(edge);
      sources.push(from);
      targets.push(to);
      // graphology reads a missing weight as 1.
      weights.push(typeof edge.attributes.weight === 'number' ? edge.attributes.weight : 1);
    }
    signal?.throwIfAborted();
    await pause();
  }
  return {
    nodes,
    edges,
    input: {
      directed: source.directed,
      order: nodes.length,
      sources: Uint32Array.from(sources),
      targets: Uint32Array.from(targets),
      weights: Float64Array.from(weights),
      metrics,
    },
  };
}

/** Where metrics are computed (the CLI: here; the server: a worker pool), a check that may refuse them first, and
 * the signal that stops reading the projection (the request's deadline). */
export interface MetricsRunner {
  compute: ComputeMetrics;
  check?: (held: HeldGraph) => void;
  signal?: AbortSignal;
}

/** The same graph with each node's scores as attributes. */
export async function withMetrics(
  source: ExportGraph,
  metrics: readonly MetricName[],
  runner: MetricsRunner = { compute: computeInProcess },
): Promise<ExportGraph> {
  if (metrics.length === 0) return source;
  const held = await holdGraph(source, metrics, runner.signal);
  runner.check?.(held);
  const scores = await runner.compute(held.input);
  const scored = Object.entries(scores) as [MetricName, Float64Array][];
  function* nodes(): Iterable<ExportNode> {
    for (const [i, node] of held.nodes.entries())
      yield { id: node.id, attributes: { ...node.attributes, ...Object.fromEntries(scored.map(([m, s]) => [m, s[i]])) } };
  }
  return {
    ...source,
    nodeAttributes: [...source.nodeAttributes, ...metrics.map((m) => METRIC_ATTRIBUTES[m])],
    nodes: () => inBatches(nodes()),
    edges: () => inBatches(held.edges),
  };
}
