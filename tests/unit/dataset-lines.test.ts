// Issue 25, finding 3: the dataset as JSON Lines (docs/dataset-format.md), written streamed and read line by line,
// is the same dataset as its JSON form, and keeps every bound a dataset file read from elsewhere is held to.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/dataset/synthetic.ts';
import { HEADER_LINE } from '../../src/dataset/dataset-lines.ts';
import {
  DatasetLineRefusedError,
  DocumentPathRefusedError,
  InvalidDatasetError,
  readDatasetFile,
  validateDataset,
} from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { loadDatasetFile } from '../../src/ingest/pipeline.ts';
import { writeDatasetFile } from '../../src/ingest/write-dataset.ts';
import { INPUT_LIMITS } from '../../src/input-limits.ts';
import { allRows, graphqlClient, SEED_FILE } from '../helpers.ts';
import { mountTmpfs, tmpfsAvailable } from '../tmpfs.ts';

const IMPORT = fileURLToPath(new URL('../../src/cli/import.ts', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

/** A folder holding the seed's documents, so a dataset written into it reads them as the seed does. */
async function folderWithSources(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'liner-lines-'));
  await cp(join(DATA, 'sources'), join(dir, 'sources'), { recursive: true });
  return dir;
}

/** A JSON Lines file of the header and these entries, one a line; answers its path. */
async function linesFile(entries: object[], name = 'data.ndjson'): Promise<string> {
  const dir = await folderWithSources();
  const file = join(dir, name);
  await writeFile(file, `${[HEADER_LINE, ...entries.map((e) => JSON.stringify(e))].join('\n')}\n`);
  return file;
}

const source = { document: 'note', quote: 'stated' };
const DOCUMENT = { documents: { slug: 'note', title: 'Note', text: 'all of it stated here' } };
const PERSON = { people: { slug: 'ana', name: 'Ana', sources: [source] } };
const WORK = { works: { slug: 'song', title: 'Song', kind: 'SONG', sources: [source] } };

/** Every node and relationship a store holds, in one order whatever order they were loaded in. */
async function sortedRows(store: MemoryStore) {
  const { nodes, rels } = await allRows(store);
  const key = (row: unknown) => JSON.stringify(row);
  return { nodes: nodes.map(key).sort(), rels: rels.map(key).sort() };
}

describe('a dataset as JSON Lines', () => {
  it('round-trips the seed: .ndjson and .jsonl.gz read back as the .json, and load to the same store answers', async () => {
    const seed = await readDatasetFile(SEED_FILE);
    const dir = await folderWithSources();
    const asJson = join(dir, 'seed.json');
    await writeDatasetFile(asJson, seed);
    const fromJson = await readDatasetFile(asJson);
    for (const name of ['seed.ndjson', 'seed.jsonl.gz']) {
      const file = join(dir, name);
      await writeDatasetFile(file, seed);
      expect(await readDatasetFile(file)).toEqual(fromJson);
    }
    // One entry a line after the header: nothing is written as one document.
    const text = await readFile(join(dir, 'seed.ndjson'), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER_LINE);
    expect(lines).toHaveLength(1 + Object.values(seed).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0));

    const fromLines = new MemoryStore();
    const fromDocument = new MemoryStore();
    await loadDatasetFile(fromLines, join(dir, 'seed.ndjson'));
    await loadDatasetFile(fromDocument, asJson);
    expect(await sortedRows(fromLines)).toEqual(await sortedRows(fromDocument));
    const query = /* GraphQL */ `{ person(slug: "thom-russo") { name credits(first: 50) { edges { node { role work { title } } } } } }`;
    const answer = await graphqlClient(fromLines)(query);
    expect(answer.errors).toBeUndefined();
    expect(answer).toEqual(await graphqlClient(fromDocument)(query));
  });

  it('refuses a bad entry naming FILE:LINE and the rule, with the JSON form’s message, and the CLI writes nothing', async () => {
    const file = await linesFile([DOCUMENT, PERSON, { people: { slug: 'bea', name: '', sources: [source] } }, WORK]);
    const error = (await readDatasetFile(file).catch((e: unknown) => e)) as InvalidDatasetError;
    expect(error).toBeInstanceOf(InvalidDatasetError);
    expect(error.message).toContain(`${file}:4: people[1].name: `);
    // The same entry in a JSON dataset is refused with the same message, by its place alone.
    const asJson = validateDataset.bind(null, {
      format: 'liner-dataset',
      version: 1,
      documents: [DOCUMENT.documents],
      people: [PERSON.people, { slug: 'bea', name: '', sources: [source] }],
    });
    const message = (error.problems[0] as { message: string }).message;
    expect(asJson).toThrow(`people[1].name: ${message}`);

    const dataDir = join(file, '..', 'store');
    const run = spawnSync(process.execPath, [IMPORT, file], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${file}:4: people[1].name: `);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('names the line of an entry whose reference or slug is wrong, found only once all lines are read', async () => {
    const file = await linesFile([
      DOCUMENT,
      PERSON,
      WORK,
      { credits: { person: 'ana', work: 'sonng', role: 'PRODUCER', sources: [source] } },
      { people: { slug: 'ana', name: 'Ana', sources: [source] } },
    ]);
    const error = (await readDatasetFile(file).catch((e: unknown) => e)) as InvalidDatasetError;
    expect(error.message).toContain(`${file}:5: credits[0].work: unknown work "sonng"`);
    // A slug named twice is refused, as in the JSON form: the writer states each entry once (docs/dataset-format.md).
    expect(error.message).toContain(`${file}:6: people[1].slug: duplicate slug "ana" (also people[0])`);
  });

  it('refuses a file without the header, a line that is not one entry, and a line past the limit, each in one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-lines-'));
    const noHeader = join(dir, 'no-header.ndjson');
    await writeFile(noHeader, `${JSON.stringify(PERSON)}\n`);
    await expect(readDatasetFile(noHeader)).rejects.toThrow(`${noHeader}:1: the first line must be the header ${HEADER_LINE}`);

    const twoSections = await linesFile([DOCUMENT, { ...PERSON, ...WORK }]);
    await expect(readDatasetFile(twoSections)).rejects.toThrow(`${twoSections}:3: a line is one entry as {"<section>": {…}}`);

    const long = join(dir, 'long.ndjson');
    await writeFile(long, `${HEADER_LINE}\n{"people":{"slug":"ana","name":"`);
    await writeFile(long, Buffer.alloc(INPUT_LIMITS.datasetLineBytes, 0x61), { flag: 'a' });
    const error = (await readDatasetFile(long).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetLineRefusedError);
    expect(error.message).toBe(
      `${long}:2: longer than a dataset line may be, 64 MiB (INPUT_LIMITS.datasetLineBytes in src/input-limits.ts): refused unread`,
    );
  });

  it('reads documents only from inside the dataset’s folder, naming the line', async () => {
    const file = await linesFile([{ documents: { slug: 'note', title: 'Note', path: '../outside.txt' } }, PERSON]);
    await writeFile(join(file, '..', '..', 'outside.txt'), 'stated');
    const error = (await readDatasetFile(file).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DocumentPathRefusedError);
    expect(error.message).toMatch(
      new RegExp(`^${file}:2: documents\\[0\\]\\.path of "note": "\\.\\./outside\\.txt" refused: it leads out of`),
    );
  });

  it('leaves no file when the folder it is written into is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-lines-'));
    await rm(dir, { recursive: true });
    await expect(writeDatasetFile(join(dir, 'x.ndjson'), await readDatasetFile(SEED_FILE))).rejects.toThrow(/ENOENT/);
    expect(existsSync(dir)).toBe(false);
  });

  const tmpfs = tmpfsAvailable();
  it.skipIf(tmpfs !== true)('leaves no file when the disk fills half-way through the write', async () => {
    const mounted = mountTmpfs('1m');
    if (typeof mounted === 'string') throw new Error(mounted);
    try {
      // Some 5 MB of lines: a 1 MiB file system fills part of the way through.
      const { dataset } = generateSynthetic({ credits: 20_000, seed: 'lines-full' });
      const target = join(mounted.dir, 'out');
      await mkdir(target);
      await expect(writeDatasetFile(join(target, 'big.ndjson'), validateDataset(dataset))).rejects.toThrow(/ENOSPC/);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      mounted.unmount();
    }
  });
});
