// Readable, stable slugs: the identity of every node, derived from its name.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** NFKD, diacritics stripped, lowercase, `&` → `and`, other runs of non-alphanumerics → `-`, trimmed. */
export function slugify(name: string): string {
  // Plain ASCII has nothing to decompose or strip: skipping that saves most of the time on a big catalogue.
  const folded = PRINTABLE_ASCII.test(name) ? name : name.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lowercase, diacritic-free words of a name, as both stores match search text against them. */
export function searchTokens(text: string): string[] {
  return (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/**
 * The key of an identifier's node: scheme and value folded into one slug (`musicbrainz-f6596571-9ce2-…`,
 * `discogs-artist-12345`). Every scheme's values are case-insensitive, so folding loses nothing.
 */
export function identifierSlug(scheme: string, value: string): string {
  return `${scheme}-${value}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
