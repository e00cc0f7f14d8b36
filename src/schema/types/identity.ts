// Duplicates and hand merges: possibleDuplicates finds candidate pairs with evidence, mergeNodes folds one node into
// another, splitNode undoes a merge, merges lists what was merged by whom.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.ts';
import {
  ConcurrentChangeError,
  MissingNodeError,
  NodeStillLinkedError,
  type PersonRecord,
  type WorkRecord,
} from '../../graph/store.ts';
import type { DuplicateCandidate, DuplicateEvidence, YearSpan } from '../../identity/duplicates.ts';
import { type MergeableLabel, type MergeRecord, MergeRefusedError } from '../../identity/merge-plan.ts';
import { listMerges, mergeNodes, mergeRecord, splitNode, UnknownNodeError } from '../../identity/merge-service.ts';
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { badInput, notFound } from '../errors.ts';
import { pageArgs, toConnection } from '../pagination.ts';
import { ConflictRef, PersonRef, WorkRef } from '../refs.ts';

/** Largest page of candidates: each is scored from its nodes' credits and collaborators. */
const MAX_CANDIDATES_PAGE = 50;
/** The base cost of possibleDuplicates: it reads every name of the label, whatever the page. */
const DUPLICATES_COST = 500;

const MergeLabelEnum = builder.enumType('MergeLabel', {
  description: 'The kinds of node that can be compared and merged.',
  values: { PERSON: { value: 'Person' }, WORK: { value: 'Work' } } as const,
});

const Mergeable = builder.unionType('Mergeable', {
  types: [PersonRef, WorkRef],
  resolveType: (node) => ('title' in node ? WorkRef : PersonRef),
});

async function loadNode(ctx: Context, label: MergeableLabel, slug: string): Promise<PersonRecord | WorkRecord | null> {
  if (label === 'Person') return (await loadAll(ctx.loaders.person, [slug]))[0] ?? null;
  return (await loadAll(ctx.loaders.work, [slug]))[0] ?? null;
}

const YearSpanRef = builder.objectRef<YearSpan>('YearSpan');
builder.objectType(YearSpanRef, {
  description: 'The first and last year a node is known to be active (credits, life span, release).',
  fields: (t) => ({ from: t.exposeInt('from'), to: t.exposeInt('to') }),
});

const EvidenceRef = builder.objectRef<DuplicateEvidence>('DuplicateEvidence');
builder.objectType(EvidenceRef, {
  description: 'Why two nodes may be one entity.',
  fields: (t) => ({
    nameKey: t.exposeString('nameKey', { description: 'The normalised name both share ("the persuader", "mora").' }),
    sameName: t.exposeBoolean('sameName', { description: 'Both names normalise to it; false when an alias does.' }),
    sharedWorks: t.exposeStringList('sharedWorks', {
      description: 'People: titles of works both are credited on (one work, or one normalised title and year).',
    }),
    sharedPeople: t.exposeStringList('sharedPeople', {
      description: 'People: collaborators both have. Works: people credited on both. By normalised name.',
    }),
    yearsA: t.field({ type: YearSpanRef, nullable: true, resolve: (e) => e.yearsA }),
    yearsB: t.field({ type: YearSpanRef, nullable: true, resolve: (e) => e.yearsB }),
    yearsOverlap: t.exposeBoolean('yearsOverlap', { nullable: true, description: 'Null when either has no years.' }),
    sameKind: t.exposeBoolean('sameKind', { nullable: true, description: 'Works: both of one kind.' }),
    reasons: t.exposeStringList('reasons', { description: 'The evidence in words.' }),
  }),
});

const CandidateRef = builder.objectRef<DuplicateCandidate>('DuplicateCandidate');
builder.objectType(CandidateRef, {
  description: 'Two nodes that may be one entity; merge them with mergeNodes if they are.',
  fields: (t) => ({
    label: t.field({ type: MergeLabelEnum, resolve: (c) => c.label }),
    // Both were just read by the same request's finder; the cast only drops the null no lookup here can give.
    a: t.field({ type: Mergeable, resolve: async (c, _a, ctx) => (await loadNode(ctx, c.label, c.a)) as PersonRecord }),
    b: t.field({ type: Mergeable, resolve: async (c, _a, ctx) => (await loadNode(ctx, c.label, c.b)) as PersonRecord }),
    score: t.exposeFloat('score', { description: 'From 0 to 1: how strongly the evidence says one entity.' }),
    evidence: t.field({ type: EvidenceRef, resolve: (c) => c.evidence }),
  }),
});
const CandidateConnection = builder.connectionObject({ type: CandidateRef, name: 'DuplicateCandidateConnection' });

const MergeRef = builder.objectRef<MergeRecord>('Merge');
builder.objectType(MergeRef, {
  description: 'A hand merge: what was merged into what, by whom and when, and whether it was undone.',
  fields: (t) => ({
    id: t.exposeID('slug', { description: 'Give it to splitNode to undo the merge.' }),
    label: t.field({ type: MergeLabelEnum, resolve: (m) => m.label }),
    keep: t.field({
      type: Mergeable,
      nullable: true,
      description: 'The node kept (null once it no longer exists).',
      resolve: (m, _a, ctx) => loadNode(ctx, m.label, m.keep),
    }),
    keepSlug: t.exposeString('keep'),
    mergedSlug: t.exposeString('merged', { description: 'The slug of the node merged away (back after an undo).' }),
    mergedName: t.exposeString('mergedName'),
    by: t.exposeString('by', { description: 'Who merged: the token or JWT subject.' }),
    at: t.exposeString('at', { description: 'When, as an ISO timestamp.' }),
    undone: t.boolean({ resolve: (m) => m.undoneAt !== null }),
    undoneBy: t.exposeString('undoneBy', { nullable: true }),
    undoneAt: t.exposeString('undoneAt', { nullable: true }),
    movedRelationships: t.int({
      description: 'Relationships moved from the merged node (identifiers included).',
      resolve: (m) => m.snapshot.merged.rels.length,
    }),
    conflicts: t.field({
      type: [ConflictRef],
      description: 'Conflicts the merge recorded where both stated a property differently (gone after an undo).',
      resolve: async (m, _a, ctx) => {
        if (m.undoneAt !== null) return [];
        const slugs = m.snapshot.conflicts.nodes.filter((n) => n.label === 'Conflict').map((n) => n.slug);
        return (await loadAll(ctx.loaders.conflict, slugs)).filter((c) => c !== null) as never;
      },
    }),
  }),
});
const MergeConnection = builder.connectionObject({ type: MergeRef, name: 'MergeConnection' });

/** A slug, or a global id of the label ("Person:thom-russo" encoded) as the API gives out. */
function slugArgument(value: string, label: MergeableLabel, argument: string): string {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return value;
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(value);
  } catch {
    decoded = null;
  }
  if (!decoded || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(decoded.id))
    throw badInput(`"${argument}" must be a slug or a node id; got "${value}".`, argument);
  if (decoded.typename !== label)
    throw badInput(
      `"${argument}" is a ${decoded.typename} and label is ${label.toUpperCase()}: only two nodes of one label can be merged.`,
      argument,
    );
  return decoded.id;
}

/** The merge's own errors as client errors naming the argument; others pass through (masked). */
function asClientError(error: unknown): unknown {
  if (error instanceof UnknownNodeError) {
    if (error.otherLabel)
      return badInput(
        `"${error.argument}": "${error.slug}" is a ${error.otherLabel.toLowerCase()}, not a ${error.label.toLowerCase()}; ` +
          'only two nodes of one label can be merged.',
        error.argument,
      );
    return notFound(error.label.toLowerCase(), error.slug, error.argument);
  }
  if (error instanceof MergeRefusedError) return badInput(error.message, error.argument);
  if (error instanceof MissingNodeError || error instanceof NodeStillLinkedError || error instanceof ConcurrentChangeError)
    return new GraphQLError(`The nodes changed while merging (${error.message}); nothing was changed. Try again.`, {
      extensions: { code: 'CONFLICT' },
    });
  return error;
}

builder.queryFields((t) => ({
  possibleDuplicates: t.field({
    type: CandidateConnection,
    description:
      'Pairs of nodes that may be one entity, best first (score, then slugs), each with its evidence. Candidates ' +
      'share a normalised name or alias; pairs with one identifier in common (already one) or two different ' +
      'identifiers of one scheme (two entities) are left out.',
    args: {
      label: t.arg({ type: MergeLabelEnum, defaultValue: 'Person' }),
      minScore: t.arg.float({ description: 'Leave out pairs scoring less (0 to 1; default 0).' }),
      first: t.arg.int({ description: `At most ${MAX_CANDIDATES_PAGE}.` }),
      after: t.arg.string(),
    },
    complexity: (args, ctx) => ({
      field: DUPLICATES_COST,
      multiplier: Math.min(Math.max(1, args.first ?? ctx.config.DEFAULT_PAGE_SIZE), MAX_CANDIDATES_PAGE),
    }),
    resolve: async (_root, args, ctx) => {
      const minScore = args.minScore ?? 0;
      if (!(minScore >= 0 && minScore <= 1)) throw badInput(`"minScore" must be from 0 to 1; got ${minScore}.`, 'minScore');
      if (args.first != null && args.first > MAX_CANDIDATES_PAGE)
        throw badInput(`"first" is ${args.first}, over possibleDuplicates' page limit of ${MAX_CANDIDATES_PAGE}.`, 'first');
      const page = pageArgs(args, ctx.config);
      // One shared answer per label and data version, however many aliases and requests ask (DuplicateFinder).
      const all = await ctx.duplicates.candidates((args.label ?? 'Person') as MergeableLabel, ctx.deadline);
      const candidates = minScore === 0 ? all : all.filter((c) => c.score >= minScore);
      return toConnection({ items: candidates.slice(page.offset, page.offset + page.limit), total: candidates.length }, page);
    },
  }),
  merges: t.field({
    type: MergeConnection,
    description: 'Hand merges, latest first, undone ones included.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const page = pageArgs(args, ctx.config);
      const all = await listMerges(ctx.store);
      return toConnection({ items: all.slice(page.offset, page.offset + page.limit), total: all.length }, page);
    },
  }),
  merge: t.field({
    type: MergeRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => mergeRecord(ctx.store, String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  mergeNodes: t.field({
    type: MergeRef,
    description:
      'Merge `merge` into `keep` (slugs or ids), all or nothing: its relationships and identifiers move to `keep`, its ' +
      'name becomes an alias, sources are united, properties `keep` lacks are added, and a property both state ' +
      "differently keeps `keep`'s value with a Conflict holding both claims. Answers the merge record; splitNode undoes it.",
    args: {
      label: t.arg({ type: MergeLabelEnum, required: true }),
      keep: t.arg.id({ required: true }),
      merge: t.arg.id({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const label = args.label as MergeableLabel;
      const keep = slugArgument(String(args.keep), label, 'keep');
      const merge = slugArgument(String(args.merge), label, 'merge');
      try {
        return await mergeNodes(ctx.store, label, keep, merge, ctx.auth.viewer?.subject ?? 'unknown');
      } catch (error) {
        throw asClientError(error);
      } finally {
        ctx.loaders.clearAll();
      }
    },
  }),
  splitNode: t.field({
    type: MergeRef,
    description:
      'Undo a merge (its id from mergeNodes or merges): the merged node comes back with its properties and ' +
      'relationships, and what the merge added to the kept node (alias, sources, properties, conflicts) goes. ' +
      'Refused, changing nothing, when the kept node or a moved relationship changed since the merge.',
    args: { merge: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        return await splitNode(ctx.store, String(args.merge), ctx.auth.viewer?.subject ?? 'unknown');
      } catch (error) {
        throw asClientError(error);
      } finally {
        ctx.loaders.clearAll();
      }
    },
  }),
}));
