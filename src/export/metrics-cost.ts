// How long export metrics would take, estimated from the graph's size before anything is computed.
import type { MetricName } from './options.ts';

/**
 * Work per metric in "edge visits": betweenness is Brandes' algorithm, a breadth-first search from every node
 * (nodes × edges on an unweighted graph); PageRank sweeps the edges until it converges to 1e-10 (about a hundred
 * sweeps on these graphs); Louvain makes a few passes; degrees read each edge once.
 */
const WORK: Record<MetricName, (nodes: number, edges: number) => number> = {
  betweenness: (n, e) => n * (n + e),
  pagerank: (n, e) => 100 * (n + e),
  community: (n, e) => 20 * (n + e),
  degree: (n, e) => n + e,
  weightedDegree: (n, e) => n + e,
};

/**
 * Edge visits per millisecond a worker manages (EXPORT_EDGE_VISITS_PER_MS), measured on the 10k and 30k synthetic
 * catalogues (bench/generate.ts) on a 2-core machine under load: betweenness of the 30k collaboration graph (8,435
 * people, 56,627 edges) took 77 s. Low on purpose: better refuse what might not finish than stop it at the deadline.
 */
export function estimateMetricsMs(nodes: number, edges: number, metrics: readonly MetricName[], visitsPerMs: number): number {
  const work = metrics.reduce((sum, metric) => sum + WORK[metric](nodes, edges), 0);
  return Math.ceil(work / visitsPerMs);
}
