// Test helpers for the bulk import's CSV: the rows a folder holds, read back whatever its parts and column order, and
// datasets written as JSON Lines beside the documents they quote.
import { appendFile, cp, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Dataset } from '../src/dataset/format.ts';
import type { StoreCsv } from '../src/ingest/bulk/store-csv.ts';
import { writeDatasetFile } from '../src/ingest/write-dataset.ts';
import { SEED_FILE } from './helpers.ts';

/** RFC 4180 as store-csv writes it: every value quoted or bare, fields may span lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

/**
 * Every row of the files a folder's counts.json lists, as one canonical string each: the header's names without their
 * types and ID groups, empty fields (no property) left out, in name order. Two folders holding the same graph give the
 * same sorted list, however their rows are split into parts.
 */
export async function csvRows(csv: StoreCsv): Promise<string[]> {
  const out: string[] = [];
  for (const file of csv.files) {
    const [head, ...rows] = parseCsv(await readFile(file.path, 'utf8'));
    // `slug:ID(Person)` is `slug`, `year:long` is `year`; `:START_ID(Person)` and `:LABEL` name no property.
    const names = (head as string[]).map((h) => (h.startsWith(':') ? h.replace(/\(.*\)$/, '') : h.slice(0, h.indexOf(':'))));
    for (const row of rows) {
      const fields = names.flatMap((name, i) => (row[i] === '' ? [] : [[name, row[i]] as const]));
      out.push(JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    }
  }
  return out.sort();
}

/** The seed's documents folder beside `file`: a dataset reads its documents' paths from its own folder. */
export async function withSeedDocuments(file: string): Promise<string> {
  await cp(join(dirname(SEED_FILE), 'sources'), join(dirname(file), 'sources'), { recursive: true });
  return file;
}

/** `dataset` as JSON Lines in `file`, the way `--out x.ndjson` writes it; lines of `extra` appended after. */
export async function writeLines(file: string, dataset: Dataset, extra: string[] = []): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  await writeDatasetFile(file, dataset);
  if (extra.length > 0) {
    await appendFile(file, `${extra.join('\n')}\n`);
  }
  return file;
}
