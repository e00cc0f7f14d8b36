// The caches yoga keeps parsed documents and parse errors in, bounded in bytes as well as entries (issue 24, finding 1).
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';

/**
 * Heap per token of a parsed document, measured (graphql 16, Node 24): a selection of 1,500 bare fields held 512 bytes
 * per token (each field is a node, a name node, two locations and the token itself); punctuation-heavy documents hold
 * less. The densest case is the bound.
 */
export const BYTES_PER_TOKEN = 512;

/** Heap of a parse error besides its source text: the error, its message, locations and stack. */
const BYTES_PER_ERROR = 2048;

/** Entries each cache keeps at most, as yoga's own default. */
const MAX_ENTRIES = 1024;

/**
 * A string's heap at worst: two bytes a character (V8 keeps a string with any character past U+00FF as UTF-16). The
 * key and the document's `loc.source.body` are the same string, counted once.
 */
const stringBytes = (text: string) => 2 * text.length;

/** Tokens of a parsed document: the list graphql-js links from its location, every token kept alive by it. */
function tokensOf(document: DocumentNode): number {
  let count = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) count++;
  return count;
}

export const documentBytes = (source: string, document: DocumentNode) =>
  stringBytes(source) + BYTES_PER_TOKEN * Math.max(tokensOf(document), 1);

export interface ParseCaches {
  documentCache: LRUCache<string, DocumentNode>;
  errorCache: LRUCache<string, object>;
}

/**
 * Yoga's default caches count entries only (1024 documents and 1024 errors, an hour each): 2,048 documents of 4 MB of
 * `#` comment passed every query limit and held 8 GB, which ended the process. These keep half of
 * PARSE_CACHE_MAX_BYTES each, least recently used out first; a document larger than its half is not kept at all. The
 * validation cache yoga keeps beside them is keyed weakly by these documents, so it goes with them.
 */
export function createParseCaches(config: Pick<Config, 'PARSE_CACHE_MAX_BYTES'>): ParseCaches {
  const half = Math.max(1, Math.floor(config.PARSE_CACHE_MAX_BYTES / 2));
  return {
    documentCache: new LRUCache<string, DocumentNode>({
      max: MAX_ENTRIES,
      maxSize: half,
      sizeCalculation: (document, source) => documentBytes(source, document),
    }),
    errorCache: new LRUCache<string, object>({
      max: MAX_ENTRIES,
      maxSize: half,
      sizeCalculation: (_error, source) => stringBytes(source) + BYTES_PER_ERROR,
    }),
  };
}
