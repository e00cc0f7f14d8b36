// Adds a source to a fact once: the one way both converters attach what a document says to an entry.
import type { Source, Sourced } from './dataset-entries.ts';
import { findByPair, type PairOf, pushByPair } from './find-by-pair.ts';

/** Neither MusicBrainz nor Discogs has citation markers: every source shares one empty list, which nothing changes. */
export const NO_CITATIONS: string[] = [];

/** A source is told apart by its document and its quote. */
const SOURCE: PairOf<Source> = { first: (s) => s.document, second: (s) => s.quote };

/**
 * `source` on `entry`, unless one with its document and quote is there already. A source made once may be shared by
 * every fact one statement gives (a release's artists on each of its tracks): sources are never changed in place.
 */
export function addSharedSource(entry: Sourced, source: Source): void {
  // Nearly every entry has one source: a list made for one holds one, where a push into `[]` makes room for 17.
  if (entry.sources.length === 0) entry.sources = [source];
  else if (findByPair(entry.sources, SOURCE, source.document, source.quote) === undefined)
    pushByPair(entry.sources, SOURCE, source);
}

/** A source quoting `quote` from `document` on `entry`, unless it is there already; made only when it is not. */
export function addSource(entry: Sourced, document: string, quote: string): void {
  if (entry.sources.length > 0 && findByPair(entry.sources, SOURCE, document, quote) !== undefined) return;
  addSharedSource(entry, { document, citations: NO_CITATIONS, quote });
}
