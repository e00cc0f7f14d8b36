// neo4j-admin CSV written a row at a time: a group of files per label and per (type, start label, end label), each
// file a part with its own header.
//
// Why parts: a file's header must name its columns before its first row, and the columns a label needs are known only
// after its last row. The writer before this one held every row to find them (8.7 GB at 10M credits). Fixing them
// from the row vocabulary (stored-props.ts) would not hold for rows from the embedded store (merges, what mutations
// wrote) nor say whether a number column is whole. neo4j-admin takes any number of files for one label or type, each
// its own `--nodes=`/`--relationships=` group with its own header, in one ID space per label: so a row bringing a
// column (or a wider type: long to double) that the current part lacks starts a new part, whose columns are all those
// seen so far in the group. A group has at most as many parts as it has columns and widenings.
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRow, Props, PropValue, RelRow } from '../../graph/rows.ts';
import type { LinePlace } from './row-index.ts';

/**
 * Between the items of a list property. Quotes, names and document text hold every printable character, so the
 * separator is one they cannot: the ASCII unit separator, made for exactly this.
 */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

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

/**
 * neo4j-admin reads an empty list field as no property at all, so `[]` and `[""]` (a fact with one source and no
 * citation markers) cannot be written as themselves and are left out. Liner reads a missing list as that list
 * (records.ts, and the provenance lists in cypher/write), so the answers are the same as after an online load.
 */
const unwritable = (value: readonly (string | number)[]) => value.length === 0 || (value.length === 1 && value[0] === '');

/** The column type a value needs, or undefined for a value written as no property (nothing, or an unwritable list). */
function typeOf(value: PropValue | undefined | null): ColumnType | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (unwritable(value)) return undefined;
  return typeof value[0] === 'string' ? 'string[]' : value.every((v) => Number.isInteger(v)) ? 'long[]' : 'double[]';
}

/**
 * The type of a column holding both, or undefined when one column cannot: a column of whole and fractional numbers is
 * `double` (the driver sends a whole JS number as an integer, which reads back as the same JS number).
 */
function wider(column: ColumnType, value: ColumnType): ColumnType | undefined {
  if (column === value) return column;
  if ((column === 'long' && value === 'double') || (column === 'double' && value === 'long')) return 'double';
  if ((column === 'long[]' && value === 'double[]') || (column === 'double[]' && value === 'long[]')) return 'double[]';
  return undefined;
}

/** RFC 4180 quoting. Every value is quoted: neo4j-admin reads an unquoted empty field as "no property". */
const quoted = (text: string) => (text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`);

function cell(value: PropValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return unwritable(value) ? '' : quoted(value.map(String).join(ARRAY_DELIMITER));
  return quoted(String(value));
}

const LINE_BREAK = /[\r\n]/;
/** Lines a part holds before they are written: a few hundred kB per open part, whatever the row count. */
const FLUSH_BYTES = 1 << 18;

interface Part {
  /** Its place in CsvParts' list: the number the row index names it by. */
  index: number;
  file: CsvFile;
  fd: number;
  /** Column names in header order (sorted), and their types. */
  names: string[];
  types: Map<string, ColumnType>;
  bytes: number;
  pending: string[];
  pendingBytes: number;
}

interface Group {
  kind: CsvFile['kind'];
  /** `Person`, or `CREDITED-Person-Work`: the file names' middle. */
  name: string;
  /** The header's first fields, before the property columns. */
  keys: string[];
  /** The property the key fields already write (a node's `slug`, a relationship's `key`). */
  skip: string;
  current: Part | undefined;
  /** Every column seen in the group, with the widest type: a new part's columns. */
  seen: Map<string, ColumnType>;
  parts: number;
}

/** Every part file of one import folder, by number (the row index names a line by part number and bytes). */
export class CsvParts {
  readonly #dir: string;
  readonly #parts: Part[] = [];
  readonly #groups = new Map<string, Group>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Append a node's line; where it went. */
  node(row: NodeRow): LinePlace {
    let group = this.#groups.get(row.label);
    if (group === undefined) {
      // The ID group is the label: one slug may name a person and a work, as the per-label slug constraints allow.
      group = this.#group('nodes', row.label, [quoted(`slug:ID(${row.label})`), quoted(':LABEL')], 'slug');
    }
    const part = this.#partFor(group, row.props);
    return this.#append(part, [quoted(row.slug), row.label, ...part.names.map((n) => cell(row.props[n]))].join(','));
  }

  /** Append a relationship's line into the group `name` (`TYPE-FromLabel-ToLabel`); where it went. */
  rel(name: string, row: RelRow): LinePlace {
    let group = this.#groups.get(name);
    if (group === undefined) {
      const keys = [
        quoted(`:START_ID(${row.fromLabel})`),
        quoted(`:END_ID(${row.toLabel})`),
        quoted(':TYPE'),
        quoted('key:string'),
      ];
      group = this.#group('relationships', name, keys, 'key');
    }
    const part = this.#partFor(group, row.props);
    const cells = part.names.map((n) => cell(row.props[n]));
    return this.#append(part, [quoted(row.from), quoted(row.to), row.type, quoted(row.key), ...cells].join(','));
  }

  /** Write what is held and close every file. */
  close(): void {
    for (const part of this.#parts) {
      if (part.fd < 0) continue;
      this.#flush(part);
      closeSync(part.fd);
      part.fd = -1;
    }
  }

  /** Rewrite a closed part without `count` lines, given as byte ranges in file order: rows replaced later. */
  removeLines(part: number, count: number, ranges: Iterable<{ start: number; length: number }>): void {
    const { file } = this.#parts[part] as Part;
    const path = file.path;
    const temporary = `${path}.tmp`;
    const input = openSync(path, 'r');
    const output = openSync(temporary, 'w');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let at = 0;
    const copyTo = (end: number) => {
      while (at < end) {
        const read = readSync(input, buffer, 0, Math.min(buffer.length, end - at), at);
        if (read === 0) throw new Error(`${path} ended at byte ${at}, before ${end}`);
        writeSync(output, buffer, 0, read);
        at += read;
      }
    };
    try {
      for (const { start, length } of ranges) {
        copyTo(start);
        at = start + length;
      }
      copyTo(statSync(path).size);
    } finally {
      closeSync(input);
      closeSync(output);
    }
    renameSync(temporary, path);
    file.rows -= count;
  }

  /** The files for neo4j-admin, nodes first; a part whose every row was replaced later is deleted, not listed. */
  files(): CsvFile[] {
    const kept = this.#parts.filter((p) => p.file.rows > 0).map((p) => p.file);
    for (const part of this.#parts) if (part.file.rows === 0) rmSync(part.file.path, { force: true });
    return [...kept.filter((f) => f.kind === 'nodes'), ...kept.filter((f) => f.kind === 'relationships')];
  }

  /** Close and delete every file: nothing half-written is left for neo4j-admin. */
  remove(): void {
    for (const part of this.#parts) {
      if (part.fd >= 0) closeSync(part.fd);
      part.fd = -1;
      rmSync(part.file.path, { force: true });
      rmSync(`${part.file.path}.tmp`, { force: true });
    }
  }

  #group(kind: Group['kind'], name: string, keys: string[], skip: string): Group {
    const group: Group = { kind, name, keys, skip, current: undefined, seen: new Map(), parts: 0 };
    this.#groups.set(name, group);
    return group;
  }

  /** The group's current part when it has every column `props` needs, else a new part with them all. */
  #partFor(group: Group, props: Props): Part {
    const current = group.current;
    if (current !== undefined && fits(current.types, props, group.skip)) return current;
    for (const name in props) {
      const type = name === group.skip ? undefined : typeOf(props[name]);
      if (type === undefined) continue;
      const before = group.seen.get(name);
      const column = before === undefined ? type : wider(before, type);
      if (column === undefined)
        throw new Error(`property "${name}": "${before}" and "${type}" values in one column cannot be bulk-imported`);
      group.seen.set(name, column);
    }
    group.parts++;
    const names = [...group.seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const suffix = group.parts === 1 ? '' : `-${group.parts}`;
    const path = join(this.#dir, `${group.kind}-${group.name}${suffix}.csv`);
    const part: Part = {
      index: this.#parts.length,
      file: { kind: group.kind, path, rows: 0, multiline: false },
      fd: openSync(path, 'w'),
      names,
      types: new Map(group.seen),
      bytes: 0,
      pending: [],
      pendingBytes: 0,
    };
    const head = `${[...group.keys, ...names.map((n) => quoted(`${n}:${part.types.get(n)}`))].join(',')}\n`;
    writeSync(part.fd, head);
    part.bytes = Buffer.byteLength(head);
    this.#parts.push(part);
    group.current = part;
    return part;
  }

  #append(part: Part, line: string): LinePlace {
    if (!part.file.multiline && LINE_BREAK.test(line)) part.file.multiline = true;
    const length = Buffer.byteLength(line) + 1;
    const place = { part: part.index, start: part.bytes, length };
    part.pending.push(line);
    part.bytes += length;
    part.pendingBytes += length;
    part.file.rows++;
    if (part.pendingBytes >= FLUSH_BYTES) this.#flush(part);
    return place;
  }

  #flush(part: Part): void {
    if (part.pending.length === 0) return;
    writeSync(part.fd, `${part.pending.join('\n')}\n`);
    part.pending.length = 0;
    part.pendingBytes = 0;
  }
}

/** Whether columns of these types hold every written value of `props`. */
function fits(types: ReadonlyMap<string, ColumnType>, props: Props, skip: string): boolean {
  for (const name in props) {
    if (name === skip) continue;
    const type = typeOf(props[name]);
    if (type === undefined) continue;
    const column = types.get(name);
    if (column !== type && (column === undefined || wider(column, type) !== column)) return false;
  }
  return true;
}
