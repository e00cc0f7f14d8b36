// CSV in neo4j-admin's import layout: a nodes file (:ID, :LABEL) and a relationships file (:START_ID, :END_ID, :TYPE).
import type { AttributeSpec, Attributes, AttributeType, ExportGraph } from '../model.ts';
import { textOf } from './values.ts';

// neo4j-admin's column types; `string[]` splits on `;`, its default array delimiter.
const NEO4J_TYPE: Record<AttributeType, string> = {
  string: '',
  int: ':int',
  double: ':double',
  boolean: ':boolean',
  'string[]': ':string[]',
};

/** RFC 4180 quoting; an empty string is quoted so neo4j-admin keeps it, where an empty field means "no property". */
function field(value: string): string {
  return value === '' || /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const line = (fields: string[]) => `${fields.join(',')}\n`;

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`) gets a leading `'`, as OWASP advises, so
 * it is shown as the text it is. Only text columns: a negative number stays a number for neo4j-admin.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// `type` is the label or relationship type, which has a column of its own, so it is not repeated as a property.
const propertyColumns = (specs: readonly AttributeSpec[]) => specs.filter((s) => s.name !== 'type');

function properties(specs: readonly AttributeSpec[], attributes: Attributes): string[] {
  return specs.map((s) => {
    const value = attributes[s.name];
    if (value === undefined) return '';
    const text = textOf(value);
    return field(s.type === 'string' || s.type === 'string[]' ? neutraliseFormula(text) : text);
  });
}

export async function* writeCsvNodes(graph: ExportGraph): AsyncIterable<string> {
  const columns = propertyColumns(graph.nodeAttributes);
  yield line([':ID', ':LABEL', ...columns.map((s) => field(s.name + NEO4J_TYPE[s.type]))]);
  for await (const batch of graph.nodes())
    yield batch.map((n) => line([field(n.id), field(String(n.attributes.type)), ...properties(columns, n.attributes)])).join('');
}

export async function* writeCsvRelationships(graph: ExportGraph): AsyncIterable<string> {
  const columns = propertyColumns(graph.edgeAttributes);
  yield line([':START_ID', ':END_ID', ':TYPE', ...columns.map((s) => field(s.name + NEO4J_TYPE[s.type]))]);
  for await (const batch of graph.edges())
    yield batch
      .map((e) =>
        line([field(e.source), field(e.target), field(String(e.attributes.type)), ...properties(columns, e.attributes)]),
      )
      .join('');
}
