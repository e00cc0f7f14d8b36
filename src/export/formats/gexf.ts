// GEXF 1.3, Gephi's own format: declared attributes, nodes with a label, edges with Gephi's native weight and kind.
import type { AttributeSpec, Attributes, AttributeType, ExportGraph } from '../model.ts';
import { textOf } from './values.ts';
import { escapeXml } from './xml.ts';

// GEXF's list types are written differently by each tool; lists are written as text (see values.ts) instead.
const GEXF_TYPE: Record<AttributeType, string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string',
};

/** GEXF gives edges a `weight` of their own, which Gephi and networkx read; it is not repeated as an attribute. */
const NATIVE_EDGE_ATTRIBUTES = new Set(['weight']);

/**
 * Attribute ids are numbers, counted across nodes and edges as networkx does: graphology's reader names an attribute
 * by its title only when the id is a number, and Gephi tells columns apart by id, so no id can collide with a reserved one.
 */
function declarations(domain: 'node' | 'edge', specs: readonly AttributeSpec[], firstId: number): string {
  const lines = specs.map((s, i) => `      <attribute id="${firstId + i}" title="${s.name}" type="${GEXF_TYPE[s.type]}"/>\n`);
  return `    <attributes class="${domain}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(specs: readonly AttributeSpec[], attributes: Attributes, firstId: number): string {
  let out = '';
  specs.forEach((spec, i) => {
    const value = attributes[spec.name];
    if (value !== undefined) out += `<attvalue for="${firstId + i}" value="${escapeXml(textOf(value))}"/>`;
  });
  return out === '' ? '' : `<attvalues>${out}</attvalues>`;
}

export async function* writeGexf(graph: ExportGraph): AsyncIterable<string> {
  const edgeSpecs = graph.edgeAttributes.filter((s) => !NATIVE_EDGE_ATTRIBUTES.has(s.name));
  const firstEdgeId = graph.nodeAttributes.length;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta><creator>Liner</creator><description>${escapeXml(graph.name)} projection</description></meta>\n` +
    `  <graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}" mode="static">\n` +
    declarations('node', graph.nodeAttributes, 0) +
    declarations('edge', edgeSpecs, firstEdgeId) +
    '    <nodes>\n';
  for await (const batch of graph.nodes())
    yield batch
      .map((n) => {
        const label = typeof n.attributes.name === 'string' ? n.attributes.name : n.id;
        return `      <node id="${escapeXml(n.id)}" label="${escapeXml(label)}">${attvalues(graph.nodeAttributes, n.attributes, 0)}</node>\n`;
      })
      .join('');
  yield '    </nodes>\n    <edges>\n';
  for await (const batch of graph.edges())
    yield batch
      .map((e) => {
        const { type, role, weight } = e.attributes;
        // Gephi keeps parallel edges apart only when their kinds differ: a person's credits on one work differ by role.
        const kind = typeof role === 'string' && role !== type ? `${type}:${role}` : String(type);
        return (
          `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" ` +
          `label="${escapeXml(String(type))}"${graph.multigraph ? ` kind="${escapeXml(kind)}"` : ''}` +
          `${typeof weight === 'number' ? ` weight="${weight}"` : ''}>${attvalues(edgeSpecs, e.attributes, firstEdgeId)}</edge>\n`
        );
      })
      .join('');
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
