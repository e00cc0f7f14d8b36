// Conflict: where the sources contradict themselves, every claim kept with its own quote.
import type { LookupLabel } from '../../graph/store.ts';
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { ClaimRef, ConflictRef, SourceRef } from '../refs.ts';
import { DocumentKindEnum } from './enums.ts';

/** What a conflict can be about: the API's names for the node labels conflicts point at. */
const SUBJECT_LABELS = {
  PERSON: 'Person',
  WORK: 'Work',
  AWARD_WIN: 'AwardWin',
  AWARD: 'Award',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
} as const satisfies Record<string, LookupLabel>;

const ConflictSubjectTypeEnum = builder.enumType('ConflictSubjectType', {
  description: 'The kind of node a conflict is about.',
  values: Object.keys(SUBJECT_LABELS) as (keyof typeof SUBJECT_LABELS)[],
});

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

builder.node(ConflictRef, {
  description: 'A contradiction in the sources. No claim is picked over another; each keeps its quote.',
  id: { resolve: (c) => c.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.conflict, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    description: t.exposeString('description'),
    claims: t.field({ type: [ClaimRef], resolve: (c) => c.claims }),
    subjects: t.stringList({
      description: 'What the conflict is about, as "Label:slug" (e.g. "Work:amar-es-combatir").',
      resolve: (c) => c.about.map((s) => `${s.label}:${s.slug}`),
    }),
  }),
});

builder.objectType(ClaimRef, {
  fields: (t) => ({
    statement: t.exposeString('statement'),
    source: t.field({ type: SourceRef, resolve: (c) => c.source }),
  }),
});

builder.queryField('conflicts', (t) =>
  t.field({
    type: [ConflictRef],
    description:
      'Contradictions in the sources, by slug: all of them, or those the arguments keep (every argument given must hold). ' +
      'Where two catalogues disagree about one node (a begin date, a year), its conflict has one claim from each.',
    args: {
      source: t.arg.string({ description: 'Only conflicts with a claim quoted from this document (its slug).' }),
      sourceKind: t.arg({
        type: DocumentKindEnum,
        description: 'Only conflicts with a claim quoted from a document of this kind (MUSICBRAINZ, DISCOGS…).',
      }),
      about: t.arg.string({ description: 'Only conflicts about the node with this slug.' }),
      aboutType: t.arg({
        type: ConflictSubjectTypeEnum,
        description: 'Only conflicts about a node of this kind; with `about`, about that node of this kind.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.source != null && !(await ctx.loaders.document.load(args.source)))
        throw badInput(`No document with slug "${args.source}" (argument "source").`, 'source');
      const aboutLabel = args.aboutType == null ? undefined : SUBJECT_LABELS[args.aboutType];
      if (args.about != null) {
        if (!SLUG.test(args.about))
          throw badInput(
            `"${args.about}" is not a slug (argument "about"): lowercase letters and digits joined by single hyphens.`,
            'about',
          );
        if (aboutLabel !== undefined && !(await ctx.store.nodesBySlug(aboutLabel, [args.about]))[0])
          throw badInput(`No ${aboutLabel} with slug "${args.about}" (argument "about").`, 'about');
      }
      return ctx.store.conflicts({
        source: args.source ?? undefined,
        sourceKind: args.sourceKind ?? undefined,
        about: args.about ?? undefined,
        aboutLabel,
      });
    },
  }),
);
