// Node-link JSON, the shape networkx's node_link_graph (with edges="links") and D3's force layouts read.
import type { ExportGraph } from '../model.ts';
import { writeJsonArrays } from './json.ts';

export function writeNodeLink(graph: ExportGraph): AsyncIterable<string> {
  const head = {
    directed: graph.directed,
    multigraph: graph.multigraph,
    graph: { name: `liner-${graph.name}`, projection: graph.name },
  };
  return writeJsonArrays(
    graph,
    { head: `${JSON.stringify(head).slice(0, -1)},"nodes":`, middle: ',"links":', tail: '}' },
    (n) => ({ id: n.id, ...n.attributes }),
    // networkx keys a multigraph's parallel edges by `key`; the id is that key.
    (e) => ({ source: e.source, target: e.target, ...(graph.multigraph ? { key: e.id } : {}), id: e.id, ...e.attributes }),
  );
}
