// Search semantics both stores share: every query word must begin a word of the name, exact and prefix hits first.
import type { SearchableLabel } from './store.ts';

/** The labels `search` covers, in the order hits of equal rank are listed. */
export const SEARCHABLE_LABELS: readonly SearchableLabel[] = ['Person', 'Work', 'Award', 'Organization', 'Place'];

export function matchesSearch(searchText: string, tokens: readonly string[]): boolean {
  const words = searchText.split(' ');
  return tokens.every((token) => words.some((word) => word.startsWith(token)));
}

/** 0: the whole name, 1: the name starts with the query, 2: anything else that matched. */
export function searchRank(searchText: string, tokens: readonly string[]): number {
  const query = tokens.join(' ');
  if (searchText === query) return 0;
  return searchText.startsWith(query) ? 1 : 2;
}

/** The Lucene query the Neo4j full-text index answers with the same matches: every word as a required prefix. */
export function luceneQuery(tokens: readonly string[]): string {
  return tokens.map((token) => `+${token}*`).join(' ');
}
