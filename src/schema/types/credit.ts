// Credit: one person in one role on one work, with the sources that state it; and the mutations that add and remove one.
import { z } from 'zod';
import { nonBlank, role, slug } from '../../dataset/format.ts';
import { creditRemoval, creditUpsert } from '../../graph/write-rows.ts';
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { checkInput, requireAll, sourceCheck, sourceDocument, toSource, writeBatch } from '../mutations.ts';
import { CreditRef, PersonRef, SourceRef, WorkRef } from '../refs.ts';
import { RoleEnum } from './enums.ts';
import { SourceInput } from './source.ts';

builder.objectType(CreditRef, {
  description: 'One person in one role on one work; a person with several roles on a work has several credits.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (c) => c.person }),
    work: t.field({ type: WorkRef, resolve: (c) => c.work }),
    role: t.field({ type: RoleEnum, resolve: (c) => c.role }),
    detail: t.exposeString('detail', { nullable: true, description: 'The source\'s nuance: "select tracks", "rock remix"…' }),
    attributes: t.exposeStringList('attributes', {
      description: 'The source\'s words on the credit: the instrument played, "lead vocals", "guest", "additional".',
    }),
    creditedAs: t.exposeString('creditedAs', {
      nullable: true,
      description: 'The name the person is credited as on this work, where it differs from theirs.',
    }),
    beginDate: t.exposeString('beginDate', { nullable: true, description: 'When the work on it began, where stated.' }),
    endDate: t.exposeString('endDate', { nullable: true }),
    sources: t.field({ type: [SourceRef], resolve: (c) => c.sources }),
  }),
});

const RemoveCreditPayload = builder.objectRef<{ removed: boolean; person: string; work: string }>('RemoveCreditPayload');
builder.objectType(RemoveCreditPayload, {
  fields: (t) => ({
    removed: t.exposeBoolean('removed', { description: 'False when there was no such credit: removing is idempotent.' }),
    person: t.field({
      type: PersonRef,
      resolve: async (p, _a, ctx) => (await loadAll(ctx.loaders.person, [p.person]))[0] as never,
    }),
    work: t.field({ type: WorkRef, resolve: async (p, _a, ctx) => (await loadAll(ctx.loaders.work, [p.work]))[0] as never }),
  }),
});

const addCreditCheck = z.object({ person: slug, work: slug, role, detail: nonBlank.nullish(), source: sourceCheck });
const removeCreditCheck = z.object({ person: slug, work: slug, role });

/** The person and the work a credit joins, which must both exist. */
const creditEnds = (input: { person: string; work: string }) =>
  [
    { label: 'Person', slug: input.person, field: 'input.person' },
    { label: 'Work', slug: input.work, field: 'input.work' },
  ] as const;

builder.mutationFields((t) => ({
  addCredit: t.field({
    type: CreditRef,
    description: 'Credit a person in a role on a work; adding the same credit again only adds a new source.',
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('CreditInput', {
          fields: (f) => ({
            person: f.string({ required: true }),
            work: f.string({ required: true }),
            role: f.field({ type: RoleEnum, required: true }),
            detail: f.string(),
            source: f.field({ type: SourceInput, required: true }),
          }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = checkInput(addCreditCheck, args.input, 'input');
      await requireAll(ctx, [...creditEnds(input), sourceDocument(input.source)]);
      const credit = { person: input.person, work: input.work, role: input.role, detail: input.detail ?? undefined };
      await writeBatch(ctx, { rels: [creditUpsert(credit, toSource(input.source))] });
      const [credits] = await ctx.store.creditsOfWorks([input.work], { roles: [input.role] });
      const written = credits?.find((c) => c.person.slug === input.person);
      if (!written) throw new Error(`credit ${input.person}/${input.work}/${input.role} not found after writing it`);
      return written;
    },
  }),

  removeCredit: t.field({
    type: RemoveCreditPayload,
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('RemoveCreditInput', {
          fields: (f) => ({
            person: f.string({ required: true }),
            work: f.string({ required: true }),
            role: f.field({ type: RoleEnum, required: true }),
          }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = checkInput(removeCreditCheck, args.input, 'input');
      await requireAll(ctx, creditEnds(input));
      const result = await writeBatch(ctx, { removeRels: [creditRemoval(input.person, input.work, input.role)] });
      return { removed: result.relationshipsRemoved > 0, person: input.person, work: input.work };
    },
  }),
}));
