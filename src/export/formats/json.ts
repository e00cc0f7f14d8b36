// Writes a JSON document whose node and edge arrays are streamed element by element, one element per line.
import type { ExportEdge, ExportGraph, ExportNode } from '../model.ts';

export interface JsonLayout {
  /** Everything before the node array, ending with the key that opens it, e.g. `{"nodes":`. */
  head: string;
  /** Between the node and the edge arrays, ending with the key that opens the edge array. */
  middle: string;
  tail: string;
}

async function* elements<T>(batches: AsyncIterable<T[]>, toJson: (item: T) => unknown): AsyncIterable<string> {
  let separator = '\n';
  for await (const batch of batches) {
    let chunk = '';
    for (const item of batch) {
      chunk += separator + JSON.stringify(toJson(item));
      separator = ',\n';
    }
    yield chunk;
  }
}

export async function* writeJsonArrays(
  graph: ExportGraph,
  layout: JsonLayout,
  node: (n: ExportNode) => unknown,
  edge: (e: ExportEdge) => unknown,
): AsyncIterable<string> {
  yield `${layout.head}[`;
  yield* elements(graph.nodes(), node);
  yield `\n]${layout.middle}[`;
  yield* elements(graph.edges(), edge);
  yield `\n]${layout.tail}\n`;
}
