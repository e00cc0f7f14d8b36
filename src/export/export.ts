// One export from request to text: the projection, its metrics if asked for, and the chosen format's chunks.
import type { GraphReads, GraphStreams } from '../graph/store.ts';
import { FORMATS } from './formats/index.ts';
import { computeInProcess, type MetricsRunner, withMetrics } from './metrics.ts';
import type { ExportGraph } from './model.ts';
import type { ExportOptions } from './options.ts';
import { project } from './projection.ts';

export interface PreparedExport {
  graph: ExportGraph;
  /** The download's file name, e.g. `liner-collaboration.gexf` or `liner-full-thom-russo-2-hops-nodes.csv`. */
  filename: string;
  contentType: string;
  /** The file's text, produced as it is read; reading it twice runs the export twice. */
  chunks(): AsyncIterable<string>;
}

/**
 * A name that tells downloads apart: the projection, then every filter and metric asked for, in a fixed order
 * (`liner-collaboration-thom-russo-2-hops-mixer-producer-1990-1999-pagerank-community.gexf`), so two different
 * exports saved with `curl -OJ` never collide.
 */
export function exportBaseName(options: ExportOptions): string {
  const parts = [`liner-${options.projection}`];
  if (options.person !== undefined) parts.push(options.person, `${options.hops}-hops`);
  if (options.roles !== undefined && options.roles.size > 0)
    parts.push(...[...options.roles].sort().map((role) => role.toLowerCase().replace(/_/g, '-')));
  if (options.yearFrom !== undefined || options.yearTo !== undefined)
    parts.push(`${options.yearFrom ?? 'start'}-${options.yearTo ?? 'end'}`);
  parts.push(...options.metrics.map((metric) => metric.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  return parts.join('-');
}

/**
 * Everything that can fail because of the request (an unknown person) fails here, before any byte is written, so
 * an HTTP answer can still be a 404. Metrics are computed here too: they need the whole projection in memory.
 */
export async function prepareExport(
  store: GraphStreams & Pick<GraphReads, 'nodesBySlug'>,
  options: ExportOptions,
  metrics: MetricsRunner = { compute: computeInProcess },
): Promise<PreparedExport> {
  const format = FORMATS[options.format];
  const projected = await project(store, options.projection, options);
  const graph = await withMetrics(projected, options.metrics, metrics);
  return {
    graph,
    filename: exportBaseName(options) + format.suffix,
    contentType: format.contentType,
    chunks: () => format.write(graph),
  };
}

export interface ExportCounts {
  nodes: number;
  edges: number;
}

/** The same graph, counting what the format reads from it: the CLI's summary line. */
export function counted(graph: ExportGraph): { graph: ExportGraph; counts: ExportCounts } {
  const counts: ExportCounts = { nodes: 0, edges: 0 };
  async function* tally<T>(batches: AsyncIterable<T[]>, key: keyof ExportCounts) {
    for await (const batch of batches) {
      counts[key] += batch.length;
      yield batch;
    }
  }
  return {
    graph: { ...graph, nodes: () => tally(graph.nodes(), 'nodes'), edges: () => tally(graph.edges(), 'edges') },
    counts,
  };
}
