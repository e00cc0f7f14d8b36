// Person: a person or a group, with credits, collaborators, awards, and the queries that find people.

import { z } from 'zod';
import { isoDate, nameInput, type Role, slug } from '../../dataset/format.ts';
import { slugify } from '../../dataset/slug.ts';
import type { CollaboratorRecord } from '../../graph/store.ts';
import { personUpsert } from '../../graph/write-rows.ts';
import { loadAll } from '../../loaders.ts';
import { plannedOf } from '../../plan/planned.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { resolveSlug } from '../lookup.ts';
import { checkInput, derivedSlug, requireAll, sourceCheck, sourceDocument, toSource, writeBatch } from '../mutations.ts';
import { pageArgs, toConnection } from '../pagination.ts';
import { planned } from '../plans.ts';
import {
  AffiliationRef,
  AssociationRef,
  AwardWinRef,
  BirthRef,
  ConflictRef,
  CreditRef,
  IdentifierRef,
  MembershipRef,
  PersonRef,
  PlaceRef,
  SourceRef,
  WorkRef,
} from '../refs.ts';
import { CreditStatsRef, creditStats } from './credit-stats.ts';
import { DirectionEnum, PersonKindEnum, RoleEnum, WorkKindEnum } from './enums.ts';
import { SourceInput } from './source.ts';

/** Every credit of a person in one call, for counts: a page as large as the port takes. */
const ALL = { offset: 0, limit: 2 ** 31 - 1 };

const roles = (value: readonly Role[] | null | undefined) => (value && value.length > 0 ? [...new Set(value)].sort() : undefined);

const PersonCreditConnection = builder.connectionObject({ type: CreditRef, name: 'PersonCreditConnection' });
const CollaboratorConnection = builder.connectionObject(
  { type: PersonRef, name: 'CollaboratorConnection' },
  {
    name: 'CollaboratorEdge',
    fields: (t) => ({
      sharedWorks: t.field({
        type: [WorkRef],
        description: 'The works both are credited on: the evidence for the link.',
        resolve: (edge) => (edge as unknown as { sharedWorks: CollaboratorRecord['sharedWorks'] }).sharedWorks,
      }),
    }),
  },
);
export const PersonConnection = builder.connectionObject({ type: PersonRef, name: 'PersonConnection' });

builder.node(PersonRef, {
  description: 'A person or a group (a band, a duo); groups link to their members.',
  id: { resolve: (p) => p.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.person, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    isGroup: t.exposeBoolean('isGroup'),
    aliases: t.exposeStringList('aliases'),
    birthDate: t.exposeString('birthDate', { nullable: true, description: 'ISO date, where a source states it.' }),
    kind: t.field({ type: PersonKindEnum, nullable: true, resolve: (p) => p.kind }),
    sortName: t.exposeString('sortName', { nullable: true, description: '"Hopkin, Mary": how catalogues sort the name.' }),
    disambiguation: t.exposeString('disambiguation', {
      nullable: true,
      description: 'What tells two people of one name apart.',
    }),
    gender: t.exposeString('gender', { nullable: true }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 code.' }),
    area: t.field({
      type: PlaceRef,
      nullable: true,
      description: 'The place the person or group is from.',
      resolve: (p, _a, ctx) => ctx.loaders.areaOf.load(p.slug),
    }),
    beginDate: t.exposeString('beginDate', {
      nullable: true,
      description: 'Born or formed: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source says.',
    }),
    endDate: t.exposeString('endDate', { nullable: true, description: 'Died or dissolved, as precise as the source says.' }),
    ended: t.exposeBoolean('ended', {
      nullable: true,
      description: 'True when the life span has ended, even where no end date is known.',
    }),
    nationality: t.exposeString('nationality', { nullable: true }),
    occupations: t.exposeStringList('occupations', { description: 'As the source words them.' }),
    genres: t.exposeStringList('genres', { description: 'As the source words them.' }),
    identifiers: t.field({
      type: [IdentifierRef],
      description: 'Identifiers in other catalogues (MusicBrainz, Discogs, Wikidata, ISNI, IPI), by scheme then value.',
      resolve: (p, _a, ctx) => ctx.loaders.identifiersOf('Person').load(p.slug),
    }),
    birthPlace: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: async (p, _args, ctx) => (await ctx.loaders.birthPlaceOf.load(p.slug))?.place ?? null,
    }),
    birth: t.field({
      type: BirthRef,
      nullable: true,
      description: 'Birth date and place together, with the sources that state them.',
      resolve: async (p, _args, ctx) => {
        const birth = await ctx.loaders.birthPlaceOf.load(p.slug);
        return birth ? { ...birth, date: p.birthDate } : null;
      },
    }),
    members: t.field({ type: [PersonRef], resolve: (p, _a, ctx) => ctx.loaders.membersOf.load(p.slug) }),
    memberOf: t.field({ type: [PersonRef], resolve: (p, _a, ctx) => ctx.loaders.groupsOf.load(p.slug) }),
    memberships: t.field({
      type: [MembershipRef],
      description: 'members and memberOf with dates, attributes ("original", instruments) and sources: groups first.',
      resolve: (p, _a, ctx) => ctx.loaders.membershipsOf.load(p.slug),
    }),
    credits: t.field({
      type: PersonCreditConnection,
      description:
        "This person's credits, by the work's year (undated last), then work and role; `kind`, `yearFrom` and `yearTo` filter by the work (undated works drop out of a year range).",
      args: {
        roles: t.arg({ type: [RoleEnum], required: false }),
        kind: t.arg({ type: WorkKindEnum, required: false }),
        yearFrom: t.arg.int(),
        yearTo: t.arg.int(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: async (p, args, ctx) => {
        if (args.yearFrom != null && args.yearTo != null && args.yearFrom > args.yearTo)
          throw badInput(`"yearFrom" (${args.yearFrom}) is after "yearTo" (${args.yearTo}).`, 'yearFrom');
        const page = pageArgs(args, ctx.config);
        const filter = {
          roles: roles(args.roles),
          kind: args.kind ?? undefined,
          yearFrom: args.yearFrom ?? undefined,
          yearTo: args.yearTo ?? undefined,
        };
        const result =
          plannedOf(p, 'credits', 'CREDITS_OF_PERSON') ??
          (await ctx.loaders.creditsOfPerson({ ...filter, ...page }).load(p.slug));
        return toConnection(result, page);
      },
    }),
    creditStats: t.field({
      type: CreditStatsRef,
      description: "Counts of this person's credits by role, work kind, year and decade.",
      resolve: async (p, _a, ctx) => creditStats((await ctx.loaders.creditsOfPerson(ALL).load(p.slug)).items),
    }),
    collaborators: t.field({
      type: CollaboratorConnection,
      description: 'People credited on a work this person is credited on, most shared works first; `roles` filters their role.',
      args: { roles: t.arg({ type: [RoleEnum], required: false }), first: t.arg.int(), after: t.arg.string() },
      resolve: async (p, args, ctx) => {
        const page = pageArgs(args, ctx.config);
        const result = await ctx.loaders.collaboratorsOf({ roles: roles(args.roles), ...page }).load(p.slug);
        return toConnection({ total: result.total, items: result.items.map((c) => c.person) }, page, (person) => ({
          sharedWorks: result.items.find((c) => c.person.slug === person.slug)?.sharedWorks ?? [],
        }));
      },
    }),
    awards: t.field({ type: [AwardWinRef], resolve: (p, _a, ctx) => ctx.loaders.awardWinsOfPerson.load(p.slug) }),
    affiliations: t.field({
      type: [AffiliationRef],
      description: 'Schools and studios this person studied, worked or taught at.',
      resolve: (p, _a, ctx) => ctx.loaders.affiliationsOf.load(p.slug),
    }),
    associations: t.field({
      type: [AssociationRef],
      description: 'Links to other people the sources state without naming a shared work (mentors, unnamed collaborations).',
      resolve: (p, _a, ctx) => ctx.loaders.associationsOf.load(p.slug),
    }),
    conflicts: t.field({
      type: [ConflictRef],
      description: 'Where the sources contradict themselves about this person.',
      resolve: (p, _a, ctx) => ctx.loaders.conflictsAbout('Person').load(p.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (p) => p.sources }),
  }),
});

builder.queryFields((t) => ({
  person: t.field({
    type: PersonRef,
    nullable: true,
    description: 'A person by slug, or by name where one person has it ("Thom Russo"); NOT_FOUND lists the closest matches.',
    args: { slug: t.arg.string(), name: t.arg.string() },
    resolve: async (_root, args, ctx, info) => {
      // Found by its plan in one statement; an unknown or derived slug, or a name, takes the lookup below.
      if (args.slug != null && args.name == null) {
        const found = await planned(ctx, info, 'PERSON', { slug: args.slug });
        if (found) return found;
      }
      const slug = await resolveSlug(ctx, 'Person', args, 'name', async (s) => (await ctx.loaders.person.load(s)) !== null);
      return ctx.loaders.person.load(slug);
    },
  }),
  people: t.field({
    type: PersonConnection,
    description: 'People and groups by slug; `search` keeps those with a name word starting with each search word.',
    args: { search: t.arg.string(), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx, info) => {
      const page = pageArgs(args, ctx.config);
      const all = args.search == null ? await planned(ctx, info, 'PEOPLE', page) : undefined;
      return toConnection(all ?? (await ctx.store.listPeople(args.search ?? undefined, page)), page);
    },
  }),
}));

builder.objectType(MembershipRef, {
  description: 'A person in a group, with when and how where the source says.',
  fields: (t) => ({
    direction: t.field({
      type: DirectionEnum,
      description: 'OUT: `person` is a group this person is in; IN: `person` is a member of this group.',
      resolve: (m) => m.direction,
    }),
    person: t.field({ type: PersonRef, resolve: (m) => m.person }),
    beginDate: t.exposeString('beginDate', { nullable: true }),
    endDate: t.exposeString('endDate', { nullable: true }),
    attributes: t.exposeStringList('attributes', { description: 'The source\'s words: "original", "founder", an instrument.' }),
    creditedAs: t.exposeString('creditedAs', { nullable: true, description: 'The name the member is credited as in the group.' }),
    sources: t.field({ type: [SourceRef], resolve: (m) => m.sources }),
  }),
});

const upsertPersonCheck = z.object({
  slug: slug.nullish(),
  name: nameInput,
  isGroup: z.boolean().nullish(),
  aliases: z.array(nameInput).nullish(),
  birthDate: isoDate.nullish(),
  source: sourceCheck,
});

builder.mutationField('upsertPerson', (t) =>
  t.field({
    type: PersonRef,
    description:
      'Create or update a person or group by slug (derived from the name when omitted); omitted fields keep their value.',
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('UpsertPersonInput', {
          fields: (f) => ({
            slug: f.string(),
            name: f.string({ required: true }),
            isGroup: f.boolean(),
            aliases: f.stringList(),
            birthDate: f.string({ description: 'ISO date, YYYY-MM-DD.' }),
            source: f.field({ type: SourceInput, required: true }),
          }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = checkInput(upsertPersonCheck, args.input, 'input');
      const personSlug = input.slug ?? derivedSlug(slugify(input.name), 'input.name');
      await requireAll(ctx, [sourceDocument(input.source)]);
      // Omitted aliases and isGroup keep the stored values: the search words are built from the whole person.
      const [existing] = await loadAll(ctx.loaders.person, [personSlug]);
      const person = {
        name: input.name,
        isGroup: input.isGroup ?? existing?.isGroup ?? false,
        aliases: input.aliases ?? existing?.aliases ?? [],
      };
      const birthDate = input.birthDate ?? undefined;
      await writeBatch(ctx, { nodes: [personUpsert(personSlug, person, birthDate, toSource(input.source))] });
      const [written] = await ctx.store.nodesBySlug('Person', [personSlug]);
      return written as NonNullable<typeof written>;
    },
  }),
);
