import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentRefusal, readDocumentText } from '../../src/dataset/read-document.ts';
import { InvalidDatasetError, readDatasetFile, validateDataset } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { datasetToRows } from '../../src/graph/rows.ts';
import { loadDatasetFile } from '../../src/ingest/pipeline.ts';
import { INPUT_LIMITS } from '../../src/input-limits.ts';
import { ARTICLE_FILE, SEED_FILE, seed } from '../helpers.ts';

const article = readFileSync(ARTICLE_FILE, 'utf8');

describe('the seed dataset', () => {
  it('is the article in shared/seed, copied unchanged', () => {
    const shared = new URL('../../../shared/seed/000_a0c78eceb491d37e.txt', import.meta.url);
    if (!existsSync(shared)) return; // a clone without shared/ beside it has only the copy
    expect(article).toBe(readFileSync(shared, 'utf8'));
  });

  it('gives every node and relationship at least one source, each quoting the article verbatim or marked as inferred', async () => {
    const rows = await seed();
    const all = [...rows.nodes.filter((n) => n.label !== 'Document'), ...rows.rels];
    expect(all.length).toBeGreaterThan(300);
    for (const item of all) {
      const documents = item.props.sourceDocuments as string[];
      const quotes = item.props.sourceQuotes as string[];
      expect(quotes.length, JSON.stringify(item).slice(0, 120)).toBeGreaterThan(0);
      quotes.forEach((quote, i) => {
        if (documents[i] === 'thom-russo-article') expect(article.includes(quote), quote).toBe(true);
        else {
          // docs/dataset-format.md, "Inferred facts": the only other document is the editors' inference, which says so.
          expect(documents[i]).toBe('liner-editorial-inference');
          expect(quote).toContain('general knowledge');
        }
      });
    }
  });

  it('cites only markers the article has', async () => {
    const rows = await seed();
    for (const item of [...rows.nodes, ...rows.rels])
      for (const citations of (item.props.sourceCitations as string[] | undefined) ?? [])
        for (const c of citations.split(',').filter(Boolean)) expect(article).toContain(`[${c}]`);
  });

  it('answers the questions the article answers', async () => {
    const dataset = await readDatasetFile(SEED_FILE);
    const credit = (person: string, work: string) =>
      dataset.credits
        .filter((c) => c.person === person && c.work === work)
        .map((c) => c.role)
        .sort();
    expect(credit('thom-russo', 'dangerous')).toContain('ASSISTANT_ENGINEER');
    expect(credit('michael-jackson', 'dangerous')).toEqual(['PRIMARY_ARTIST']);
    expect(credit('rick-rubin', 'audioslave')).toContain('PRODUCER');
    expect(dataset.memberships).toContainEqual(expect.objectContaining({ person: 'chris-cornell', group: 'audioslave' }));
    expect(dataset.conflicts.length).toBeGreaterThanOrEqual(5);
  });

  it('loads the same graph twice without changing it', async () => {
    const store = new MemoryStore();
    const rows = await seed();
    const first = await store.load(rows);
    const counts = await store.counts();
    const second = await store.load(rows);
    expect(first.nodesCreated).toBe(rows.nodes.length);
    expect(first.relationshipsCreated).toBe(rows.rels.length);
    expect(second).toEqual({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
    expect(await store.counts()).toEqual(counts);
  });
});

describe('a bad dataset file', () => {
  type Entry = Record<string, unknown>;
  type Raw = { credits: Entry[]; works: Entry[]; people: { sources: Entry[] }[] };
  async function writeVariant(change: (data: Raw) => void): Promise<string> {
    const data = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
    const dir = await mkdtemp(join(tmpdir(), 'liner-dataset-'));
    // Beside the file: a dataset reads its documents from its own folder only.
    await copyFile(ARTICLE_FILE, join(dir, 'thom-russo.txt'));
    data.documents[0].path = 'thom-russo.txt';
    change(data);
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(data));
    return file;
  }

  it('is rejected with every problem located, and the store is left as it was', async () => {
    const file = await writeVariant((data) => {
      (data.credits[12] as Entry).work = 'dangerus';
      (data.works[3] as Entry).kind = 'OPERA';
      data.credits.push(data.credits[0] as Entry);
    });
    const store = new MemoryStore();
    await store.load(await seed());
    const before = await store.counts();
    const error = await loadDatasetFile(store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDatasetError);
    // Shape errors are reported before reference errors: the kind is caught first.
    expect((error as InvalidDatasetError).message).toMatch(/works\[3\]\.kind: Invalid option/);
    expect(await store.counts()).toEqual(before);
  });

  it('names unknown references, duplicates and misquotes with their place in the file', async () => {
    const file = await writeVariant((data) => {
      (data.credits[12] as Entry).work = 'dangerus';
      const person = data.people[0] as { sources: Entry[] };
      person.sources = [{ ...person.sources[0], quote: 'words the article never says' }];
      data.credits.push(data.credits[0] as Entry);
    });
    const error = (await readDatasetFile(file).catch((e: unknown) => e)) as InvalidDatasetError;
    const problems = error.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toContain('credits[12].work: unknown work "dangerus"');
    expect(problems.some((p) => p.startsWith('people[0].sources[0].quote: not found verbatim'))).toBe(true);
    expect(
      problems.some((p) =>
        p.startsWith(`credits[${(JSON.parse(readFileSync(file, 'utf8')).credits.length as number) - 1}]: duplicate`),
      ),
    ).toBe(true);
  });

  it('reports a duplicate credit only where there is one, also when a slug is listed twice', () => {
    const source = [{ document: 'doc', quote: 'q' }];
    const dataset = {
      format: 'liner-dataset',
      version: 1,
      documents: [{ slug: 'doc', title: 'Doc' }],
      people: ['ann', 'bob'].map((slug) => ({ slug, name: slug, sources: source })),
      works: ['x', 'x', 'y'].map((slug) => ({ slug, title: slug, kind: 'SONG', sources: source })),
      credits: [
        { person: 'ann', work: 'y', role: 'PRODUCER', sources: source },
        { person: 'bob', work: 'x', role: 'PRODUCER', sources: source },
      ],
    };
    const error = (() => {
      try {
        validateDataset(dataset);
      } catch (e) {
        return e as InvalidDatasetError;
      }
    })();
    const problems = error?.problems.map((p) => `${p.path}: ${p.message}`) ?? [];
    expect(problems.some((p) => p.startsWith('works[1]'))).toBe(true);
    expect(problems.filter((p) => p.includes('duplicate of credits'))).toEqual([]);
  });

  it('that is not JSON says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-dataset-'));
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "format": ');
    await expect(readDatasetFile(file)).rejects.toThrow(/\(file\): /);
  });

  it('turns into exactly the rows both stores load', async () => {
    const rows = datasetToRows(await readDatasetFile(SEED_FILE));
    expect(new Set(rows.nodes.map((n) => `${n.label}:${n.slug}`)).size).toBe(rows.nodes.length);
  });
});

// Issue 24, finding 2 (the CLI and HTTP side is tests/import/dataset-documents.test.ts): what a document path may read.
describe('readDocumentText', () => {
  it('refuses a file of /proc even from a folder holding it, and a document larger than the limit', async () => {
    const refusal = await readDocumentText('/', 'proc/self/environ').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DocumentRefusal);
    expect((refusal as Error).message).toMatch(/^\/proc\/\d+\/environ is a file of \/proc, not a document$/);
    const dir = await mkdtemp(join(tmpdir(), 'liner-document-'));
    await writeFile(join(dir, 'big.txt'), Buffer.alloc(INPUT_LIMITS.documentBytes + 1, 0x61));
    await expect(readDocumentText(dir, 'big.txt')).rejects.toThrow(
      /larger than a document may be, 16 MiB \(INPUT_LIMITS\.documentBytes/,
    );
    await writeFile(join(dir, 'fits.txt'), 'Thom Russo, engineer');
    expect(await readDocumentText(dir, './fits.txt')).toBe('Thom Russo, engineer');
  });
});

describe('the catalogue model', () => {
  it('ranks every role, the article roles in their old order', async () => {
    const { ROLES } = await import('../../src/dataset/format.ts');
    const { ROLE_RANK } = await import('../../src/graph/store.ts');
    const ranks = ROLES.map((role) => ROLE_RANK[role]);
    expect(ranks.every((rank) => Number.isInteger(rank))).toBe(true);
    expect(new Set(ranks).size).toBe(ROLES.length);
    // The article's thirteen roles come first in ROLES; credits already listed keep their order.
    const article = ROLES.slice(0, 13).map((role) => ROLE_RANK[role]);
    expect(article).toEqual([...article].sort((a, b) => a - b));
  });

  it('refuses an identifier that names two entries, and one that is not of its scheme, saying where', () => {
    const doc = { slug: 'mb', title: 'MusicBrainz' };
    const source = [{ document: 'mb', quote: 'x' }];
    const mbid = { scheme: 'MUSICBRAINZ', value: 'f6596571-9ce2-4d79-8e92-fa8cfc181b91' };
    const problems = (works: unknown[]) => {
      try {
        validateDataset({
          format: 'liner-dataset',
          version: 1,
          documents: [doc],
          people: [
            { slug: 'a', name: 'A', identifiers: [mbid], sources: source },
            { slug: 'b', name: 'B', identifiers: [mbid], sources: source },
          ],
          works,
        });
      } catch (error) {
        return (error as InvalidDatasetError).problems;
      }
      return [];
    };
    const isrc = (value: string) => [
      { slug: 'w', title: 'W', kind: 'RECORDING', identifiers: [{ scheme: 'ISRC', value }], sources: source },
    ];
    expect(problems(isrc('nope'))).toEqual([
      { path: 'works[0].identifiers[0].value', message: '"nope" is not a ISRC identifier' },
    ]);
    expect(problems(isrc('GBAYE6900522'))).toEqual([
      { path: 'people[1].identifiers[0]', message: `MUSICBRAINZ ${mbid.value} already names people[0]` },
    ]);
  });
});
