// The worker thread's task (run by piscina): scores for a compact graph, so the event loop never runs them.
import { computeScores, type MetricScores, type MetricsInput } from './metrics.ts';

export default function scoreGraph(input: MetricsInput): MetricScores {
  return computeScores(input);
}
