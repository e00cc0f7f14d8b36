// The bulk path's files at scale: which CSV files need neo4j-admin's slower multi-line parsing, the folder read back
// for another import without the rows, and the bench's streamed JSON (a 10M-credit catalogue is longer than any string
// V8 can hold) written exactly as JSON.stringify would write it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/dataset/synthetic.ts';
import { writeJsonStreamed } from '../../bench/lib/json-stream.ts';
import { validateDataset } from '../../src/dataset/validate.ts';
import { datasetToRows, type GraphRows } from '../../src/graph/rows.ts';
import { readBulkFiles, writeBulkFiles } from '../../src/ingest/bulk/bulk-load.ts';
import { importArguments } from '../../src/ingest/bulk/neo4j-admin.ts';

const synthetic = (credits: number) => generateSynthetic({ credits, seed: 'bulk-files-test' });
const rowsOf = (credits: number): GraphRows => datasetToRows(validateDataset(synthetic(credits).dataset));

describe('bulk files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'liner-bulk-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('asks for multi-line parsing only when a field holds a line break, and says which file does', async () => {
    const rows = rowsOf(1000);
    const plain = await writeBulkFiles(rows, join(dir, 'plain'));
    expect(plain.files.every((f) => f.multiline === false)).toBe(true);
    expect(importArguments(plain.files)).toContain('--multiline-fields=false');

    const person = rows.nodes.find((n) => n.label === 'Person');
    if (!person) throw new Error('the synthetic catalogue has no person');
    person.props.name = 'Two\nlines';
    const withBreak = await writeBulkFiles(rows, join(dir, 'multiline'));
    const flagged = withBreak.files.filter((f) => f.multiline).map((f) => f.path);
    expect(flagged).toEqual([join(dir, 'multiline', 'nodes-Person.csv')]);
    expect(importArguments(withBreak.files)).toContain('--multiline-fields=true');
  });

  it('reads a written folder back as the same files and counts, to import again without the rows', async () => {
    const written = await writeBulkFiles(rowsOf(1000), dir);
    expect(written.relationships).toBeGreaterThanOrEqual(1000);
    expect(await readBulkFiles(dir)).toEqual(written);
  });

  it('refuses a folder whose counts.json lists no files, or names a file that is gone, saying which', async () => {
    const written = await writeBulkFiles(rowsOf(1000), dir);
    const counts = join(dir, 'counts.json');
    const gone = written.files[0]?.path as string;
    await rm(gone);
    await expect(readBulkFiles(dir)).rejects.toThrow(`${counts} names ${gone}, which is not there`);
    await writeFile(counts, JSON.stringify({ labelCounts: written.labelCounts, typeCounts: written.typeCounts }));
    await expect(readBulkFiles(dir)).rejects.toThrow(`${counts} does not list the CSV files`);
  });

  it('streams a dataset to the very text JSON.stringify gives, across chunk boundaries and empty lists', async () => {
    // 5000 credits: the credits list spans several of the writer's chunks.
    const { dataset } = synthetic(5000);
    const value = { ...dataset, extra: [], nothing: undefined, count: 3 } as unknown as Record<string, unknown>;
    const file = join(dir, 'dataset.json');
    const bytes = await writeJsonStreamed(file, value);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(JSON.stringify(value));
    expect(bytes).toBe(Buffer.byteLength(text));
  });
});
