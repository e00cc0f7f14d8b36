// Award and AwardWin: an award (Grammy, Latin Grammy) and each claimed win of it, and addAwardWin to record one.
import { z } from 'zod';
import { nonBlank, slug, year } from '../../dataset/format.ts';
import { awardWinBatch, awardWinSlug } from '../../graph/write-rows.ts';
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { notFound } from '../errors.ts';
import { checkInput, type NodeReference, requireAll, sourceCheck, sourceDocument, toSource, writeBatch } from '../mutations.ts';
import { AwardRef, AwardWinRef, ConflictRef, IdentifierRef, PersonRef, SourceRef, WorkRef } from '../refs.ts';
import { SourceInput } from './source.ts';

builder.node(AwardRef, {
  id: { resolve: (a) => a.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.award, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    wins: t.field({ type: [AwardWinRef], resolve: (a, _args, ctx) => ctx.loaders.awardWinsOfAward.load(a.slug) }),
    identifiers: t.field({
      type: [IdentifierRef],
      resolve: (a, _a, ctx) => ctx.loaders.identifiersOf('Award').load(a.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (a) => a.sources }),
  }),
});

builder.node(AwardWinRef, {
  description:
    'One claimed win. Where the sources give two versions of a win, each is its own AwardWin and `conflicts` links them.',
  id: { resolve: (w) => w.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.awardWin, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    award: t.field({
      type: AwardRef,
      resolve: async (w, _args, ctx) => {
        const award = await ctx.loaders.award.load(w.awardSlug);
        if (!award) throw new Error(`award win ${w.slug} links no award`);
        return award;
      },
    }),
    category: t.exposeString('category', { nullable: true, description: 'Null where the source names no category.' }),
    year: t.exposeInt('year', { nullable: true, description: 'Null where the source gives no year.' }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'What the source adds about the win ("following a merger of previous categories").',
    }),
    work: t.field({
      type: WorkRef,
      nullable: true,
      resolve: (w, _args, ctx) => (w.workSlug ? ctx.loaders.work.load(w.workSlug) : null),
    }),
    recipients: t.field({
      type: [PersonRef],
      resolve: async (w, _args, ctx) => (await loadAll(ctx.loaders.person, w.recipientSlugs)).filter((p) => p !== null),
    }),
    conflicts: t.field({
      type: [ConflictRef],
      resolve: (w, _args, ctx) => ctx.loaders.conflictsAbout('AwardWin').load(w.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (w) => w.sources }),
  }),
});

builder.queryFields((t) => ({
  award: t.field({
    type: AwardRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (_root, { slug }, ctx) => {
      const award = await ctx.loaders.award.load(slug);
      if (!award) throw notFound('award', slug, 'slug');
      return award;
    },
  }),
}));

const addAwardWinCheck = z.object({
  slug: slug.nullish(),
  award: slug,
  category: nonBlank.nullish(),
  year: year.nullish(),
  work: slug.nullish(),
  recipients: z.array(slug).nullish(),
  source: sourceCheck,
});

/** The award, the work where given, each recipient and the source's document: all must exist before the win. */
function awardWinReferences(win: { award: string; work?: string | undefined; recipients: readonly string[] }, document: string) {
  return [
    { label: 'Award', slug: win.award, field: 'input.award' },
    ...(win.work ? [{ label: 'Work', slug: win.work, field: 'input.work' } as const] : []),
    ...win.recipients.map((r, i) => ({ label: 'Person', slug: r, field: `input.recipients.${i}` }) as const),
    sourceDocument({ document }),
  ] satisfies NodeReference[];
}

builder.mutationField('addAwardWin', (t) =>
  t.field({
    type: AwardWinRef,
    description: 'Record a claimed win; its slug is derived from award, year, work and category when omitted.',
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('AddAwardWinInput', {
          fields: (f) => ({
            slug: f.string(),
            award: f.string({ required: true }),
            category: f.string(),
            year: f.int(),
            work: f.string(),
            recipients: f.stringList(),
            source: f.field({ type: SourceInput, required: true }),
          }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = checkInput(addAwardWinCheck, args.input, 'input');
      const stated = {
        award: input.award,
        category: input.category ?? undefined,
        year: input.year ?? undefined,
        work: input.work ?? undefined,
        // A recipient named twice receives the win once.
        recipients: [...new Set(input.recipients ?? [])],
      };
      const win = { ...stated, slug: input.slug ?? awardWinSlug(stated) };
      await requireAll(ctx, awardWinReferences(win, input.source.document));
      await writeBatch(ctx, awardWinBatch(win, toSource(input.source)));
      const [written] = await ctx.store.nodesBySlug('AwardWin', [win.slug]);
      return written as NonNullable<typeof written>;
    },
  }),
);
