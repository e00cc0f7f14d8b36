// MusicBrainz URL relationships on a real answer: a Discogs page becomes an identifier of the entity, and that
// identifier is what makes a second source's node the same node at import.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { convertFiles } from '../../src/import/musicbrainz/convert-files.ts';
import { datasetRows, ingestRows, rowsOf } from '../../src/ingest/pipeline.ts';

const RELEASE = fileURLToPath(new URL('../fixtures/musicbrainz-url-rels/release-b84ee12a-url-rels.json', import.meta.url));

async function convert() {
  const conversion = await convertFiles([RELEASE]);
  return { dataset: validateDataset(conversion.dataset), stats: conversion.converter.stats };
}

describe('MusicBrainz URL relationships (The Dark Side of the Moon, a real answer)', () => {
  it('keeps the "discogs" URL relationship as the release\'s DISCOGS_RELEASE identifier, with its page', async () => {
    const { dataset, stats } = await convert();
    const release = dataset.works.filter((w) => w.kind === 'RELEASE');
    expect(release.map((w) => w.title)).toEqual(['The Dark Side of the Moon']);
    expect(release[0]?.identifiers).toContainEqual({
      scheme: 'DISCOGS_RELEASE',
      value: '1873013',
      url: 'https://www.discogs.com/release/1873013',
    });
    // Its only URL relationship names an identifier, so none is counted as not kept.
    expect(stats.urlRelationshipsNotKept).toEqual({});
  });

  it('makes a Discogs-shaped release with that identifier the same work at import', async () => {
    const store = new MemoryStore();
    const { dataset } = await convert();
    await ingestRows(store, rowsOf(dataset));
    const [mbRelease] = dataset.works.filter((w) => w.kind === 'RELEASE');
    const discogs = datasetRows({
      format: 'liner-dataset',
      version: 1,
      documents: [{ slug: 'discogs-release-1873013', title: 'Discogs release 1873013', kind: 'DISCOGS' }],
      works: [
        {
          slug: 'the-dark-side-of-the-moon-1973',
          title: 'The Dark Side Of The Moon',
          kind: 'RELEASE',
          year: 1973,
          identifiers: [{ scheme: 'DISCOGS_RELEASE', value: '1873013' }],
          sources: [{ document: 'discogs-release-1873013', quote: 'Pink Floyd – The Dark Side Of The Moon' }],
        },
      ],
    });
    const summary = await ingestRows(store, discogs);
    expect(summary.merged).toBe(1);
    const [work] = await store.nodesBySlug('Work', [mbRelease?.slug as string]);
    expect(work?.sources.map((s) => s.document)).toEqual([
      ...(mbRelease?.sources.map((s) => s.document) ?? []),
      'discogs-release-1873013',
    ]);
    expect((await store.nodesBySlug('Work', ['the-dark-side-of-the-moon-1973']))[0]).toBeNull();
  });
});
