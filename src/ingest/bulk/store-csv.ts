// Liner's graph rows as neo4j-admin import CSV: the very nodes and relationships `Neo4jStore.load` would write, with
// `slug` and `key` as it writes them, one file per label and per (type, start label, end label).
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { groupBy, lastOfEach } from '../../graph/grouping.ts';
import type { GraphRows, NodeRow, PropValue, RelRow } from '../../graph/rows.ts';
import { MissingNodeError } from '../../graph/store.ts';

/**
 * Between the items of a list property. Quotes, names and document text hold every printable character, so the
 * separator is one they cannot: the ASCII unit separator, made for exactly this.
 */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

interface Column {
  name: string;
  type: ColumnType;
}

/**
 * neo4j-admin reads an empty list field as no property at all, so `[]` and `[""]` (a fact with one source and no
 * citation markers) cannot be written as themselves and are left out. Liner reads a missing list as that list
 * (records.ts, and the provenance lists in cypher/write), so the answers are the same as after an online load.
 */
const unwritable = (value: readonly (string | number)[]) => value.length === 0 || (value.length === 1 && value[0] === '');

/** One CSV file of the import and what neo4j-admin is told about it. */
export interface CsvFile {
  kind: 'nodes' | 'relationships';
  path: string;
  rows: number;
  /**
   * Whether a field spans lines (a quote or document text with a line break). neo4j-admin parses a file in parallel
   * chunks only when no field may, so the import asks for multi-line parsing only when some file needs it.
   */
  multiline?: boolean;
}

export interface StoreCsv {
  files: CsvFile[];
  nodes: number;
  relationships: number;
  /** Rows per label and per relationship type, to check the imported database against. */
  labelCounts: Record<string, number>;
  typeCounts: Record<string, number>;
}

function typeOf(value: PropValue): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (value.length === 0) return 'string[]';
  return typeof value[0] === 'string' ? 'string[]' : value.every((v) => Number.isInteger(v)) ? 'long[]' : 'double[]';
}

/**
 * One type per column, as neo4j-admin needs: a column holding whole and fractional numbers is `double` (the driver
 * sends a whole JS number as an integer, which reads back as the same JS number), and an empty list takes the type
 * of the column's other lists.
 */
function widen(a: ColumnType | undefined, b: ColumnType, empty: boolean): ColumnType {
  if (a === undefined || a === b) return b;
  if (empty) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  if ((a === 'long[]' && b === 'double[]') || (a === 'double[]' && b === 'long[]')) return 'double[]';
  if (a === 'string[]') return b; // a column that so far held only empty lists
  throw new Error(`property "${a}" and "${b}" values in one column cannot be bulk-imported`);
}

function columnsOf(propsList: readonly Record<string, PropValue>[], skip: ReadonlySet<string>): Column[] {
  const types = new Map<string, ColumnType>();
  for (const props of propsList)
    for (const [name, value] of Object.entries(props)) {
      if (skip.has(name) || value === undefined || value === null) continue;
      try {
        types.set(name, widen(types.get(name), typeOf(value), Array.isArray(value) && value.length === 0));
      } catch (error) {
        throw new Error(`property "${name}": ${(error as Error).message}`);
      }
    }
  return [...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, type]) => ({ name, type }));
}

/** RFC 4180 quoting. Every value is quoted: neo4j-admin reads an unquoted empty field as "no property". */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

function cell(value: PropValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return unwritable(value) ? '' : quoted(value.map(String).join(ARRAY_DELIMITER));
  return quoted(String(value));
}

const header = (column: Column) => quoted(`${column.name}:${column.type}`);

const LINE_BREAK = /[\r\n]/;

/**
 * Write `lines` to `path`, waiting for the stream to drain so memory stays flat whatever the row count. Says whether
 * any line held a line break inside a field (a row is one line otherwise).
 */
async function writeLines(path: string, head: string, rows: number, lineAt: (i: number) => string): Promise<boolean> {
  let multiline = false;
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r)));
  await write(`${head}\n`);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const line = lineAt(i);
    if (!multiline && LINE_BREAK.test(line)) multiline = true;
    chunk.push(line);
    if (chunk.length === 4096) {
      await write(`${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) await write(`${chunk.join('\n')}\n`);
  out.end();
  await finished(out);
  return multiline;
}

interface Written {
  file: CsvFile;
}

async function writeNodes(dir: string, label: string, nodes: readonly NodeRow[]): Promise<CsvFile> {
  const columns = columnsOf(
    nodes.map((n) => n.props),
    new Set(['slug']),
  );
  const path = join(dir, `nodes-${label}.csv`);
  // The ID group is the label: one slug may name a person and a work, as the per-label slug constraints allow.
  const head = [quoted(`slug:ID(${label})`), quoted(':LABEL'), ...columns.map(header)].join(',');
  const multiline = await writeLines(path, head, nodes.length, (i) => {
    const node = nodes[i] as NodeRow;
    return [quoted(node.slug), label, ...columns.map((c) => cell(node.props[c.name]))].join(',');
  });
  return { kind: 'nodes', path, rows: nodes.length, multiline };
}

async function writeRelationships(dir: string, name: string, rels: readonly RelRow[]): Promise<CsvFile> {
  const first = rels[0] as RelRow;
  const columns = columnsOf(
    rels.map((r) => r.props),
    new Set(['key']),
  );
  const path = join(dir, `relationships-${name}.csv`);
  const head = [
    quoted(`:START_ID(${first.fromLabel})`),
    quoted(`:END_ID(${first.toLabel})`),
    quoted(':TYPE'),
    quoted('key:string'),
    ...columns.map(header),
  ].join(',');
  const multiline = await writeLines(path, head, rels.length, (i) => {
    const rel = rels[i] as RelRow;
    return [quoted(rel.from), quoted(rel.to), rel.type, quoted(rel.key), ...columns.map((c) => cell(rel.props[c.name]))].join(
      ',',
    );
  });
  return { kind: 'relationships', path, rows: rels.length, multiline };
}

/** Write `rows` into `dir` as neo4j-admin import files; a repeated row is written once, its last version. */
export async function writeStoreCsv(rows: GraphRows, dir: string): Promise<StoreCsv> {
  await mkdir(dir, { recursive: true });
  const result: StoreCsv = { files: [], nodes: 0, relationships: 0, labelCounts: {}, typeCounts: {} };
  const nodes = lastOfEach(rows.nodes, (n) => `${n.label}|${n.slug}`);
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    result.files.push(await writeNodes(dir, label, group));
    result.labelCounts[label] = group.length;
    result.nodes += group.length;
  }
  // Checked before any file is written, as `load` refuses a relationship to a missing node before writing anything.
  const present = new Set(nodes.map((n) => `${n.label}|${n.slug}`));
  for (const rel of rows.rels) {
    if (!present.has(`${rel.fromLabel}|${rel.from}`)) throw new MissingNodeError(rel.fromLabel, rel.from);
    if (!present.has(`${rel.toLabel}|${rel.to}`)) throw new MissingNodeError(rel.toLabel, rel.to);
  }
  const rels = lastOfEach(rows.rels, (r) => `${r.type}|${r.fromLabel}|${r.from}|${r.toLabel}|${r.to}|${r.key}`);
  for (const [name, group] of groupBy(rels, (r) => `${r.type}-${r.fromLabel}-${r.toLabel}`)) {
    result.files.push(await writeRelationships(dir, name, group));
    const type = (group[0] as RelRow).type;
    result.typeCounts[type] = (result.typeCounts[type] ?? 0) + group.length;
    result.relationships += group.length;
  }
  return result;
}
