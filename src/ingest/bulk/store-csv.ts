// Liner's graph rows as neo4j-admin import CSV: the very nodes and relationships `Neo4jStore.load` would write, with
// `slug` and `key` as it writes them, appended to the files as they come, in memory that stays flat whatever their
// number (csv-parts.ts says how columns are found without a pass over all rows, row-index.ts how repeats are).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphRows, NodeRow, RelRow, RowSink } from '../../graph/rows.ts';
import { MissingNodeError } from '../../graph/store.ts';
import { type CsvFile, CsvParts } from './csv-parts.ts';
import { RowIndex } from './row-index.ts';

export { ARRAY_DELIMITER, type CsvFile } from './csv-parts.ts';

export interface StoreCsv {
  files: CsvFile[];
  nodes: number;
  relationships: number;
  /** Rows per label and per relationship type, to check the imported database against. */
  labelCounts: Record<string, number>;
  typeCounts: Record<string, number>;
}

/** Rows in hand, or a function that puts them into a sink as it reads them (a JSON Lines dataset, streamed). */
export type BulkRows = GraphRows | ((sink: RowSink) => Promise<void>);

/** The row index's scratch file, in the CSV folder: as large as the keys, so on the disk that has room for the CSV. */
const INDEX_FILE = '.liner-row-index.sqlite';

export interface CsvWriteOptions {
  /**
   * The rows come from a converter that makes each node and relationship once, its ends among them (a dump converted
   * straight to CSV): no index of every row to find repeats and missing ends, which took a third of the time of
   * writing a dataset's CSV. The count check after the import still compares every label and type.
   */
  once?: boolean;
}

/**
 * Writes rows as they come into `dir`. A row given again (a node of one label and slug, a relationship of one type,
 * ends and key) replaces the earlier one at `finish`, as for rows held whole, and is counted once; a relationship whose
 * end no node row names is refused there, before any import runs, with MissingNodeError.
 */
export class StoreCsvWriter implements RowSink {
  readonly #parts: CsvParts;
  readonly #index: RowIndex | undefined;
  readonly #csv: StoreCsv = { files: [], nodes: 0, relationships: 0, labelCounts: {}, typeCounts: {} };

  private constructor(dir: string, options: CsvWriteOptions) {
    this.#parts = new CsvParts(dir);
    this.#index = options.once ? undefined : new RowIndex(join(dir, INDEX_FILE));
  }

  static async open(dir: string, options: CsvWriteOptions = {}): Promise<StoreCsvWriter> {
    await mkdir(dir, { recursive: true });
    return new StoreCsvWriter(dir, options);
  }

  node(row: NodeRow): void {
    const place = this.#parts.node(row);
    this.#index?.node(row.label, row.slug, place);
    this.#csv.labelCounts[row.label] = (this.#csv.labelCounts[row.label] ?? 0) + 1;
    this.#csv.nodes++;
  }

  rel(row: RelRow): void {
    const name = `${row.type}-${row.fromLabel}-${row.toLabel}`;
    const place = this.#parts.rel(name, row);
    this.#index?.rel(name, row, place);
    this.#csv.typeCounts[row.type] = (this.#csv.typeCounts[row.type] ?? 0) + 1;
    this.#csv.relationships++;
  }

  /** Close the files, check every relationship's ends, take out replaced lines: the files and counts to import. */
  finish(): StoreCsv {
    const csv = this.#csv;
    try {
      this.#parts.close();
      if (this.#index === undefined) {
        csv.files = this.#parts.files();
        return csv;
      }
      this.#index.sort();
      const missing = this.#index.missingEnd();
      if (missing !== undefined) {
        const error = new MissingNodeError(missing.label, missing.slug);
        error.message += `, which ${missing.rel} names: its relationships cannot be imported`;
        throw error;
      }
      const dropped = this.#index.findDropped();
      for (const [label, n] of dropped.labels) {
        csv.labelCounts[label] = (csv.labelCounts[label] ?? 0) - n;
        csv.nodes -= n;
      }
      for (const [name, n] of dropped.groups) {
        const type = name.slice(0, name.indexOf('-'));
        csv.typeCounts[type] = (csv.typeCounts[type] ?? 0) - n;
        csv.relationships -= n;
      }
      for (const [part, n] of this.#index.partsWithDroppedLines())
        this.#parts.removeLines(part, n, this.#index.droppedLines(part));
      csv.files = this.#parts.files();
      return csv;
    } catch (error) {
      this.abort();
      throw error;
    } finally {
      this.#index?.close();
    }
  }

  /** Delete every file written: a failed write leaves nothing for neo4j-admin to import. */
  abort(): void {
    this.#parts.remove();
    this.#index?.close();
  }
}

/** Write `rows` into `dir` as neo4j-admin import files; a repeated row is written once, its last version. */
export async function writeStoreCsv(rows: BulkRows, dir: string, options: CsvWriteOptions = {}): Promise<StoreCsv> {
  const writer = await StoreCsvWriter.open(dir, options);
  try {
    if (typeof rows === 'function') await rows(writer);
    else {
      for (const node of rows.nodes) writer.node(node);
      for (const rel of rows.rels) writer.rel(rel);
    }
  } catch (error) {
    writer.abort();
    throw error;
  }
  return writer.finish();
}
