// What every mutation shares, wherever its type's file is: checking the input with the dataset format's own field
// checks, requiring the nodes it refers to, and running its batch as one atomic write.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { citation, nonBlank, slug } from '../dataset/format.ts';
import { type LookupLabel, MissingNodeError, type SourceRecord, type WriteBatch } from '../graph/store.ts';
import { loadAll } from '../loaders.ts';
import { notFound } from './errors.ts';

/** A SourceInput: the dataset's source rules, with a blank quote refused and citations optional as in GraphQL. */
export const sourceCheck = z.object({ document: slug, citations: z.array(citation).nullish(), quote: nonBlank });

export function toSource(source: z.output<typeof sourceCheck>): SourceRecord {
  return { document: source.document, citations: source.citations ?? [], quote: source.quote };
}

/**
 * The value, checked; otherwise one BAD_USER_INPUT naming every bad field (`input.source.quote: must not be blank`),
 * the first in `extensions.field`, all of them in `extensions.problems`.
 */
export function checkInput<T>(check: z.ZodType<T>, value: unknown, argument: string): T {
  const parsed = check.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: [argument, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new GraphQLError(`Invalid ${argument}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
  });
}

/** A slug derived from a name or title: refused, naming that field, when the name has no letter or digit to keep. */
export function derivedSlug(derived: string, field: string): string {
  return checkInput(slug, derived, field);
}

export interface NodeReference {
  label: LookupLabel;
  slug: string;
  /** The input field that names it, for the NOT_FOUND: `input.source.document`. */
  field: string;
}

/** Every referenced slug must exist: one batched lookup per label, NOT_FOUND naming the field otherwise. */
export async function requireAll(ctx: Context, refs: readonly NodeReference[]): Promise<void> {
  const loaders = {
    Person: ctx.loaders.person,
    Work: ctx.loaders.work,
    Award: ctx.loaders.award,
    Document: ctx.loaders.document,
  } as const;
  await Promise.all(
    refs.map(async (ref) => {
      const loader = loaders[ref.label as keyof typeof loaders];
      const [found] = await loadAll(loader as typeof ctx.loaders.person, [ref.slug]);
      if (!found) throw notFound(ref.label.toLowerCase(), ref.slug, ref.field);
    }),
  );
}

/** The source's document, which every sourced mutation must find first. */
export const sourceDocument = (source: { document: string }, field = 'input.source.document'): NodeReference => ({
  label: 'Document',
  slug: source.document,
  field,
});

/** Runs a batch; a node that vanished between the check and the write is still a NOT_FOUND, not a crash. */
export async function writeBatch(ctx: Context, batch: WriteBatch) {
  try {
    return await ctx.store.write(batch);
  } catch (error) {
    if (error instanceof MissingNodeError) throw notFound(error.label.toLowerCase(), error.slug, 'input');
    throw error;
  } finally {
    // The next mutation of the same operation must see this one's writes, not what the loaders cached before.
    ctx.loaders.clearAll();
  }
}
