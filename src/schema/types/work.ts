// Work: an album, song, film, series, soundtrack…, with its credits, parts and awards.

import { z } from 'zod';
import { nameInput, type Role, slug, workKind, year } from '../../dataset/format.ts';
import { slugify } from '../../dataset/slug.ts';
import { workUpsert } from '../../graph/write-rows.ts';
import { loadAll } from '../../loaders.ts';
import { plannedOf } from '../../plan/planned.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { resolveSlug } from '../lookup.ts';
import { checkInput, derivedSlug, requireAll, sourceCheck, sourceDocument, toSource, writeBatch } from '../mutations.ts';
import { pageArgs, toConnection } from '../pagination.ts';
import { planned } from '../plans.ts';
import { AwardWinRef, ConflictRef, CreditRef, IdentifierRef, SourceRef, WorkLinkRef, WorkRef } from '../refs.ts';
import { CreditStatsRef, creditStats } from './credit-stats.ts';
import { RoleEnum, WorkKindEnum, WorkLinkTypeEnum } from './enums.ts';
import { SourceInput } from './source.ts';

const WorkConnection = builder.connectionObject({ type: WorkRef, name: 'WorkConnection' });

builder.node(WorkRef, {
  description: 'A work of any kind the sources name.',
  id: { resolve: (w) => w.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.work, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    kind: t.field({ type: WorkKindEnum, resolve: (w) => w.kind }),
    year: t.exposeInt('year', { nullable: true, description: 'The year the source gives for the work itself.' }),
    endYear: t.exposeInt('endYear', { nullable: true, description: 'The last year of a series or run.' }),
    date: t.exposeString('date', {
      nullable: true,
      description: 'Release or first date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source says.',
    }),
    disambiguation: t.exposeString('disambiguation', { nullable: true }),
    lengthMs: t.exposeInt('lengthMs', { nullable: true, description: "A recording's length in milliseconds." }),
    sales: t.exposeString('sales', { nullable: true, description: 'Sales as the source words them.' }),
    identifiers: t.field({
      type: [IdentifierRef],
      description: 'Identifiers in other catalogues (MusicBrainz, Discogs, ISRC, ISWC), by scheme then value.',
      resolve: (w, _a, ctx) => ctx.loaders.identifiersOf('Work').load(w.slug),
    }),
    credits: t.field({
      type: [CreditRef],
      description: 'Everyone credited on this work: performers first, then by role and person.',
      args: { roles: t.arg({ type: [RoleEnum], required: false }) },
      resolve: (w, args, ctx) => {
        const roles: Role[] | undefined = args.roles && args.roles.length > 0 ? [...new Set(args.roles)].sort() : undefined;
        return plannedOf(w, 'credits', 'CREDITS_OF_WORK') ?? ctx.loaders.creditsOfWork({ roles }).load(w.slug);
      },
    }),
    creditStats: t.field({
      type: CreditStatsRef,
      description: "Counts of this work's credits by role.",
      resolve: async (w, _a, ctx) => creditStats(await ctx.loaders.creditsOfWork({}).load(w.slug)),
    }),
    partOf: t.field({
      type: [WorkRef],
      description:
        'The album, soundtrack, film or series this work belongs to; the release of a track, the release group of a release, the composition a recording performs.',
      resolve: async (w, _a, ctx) => (await ctx.loaders.partOf.load(w.slug)).map((l) => l.work),
    }),
    parts: t.field({
      type: [WorkRef],
      description:
        'The songs on an album or soundtrack; the soundtrack of a film; the films of a series; the tracks of a release, the releases of a release group, the recordings of a composition.',
      resolve: async (w, _a, ctx) => (await ctx.loaders.parts.load(w.slug)).map((l) => l.work),
    }),
    links: t.field({
      type: [WorkLinkRef],
      description: 'partOf with the kind of link and its sources.',
      resolve: (w, _a, ctx) => ctx.loaders.partOf.load(w.slug),
    }),
    awards: t.field({ type: [AwardWinRef], resolve: (w, _a, ctx) => ctx.loaders.awardWinsOfWork.load(w.slug) }),
    conflicts: t.field({
      type: [ConflictRef],
      resolve: (w, _a, ctx) => ctx.loaders.conflictsAbout('Work').load(w.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (w) => w.sources }),
  }),
});

builder.objectType(WorkLinkRef, {
  description:
    'A work belonging to another: a song on an album (PART_OF), a soundtrack of a film (SOUNDTRACK_OF), a release of a release group (EDITION_OF), a recording of a composition (RECORDING_OF).',
  fields: (t) => ({
    type: t.field({ type: WorkLinkTypeEnum, resolve: (l) => l.type }),
    work: t.field({ type: WorkRef, resolve: (l) => l.work }),
    detail: t.exposeString('detail', { nullable: true, description: 'Where in the other work: "disc 1, track 3".' }),
    attributes: t.exposeStringList('attributes', { description: 'The source\'s words: "live", "cover", "partial".' }),
    sources: t.field({ type: [SourceRef], resolve: (l) => l.sources }),
  }),
});

builder.queryFields((t) => ({
  work: t.field({
    type: WorkRef,
    nullable: true,
    description: 'A work by slug, or by title where one work has it ("Dangerous"); NOT_FOUND lists the closest matches.',
    args: { slug: t.arg.string(), title: t.arg.string() },
    resolve: async (_root, args, ctx, info) => {
      // Found by its plan in one statement; an unknown or derived slug, or a title, takes the lookup below.
      if (args.slug != null && args.title == null) {
        const found = await planned(ctx, info, 'WORK', { slug: args.slug });
        if (found) return found;
      }
      const slug = await resolveSlug(
        ctx,
        'Work',
        { slug: args.slug, name: args.title },
        'title',
        async (s) => (await ctx.loaders.work.load(s)) !== null,
      );
      return ctx.loaders.work.load(slug);
    },
  }),
  works: t.field({
    type: WorkConnection,
    description: 'Works by slug, filtered by kind, year range (undated works drop out of a range) and search words.',
    args: {
      kind: t.arg({ type: WorkKindEnum }),
      yearFrom: t.arg.int(),
      yearTo: t.arg.int(),
      search: t.arg.string(),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx, info) => {
      if (args.yearFrom != null && args.yearTo != null && args.yearFrom > args.yearTo)
        throw badInput(`"yearFrom" (${args.yearFrom}) is after "yearTo" (${args.yearTo}).`, 'yearFrom');
      const page = pageArgs(args, ctx.config);
      const filter = {
        kind: args.kind ?? undefined,
        yearFrom: args.yearFrom ?? undefined,
        yearTo: args.yearTo ?? undefined,
        search: args.search ?? undefined,
      };
      const unfiltered = Object.values(filter).every((value) => value === undefined);
      const all = unfiltered ? await planned(ctx, info, 'WORKS', page) : undefined;
      return toConnection(all ?? (await ctx.store.listWorks(filter, page)), page);
    },
  }),
}));

const upsertWorkCheck = z.object({
  slug: slug.nullish(),
  title: nameInput,
  kind: workKind,
  year: year.nullish(),
  source: sourceCheck,
});

builder.mutationField('upsertWork', (t) =>
  t.field({
    type: WorkRef,
    description: 'Create or update a work by slug (derived from the title when omitted); omitted fields keep their value.',
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('UpsertWorkInput', {
          fields: (f) => ({
            slug: f.string(),
            title: f.string({ required: true }),
            kind: f.field({ type: WorkKindEnum, required: true }),
            year: f.int(),
            source: f.field({ type: SourceInput, required: true }),
          }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = checkInput(upsertWorkCheck, args.input, 'input');
      const workSlug = input.slug ?? derivedSlug(slugify(input.title), 'input.title');
      await requireAll(ctx, [sourceDocument(input.source)]);
      const work = { title: input.title, kind: input.kind, year: input.year ?? undefined };
      await writeBatch(ctx, { nodes: [workUpsert(workSlug, work, toSource(input.source))] });
      const [written] = await ctx.store.nodesBySlug('Work', [workSlug]);
      return written as NonNullable<typeof written>;
    },
  }),
);
