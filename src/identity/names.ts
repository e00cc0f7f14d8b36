// Name keys for finding duplicates: two spellings of one name ("Persuader, The", "The Persuader", "Mora (19)") fold
// to one key, so candidates are found by key lookups (blocking) rather than by comparing every pair of nodes.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Articles catalogues move behind a comma when sorting ("Beatles, The"); folded back in front. */
const TRAILING_ARTICLE = /^(.+?),\s*(the|a|an|el|la|los|las|le|les|die|der|das|il|lo|gli|i)$/i;
/**
 * Discogs tells artists of one name apart with a number in brackets: "Mora (19)". Matched on trimmed text and
 * anchored on the bracket, with the space before it trimmed after: a leading `\s*` would rescan every run of spaces
 * from each of its positions (40,000 spaces took 0.57 s, a 200 KB name 14.5 s).
 */
const DISCOGS_SUFFIX = /\(\d+\)$/;

/**
 * The key a name is blocked and compared by: the Discogs suffix and a trailing article undone, NFKD with the
 * diacritics stripped, lowercase, `&` as "and", every run of other non-alphanumerics one space. "" for a name
 * with no letters or digits, which matches nothing.
 */
export function normaliseName(name: string): string {
  let text = name.trim();
  const suffix = DISCOGS_SUFFIX.exec(text);
  if (suffix) text = text.slice(0, suffix.index).trimEnd();
  const article = TRAILING_ARTICLE.exec(text);
  if (article) text = `${article[2]} ${article[1]}`;
  // Plain ASCII has nothing to decompose: skipping NFKD saves most of the time over a big catalogue's names.
  return (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A node's names as the duplicate finder sees them: its name (or title) first, then its aliases. */
export interface NamedNode {
  slug: string;
  name: string;
  aliases: readonly string[];
}

/** The distinct non-empty keys of a node's names; `primary` is its own name's key ("" when it has none). */
export function nameKeys(node: NamedNode): { primary: string; all: string[] } {
  const primary = normaliseName(node.name);
  const all = new Set<string>();
  for (const name of [node.name, ...node.aliases]) {
    const key = normaliseName(name);
    if (key !== '') all.add(key);
  }
  return { primary, all: [...all] };
}
