// Liner's graph rows as neo4j-admin import CSV: the very nodes and relationships `Neo4jStore.load` would write, with
// `slug` and `key` as it writes them, one file per label and per (type, start label, end label).
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
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
 * citation markers) cannot be written as themselves: they go in as one-item lists of these control characters, which
 * no text holds, and `fixups` turns them back after the import (see bulk-load.ts).
 */
export const EMPTY_LIST = '\u0003';
export const ONE_EMPTY_STRING = '\u0002';

/** A list property some rows hold as `[]` or `[""]`, to be set right after the import. */
export interface ListFixup {
  /** A node label, or a relationship type. */
  on: { label: string } | { type: string };
  property: string;
}

/** One CSV file of the import and what neo4j-admin is told about it. */
export interface CsvFile {
  kind: 'nodes' | 'relationships';
  path: string;
  rows: number;
}

export interface StoreCsv {
  files: CsvFile[];
  fixups: ListFixup[];
  nodes: number;
  relationships: number;
  /** Rows per label and per relationship type, to check the imported database against. */
  labelCounts: Record<string, number>;
  typeCounts: Record<string, number>;
}

/** The last row for each key, as MERGE leaves a repeated row in one load: one node or relationship. */
function lastOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    last.delete(key);
    last.set(key, item);
  }
  return [...last.values()];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
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

/** A list that neo4j-admin would drop: its placeholder. */
function placeholder(value: readonly (string | number)[]): string | null {
  if (value.length === 0) return EMPTY_LIST;
  return value.length === 1 && value[0] === '' ? ONE_EMPTY_STRING : null;
}

function cell(value: PropValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return quoted(placeholder(value) ?? value.map(String).join(ARRAY_DELIMITER));
  return quoted(String(value));
}

/** The list columns of `propsList` holding a value `cell` writes as a placeholder; they must be string lists. */
function placeholderColumns(propsList: readonly Record<string, PropValue>[], columns: readonly Column[]): string[] {
  const found: string[] = [];
  for (const column of columns) {
    if (!column.type.endsWith('[]')) continue;
    const hit = propsList.some((props) => {
      const value = props[column.name];
      return Array.isArray(value) && placeholder(value) !== null;
    });
    if (!hit) continue;
    if (column.type !== 'string[]')
      throw new Error(`property "${column.name}": an empty ${column.type} list cannot be bulk-imported`);
    found.push(column.name);
  }
  return found;
}

const header = (column: Column) => quoted(`${column.name}:${column.type}`);

/** Write `lines` to `path`, waiting for the stream to drain so memory stays flat whatever the row count. */
async function writeLines(path: string, head: string, rows: number, lineAt: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r)));
  await write(`${head}\n`);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(lineAt(i));
    if (chunk.length === 4096) {
      await write(`${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) await write(`${chunk.join('\n')}\n`);
  out.end();
  await finished(out);
}

interface Written {
  file: CsvFile;
  fixups: ListFixup[];
}

async function writeNodes(dir: string, label: string, nodes: readonly NodeRow[]): Promise<Written> {
  const columns = columnsOf(
    nodes.map((n) => n.props),
    new Set(['slug']),
  );
  const path = join(dir, `nodes-${label}.csv`);
  const fixups = placeholderColumns(
    nodes.map((n) => n.props),
    columns,
  ).map((property) => ({ on: { label }, property }));
  // The ID group is the label: one slug may name a person and a work, as the per-label slug constraints allow.
  const head = [quoted(`slug:ID(${label})`), quoted(':LABEL'), ...columns.map(header)].join(',');
  await writeLines(path, head, nodes.length, (i) => {
    const node = nodes[i] as NodeRow;
    return [quoted(node.slug), label, ...columns.map((c) => cell(node.props[c.name]))].join(',');
  });
  return { file: { kind: 'nodes', path, rows: nodes.length }, fixups };
}

async function writeRelationships(dir: string, name: string, rels: readonly RelRow[]): Promise<Written> {
  const first = rels[0] as RelRow;
  const columns = columnsOf(
    rels.map((r) => r.props),
    new Set(['key']),
  );
  const path = join(dir, `relationships-${name}.csv`);
  const fixups = placeholderColumns(
    rels.map((r) => r.props),
    columns,
  ).map((property) => ({ on: { type: first.type }, property }));
  const head = [
    quoted(`:START_ID(${first.fromLabel})`),
    quoted(`:END_ID(${first.toLabel})`),
    quoted(':TYPE'),
    quoted('key:string'),
    ...columns.map(header),
  ].join(',');
  await writeLines(path, head, rels.length, (i) => {
    const rel = rels[i] as RelRow;
    return [quoted(rel.from), quoted(rel.to), rel.type, quoted(rel.key), ...columns.map((c) => cell(rel.props[c.name]))].join(
      ',',
    );
  });
  return { file: { kind: 'relationships', path, rows: rels.length }, fixups };
}

/** Write `rows` into `dir` as neo4j-admin import files; a repeated row is written once, its last version. */
export async function writeStoreCsv(rows: GraphRows, dir: string): Promise<StoreCsv> {
  await mkdir(dir, { recursive: true });
  const result: StoreCsv = { files: [], fixups: [], nodes: 0, relationships: 0, labelCounts: {}, typeCounts: {} };
  const nodes = lastOfEach(rows.nodes, (n) => `${n.label}|${n.slug}`);
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    const written = await writeNodes(dir, label, group);
    result.files.push(written.file);
    result.fixups.push(...written.fixups);
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
    const written = await writeRelationships(dir, name, group);
    result.files.push(written.file);
    // One type may span several files (one per pair of end labels); its fix-up runs once.
    for (const fixup of written.fixups)
      if (
        !result.fixups.some(
          (f) => 'type' in f.on && 'type' in fixup.on && f.on.type === fixup.on.type && f.property === fixup.property,
        )
      )
        result.fixups.push(fixup);
    const type = (group[0] as RelRow).type;
    result.typeCounts[type] = (result.typeCounts[type] ?? 0) + group.length;
    result.relationships += group.length;
  }
  return result;
}
