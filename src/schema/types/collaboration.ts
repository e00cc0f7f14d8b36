// The relationship questions: who worked with all of several people, and the shortest chain between two.
import type { Context } from '../../context.ts';
import { builder } from '../builder.ts';
import { badInput, notFound } from '../errors.ts';
import { planned } from '../plans.ts';
import { CommonCollaboratorRef, PathRef, PathStepRef, PersonRef, WorkRef } from '../refs.ts';
import { RoleEnum } from './enums.ts';

/** Every slug must name a person; one batched lookup for all of them. */
async function requirePeople(ctx: Context, slugs: readonly (readonly [slug: string, argument: string])[]) {
  const found = await ctx.loaders.person.loadMany(slugs.map(([slug]) => slug));
  found.forEach((person, i) => {
    if (person instanceof Error) throw person;
    const [slug, argument] = slugs[i] as readonly [string, string];
    if (person === null) throw notFound('person', slug, argument);
  });
}

builder.objectType(CommonCollaboratorRef, {
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (c) => c.person }),
    sharedWorks: t.field({
      type: [WorkRef],
      description: 'The works linking this person to those asked about: the evidence for the answer.',
      resolve: (c) => c.sharedWorks,
    }),
  }),
});

builder.objectType(PathRef, {
  fields: (t) => ({
    hops: t.int({ description: 'Person-to-person steps.', resolve: (p) => p.steps.length }),
    steps: t.field({ type: [PathStepRef], resolve: (p) => p.steps }),
  }),
});

builder.objectType(PathStepRef, {
  description: 'Two people credited on one work, with their roles on it.',
  fields: (t) => ({
    from: t.field({ type: PersonRef, resolve: (s) => s.from }),
    work: t.field({ type: WorkRef, resolve: (s) => s.work }),
    to: t.field({ type: PersonRef, resolve: (s) => s.to }),
    fromRoles: t.field({ type: [RoleEnum], resolve: (s) => s.fromRoles }),
    toRoles: t.field({ type: [RoleEnum], resolve: (s) => s.toRoles }),
  }),
});

builder.queryFields((t) => ({
  commonCollaborators: t.field({
    type: [CommonCollaboratorRef],
    description:
      'People, other than those in `of`, credited on a work with every one of them; `roles` filters their own role on it ' +
      '(`roles: [PRIMARY_ARTIST]` asks which artists worked with all of them). Most shared works first.',
    args: {
      of: t.arg.stringList({ required: true }),
      roles: t.arg({ type: [RoleEnum], required: false }),
    },
    resolve: async (_root, args, ctx, info) => {
      const of = [...new Set(args.of)];
      if (of.length < 2) throw badInput(`"of" needs at least two different people; got ${of.length}.`, 'of');
      if (of.length > 10) throw badInput(`"of" takes at most 10 people; got ${of.length}.`, 'of');
      const roles = args.roles && args.roles.length > 0 ? [...new Set(args.roles)].sort() : undefined;
      const found =
        (await planned(ctx, info, 'COMMON_COLLABORATORS', { of, roles: roles ?? null })) ??
        (await ctx.store.commonCollaborators(of, { roles }));
      // A collaborator shares a work with every one of them, so all exist; only an empty answer needs the check.
      if (found.length === 0)
        await requirePeople(
          ctx,
          of.map((slug) => [slug, 'of'] as const),
        );
      return found;
    },
  }),
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    description:
      'The fewest person-to-person hops through shared works, each step naming the work and both roles; ' +
      'null when none is within `maxHops`. Of equally short chains, the one first by slugs.',
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      maxHops: t.arg.int({ description: "Default 4; at most the server's MAX_HOPS (6 unless configured)." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const maxHops = args.maxHops ?? Math.min(4, ctx.config.MAX_HOPS);
      if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > ctx.config.MAX_HOPS)
        throw badInput(`"maxHops" must be from 1 to ${ctx.config.MAX_HOPS}; got ${maxHops}.`, 'maxHops');
      if (args.from === args.to) throw badInput('"from" and "to" are the same person.', 'to');
      const path = await planned(ctx, info, 'SHORTEST_PATH', { from: args.from, to: args.to, maxHops });
      const steps = path !== undefined ? path : await ctx.store.shortestPath(args.from, args.to, maxHops);
      // A path runs between two people who exist; only when there is none can one of them be unknown.
      if (!steps)
        await requirePeople(ctx, [
          [args.from, 'from'],
          [args.to, 'to'],
        ]);
      return steps ? { steps } : null;
    },
  }),
}));
