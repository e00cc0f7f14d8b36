// Cytoscape JSON (.cyjs): Cytoscape.js `elements` with every attribute under `data`, as Cytoscape desktop imports it.
import type { ExportGraph } from '../model.ts';
import { writeJsonArrays } from './json.ts';

export function writeCytoscape(graph: ExportGraph): AsyncIterable<string> {
  const data = { name: `liner-${graph.name}`, projection: graph.name, directed: graph.directed, multigraph: graph.multigraph };
  return writeJsonArrays(
    graph,
    {
      // format_version and generated_by are what Cytoscape desktop writes in its own .cyjs files.
      head: `{"format_version":"1.0","generated_by":"liner","data":${JSON.stringify(data)},"elements":{"nodes":`,
      middle: ',"edges":',
      tail: '}}',
    },
    (n) => ({ data: { id: n.id, ...n.attributes } }),
    (e) => ({ data: { id: e.id, source: e.source, target: e.target, ...e.attributes } }),
  );
}
