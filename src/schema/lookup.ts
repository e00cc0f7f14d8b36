// Finding a person or a work by slug or by name: a name is taken when it names one node; otherwise NOT_FOUND says
// which nodes come closest, so a client (or a person at GraphiQL) knows what to ask for next.
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import { searchTokens, slugify } from '../dataset/slug.ts';
import type { SearchHitRecord } from '../graph/store.ts';
import { badInput } from './errors.ts';

type Label = 'Person' | 'Work';
const NOUN: Record<Label, string> = { Person: 'person', Work: 'work' };

const folded = (text: string) => searchTokens(text).join(' ');

/**
 * Up to five nodes of the label whose names match the words of `text`, best first; when no name has them all
 * ("Spider-Man 9"), those matching its longest words one at a time.
 */
async function closest(ctx: Context, label: Label, text: string): Promise<SearchHitRecord[]> {
  const tokens = searchTokens(text);
  const ofLabel = async (words: string) => (await ctx.store.search(words, 50)).filter((hit) => hit.label === label);
  if (tokens.length === 0) return [];
  const all = await ofLabel(text);
  if (all.length > 0 || tokens.length === 1) return all.slice(0, 5);
  const found = new Map<string, SearchHitRecord>();
  for (const token of [...tokens].sort((a, b) => b.length - a.length).slice(0, 3))
    for (const hit of await ofLabel(token)) if (!found.has(hit.slug)) found.set(hit.slug, hit);
  return [...found.values()].slice(0, 5);
}

function notFound(label: Label, argument: string, value: string, message: string, suggestions: SearchHitRecord[]) {
  const hint = suggestions.length ? ` Closest: ${suggestions.map((s) => `"${s.slug}" (${s.name})`).join(', ')}.` : '';
  return new GraphQLError(`${message}${hint}`, {
    extensions: {
      code: 'NOT_FOUND',
      argument,
      [argument]: value,
      suggestions: suggestions.map((s) => ({ slug: s.slug, name: s.name })),
    },
  });
}

/**
 * The slug of the node a lookup means: `slug` as given, or the slug its words make ("Thom Russo" → thom-russo), or
 * the one node of the label whose whole name is `name`. Exactly one of the two is needed.
 */
export async function resolveSlug(
  ctx: Context,
  label: Label,
  args: { slug?: string | null | undefined; name?: string | null | undefined },
  nameArgument: 'name' | 'title',
  exists: (slug: string) => Promise<boolean>,
): Promise<string> {
  const { slug, name } = args;
  if ((slug == null) === (name == null))
    throw badInput(
      `Give "slug" or "${nameArgument}" (one of the two) to find a ${NOUN[label]}.`,
      slug == null ? 'slug' : nameArgument,
    );
  if (slug != null) {
    if (await exists(slug)) return slug;
    const derived = slugify(slug);
    if (derived !== slug && derived !== '' && (await exists(derived))) return derived;
    throw notFound(label, 'slug', slug, `No ${NOUN[label]} with slug "${slug}".`, await closest(ctx, label, slug));
  }
  const text = name as string;
  const hits = await closest(ctx, label, text);
  const exact = hits.filter((hit) => folded(hit.name) === folded(text));
  if (exact.length === 1) return (exact[0] as SearchHitRecord).slug;
  if (exact.length > 1)
    throw notFound(label, nameArgument, text, `"${text}" names ${exact.length} ${NOUN[label]}s; ask by slug.`, exact);
  throw notFound(label, nameArgument, text, `No ${NOUN[label]} named "${text}".`, hits);
}
