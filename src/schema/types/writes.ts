// Mutations: upserts by slug, credits, award wins and dataset import — each one atomic, each fact with its source.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { ROLES, type Role, WORK_KINDS } from '../../dataset/format.ts';
import { searchTokens, slugify } from '../../dataset/slug.ts';
import { InvalidDatasetError } from '../../dataset/validate.ts';
import { type LookupLabel, MissingNodeError, type SourceRecord, type WriteBatch } from '../../graph/store.ts';
import { datasetRows, ingestRows } from '../../ingest/pipeline.ts';
import { IdentityConflictError } from '../../ingest/resolve-identities.ts';
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { notFound } from '../errors.ts';
import { AwardWinRef, CreditRef, DocumentRef, PersonRef, WorkRef } from '../refs.ts';
import { RoleEnum, WorkKindEnum } from './enums.ts';

// ── validation: one BAD_USER_INPUT naming every bad field ────────────────────────────────────────────────────

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters and digits joined by single hyphens');
const text = z.string().refine((v) => v.trim().length > 0, 'must not be empty');
const year = z.number().int().min(1000, 'must be a year from 1000 to 2999').max(2999, 'must be a year from 1000 to 2999');
const sourceInput = z.object({
  document: slug,
  citations: z.array(z.string().regex(/^\d+$/, 'a citation is the number inside the brackets')).nullish(),
  quote: text,
});

function check<T>(schema: z.ZodType<T>, value: unknown, argument: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: [argument, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new GraphQLError(`Invalid ${argument}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
  });
}

const toSource = (s: z.output<typeof sourceInput>): SourceRecord => ({
  document: s.document,
  citations: s.citations ?? [],
  quote: s.quote,
});

/** Every referenced slug must exist: one batched lookup per label, NOT_FOUND naming the field otherwise. */
async function requireAll(ctx: Context, refs: readonly { label: LookupLabel; slug: string; field: string }[]) {
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

/** Runs a batch; a node that vanished between the check and the write is still a NOT_FOUND, not a crash. */
async function write(ctx: Context, batch: WriteBatch) {
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

// ── types ────────────────────────────────────────────────────────────────────────────────────────────────────

const JSONScalar = builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const SourceInput = builder.inputType('SourceInput', {
  description: 'Where the fact is stated: a document (upsertDocument first), its citation markers, the verbatim words.',
  fields: (t) => ({
    document: t.string({ required: true }),
    citations: t.stringList(),
    quote: t.string({ required: true }),
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

const ImportSummary = builder.objectRef<{
  nodesCreated: number;
  relationshipsCreated: number;
  updated: number;
  unchanged: number;
}>('ImportSummary');
builder.objectType(ImportSummary, {
  fields: (t) => ({
    nodesCreated: t.exposeInt('nodesCreated'),
    relationshipsCreated: t.exposeInt('relationshipsCreated'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

// ── mutations ────────────────────────────────────────────────────────────────────────────────────────────────

builder.mutationFields((t) => ({
  upsertDocument: t.field({
    type: DocumentRef,
    description: 'Create or update a source document by slug (derived from the title when omitted).',
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('UpsertDocumentInput', {
          fields: (f) => ({ slug: f.string(), title: f.string({ required: true }), url: f.string() }),
        }),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = check(z.object({ slug: slug.nullish(), title: text, url: z.url().nullish() }), args.input, 'input');
      const documentSlug = input.slug ?? check(slug, slugify(input.title), 'input.title');
      await write(ctx, {
        nodes: [{ label: 'Document', slug: documentSlug, set: { title: input.title, ...(input.url ? { url: input.url } : {}) } }],
      });
      const [document] = await ctx.store.nodesBySlug('Document', [documentSlug]);
      return (
        document ?? { slug: documentSlug, title: input.title, url: input.url ?? null, kind: null, licence: null, text: null }
      );
    },
  }),

  upsertPerson: t.field({
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
      const input = check(
        z.object({
          slug: slug.nullish(),
          name: text,
          isGroup: z.boolean().nullish(),
          aliases: z.array(text).nullish(),
          birthDate: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).nullish(),
          source: sourceInput,
        }),
        args.input,
        'input',
      );
      const personSlug = input.slug ?? check(slug, slugify(input.name), 'input.name');
      await requireAll(ctx, [{ label: 'Document', slug: input.source.document, field: 'input.source.document' }]);
      const [existing] = await loadAll(ctx.loaders.person, [personSlug]);
      const aliases = input.aliases ?? existing?.aliases ?? [];
      const set = {
        name: input.name,
        aliases,
        searchText: searchTokens([input.name, ...aliases].join(' ')).join(' '),
        isGroup: input.isGroup ?? existing?.isGroup ?? false,
        ...(input.birthDate ? { birthDate: input.birthDate } : {}),
      };
      await write(ctx, { nodes: [{ label: 'Person', slug: personSlug, set, source: toSource(input.source) }] });
      const [written] = await ctx.store.nodesBySlug('Person', [personSlug]);
      return written as NonNullable<typeof written>;
    },
  }),

  upsertWork: t.field({
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
      const input = check(
        z.object({ slug: slug.nullish(), title: text, kind: z.enum(WORK_KINDS), year: year.nullish(), source: sourceInput }),
        args.input,
        'input',
      );
      const workSlug = input.slug ?? check(slug, slugify(input.title), 'input.title');
      await requireAll(ctx, [{ label: 'Document', slug: input.source.document, field: 'input.source.document' }]);
      const set = {
        title: input.title,
        kind: input.kind,
        searchText: searchTokens(input.title).join(' '),
        ...(input.year != null ? { year: input.year } : {}),
      };
      await write(ctx, { nodes: [{ label: 'Work', slug: workSlug, set, source: toSource(input.source) }] });
      const [written] = await ctx.store.nodesBySlug('Work', [workSlug]);
      return written as NonNullable<typeof written>;
    },
  }),

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
      const input = check(
        z.object({ person: slug, work: slug, role: z.enum(ROLES), detail: text.nullish(), source: sourceInput }),
        args.input,
        'input',
      );
      await requireAll(ctx, [
        { label: 'Person', slug: input.person, field: 'input.person' },
        { label: 'Work', slug: input.work, field: 'input.work' },
        { label: 'Document', slug: input.source.document, field: 'input.source.document' },
      ]);
      await write(ctx, {
        rels: [
          {
            type: 'CREDITED',
            fromLabel: 'Person',
            from: input.person,
            toLabel: 'Work',
            to: input.work,
            key: input.role,
            set: { role: input.role, ...(input.detail ? { detail: input.detail } : {}) },
            source: toSource(input.source),
          },
        ],
      });
      const [credits] = await ctx.store.creditsOfWorks([input.work], { roles: [input.role as Role] });
      const credit = credits?.find((c) => c.person.slug === input.person);
      if (!credit) throw new Error(`credit ${input.person}/${input.work}/${input.role} not found after writing it`);
      return credit;
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
      const input = check(z.object({ person: slug, work: slug, role: z.enum(ROLES) }), args.input, 'input');
      await requireAll(ctx, [
        { label: 'Person', slug: input.person, field: 'input.person' },
        { label: 'Work', slug: input.work, field: 'input.work' },
      ]);
      const result = await write(ctx, {
        removeRels: [
          { type: 'CREDITED', fromLabel: 'Person', from: input.person, toLabel: 'Work', to: input.work, key: input.role },
        ],
      });
      return { removed: result.relationshipsRemoved > 0, person: input.person, work: input.work };
    },
  }),

  addAwardWin: t.field({
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
      const input = check(
        z.object({
          slug: slug.nullish(),
          award: slug,
          category: text.nullish(),
          year: year.nullish(),
          work: slug.nullish(),
          recipients: z.array(slug).nullish(),
          source: sourceInput,
        }),
        args.input,
        'input',
      );
      const recipients = [...new Set(input.recipients ?? [])];
      const winSlug =
        input.slug ?? slugify([input.award, input.year ?? 'undated', input.work ?? '', input.category ?? ''].join(' '));
      await requireAll(ctx, [
        { label: 'Award', slug: input.award, field: 'input.award' },
        ...(input.work ? [{ label: 'Work' as const, slug: input.work, field: 'input.work' }] : []),
        ...recipients.map((r, i) => ({ label: 'Person' as const, slug: r, field: `input.recipients.${i}` })),
        { label: 'Document', slug: input.source.document, field: 'input.source.document' },
      ]);
      const source = toSource(input.source);
      await write(ctx, {
        nodes: [
          {
            label: 'AwardWin',
            slug: winSlug,
            set: { ...(input.category ? { category: input.category } : {}), ...(input.year != null ? { year: input.year } : {}) },
            source,
          },
        ],
        rels: [
          { type: 'OF_AWARD', fromLabel: 'AwardWin', from: winSlug, toLabel: 'Award', to: input.award, key: '', set: {}, source },
          ...(input.work
            ? [
                {
                  type: 'FOR_WORK' as const,
                  fromLabel: 'AwardWin' as const,
                  from: winSlug,
                  toLabel: 'Work' as const,
                  to: input.work,
                  key: '',
                  set: {},
                  source,
                },
              ]
            : []),
          ...recipients.map((r) => ({
            type: 'RECEIVED' as const,
            fromLabel: 'Person' as const,
            from: r,
            toLabel: 'AwardWin' as const,
            to: winSlug,
            key: '',
            set: {},
            source,
          })),
        ],
      });
      const [written] = await ctx.store.nodesBySlug('AwardWin', [winSlug]);
      return written as NonNullable<typeof written>;
    },
  }),

  importDataset: t.field({
    type: ImportSummary,
    description:
      'Import a dataset in the liner-dataset format (docs/dataset-format.md) in one transaction. Problems come back ' +
      'together as BAD_USER_INPUT with extensions.problems [{ path, message }]; nothing is written then.',
    args: { dataset: t.arg({ type: JSONScalar, required: true }) },
    resolve: async (_root, args, ctx) => {
      let rows: ReturnType<typeof datasetRows>;
      try {
        rows = datasetRows(args.dataset);
      } catch (error) {
        if (!(error instanceof InvalidDatasetError)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: 'BAD_USER_INPUT', field: 'dataset', problems: error.problems },
        });
      }
      const summary = await ingestRows(ctx.store, rows).catch((error: unknown) => {
        if (!(error instanceof IdentityConflictError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'dataset' } });
      });
      ctx.loaders.clearAll();
      return summary;
    },
  }),
}));
