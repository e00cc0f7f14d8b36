// GraphML, as networkx, Gephi, yEd, Cytoscape and graphology read it: typed <key>s, then nodes, then edges.
import type { AttributeSpec, Attributes, AttributeType, ExportGraph } from '../model.ts';
import { textOf } from './values.ts';
import { escapeXml } from './xml.ts';

// GraphML has no list type; lists are written as text (see values.ts).
const GRAPHML_TYPE: Record<AttributeType, string> = {
  string: 'string',
  int: 'int',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string',
};

const key = (spec: AttributeSpec, domain: 'node' | 'edge') =>
  `  <key id="${domain[0]}_${spec.name}" for="${domain}" attr.name="${spec.name}" attr.type="${GRAPHML_TYPE[spec.type]}"/>\n`;

function data(specs: readonly AttributeSpec[], attributes: Attributes, domain: 'node' | 'edge'): string {
  let out = '';
  for (const spec of specs) {
    const value = attributes[spec.name];
    if (value !== undefined) out += `<data key="${domain[0]}_${spec.name}">${escapeXml(textOf(value))}</data>`;
  }
  return out;
}

export async function* writeGraphml(graph: ExportGraph): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    graph.nodeAttributes.map((spec) => key(spec, 'node')).join('') +
    graph.edgeAttributes.map((spec) => key(spec, 'edge')).join('') +
    `  <graph id="${escapeXml(graph.name)}" edgedefault="${graph.directed ? 'directed' : 'undirected'}">\n`;
  for await (const batch of graph.nodes())
    yield batch
      .map((n) => `    <node id="${escapeXml(n.id)}">${data(graph.nodeAttributes, n.attributes, 'node')}</node>\n`)
      .join('');
  for await (const batch of graph.edges())
    yield batch
      .map(
        (e) =>
          `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
          `${data(graph.edgeAttributes, e.attributes, 'edge')}</edge>\n`,
      )
      .join('');
  yield '  </graph>\n</graphml>\n';
}
