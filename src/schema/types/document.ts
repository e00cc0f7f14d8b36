// Document: a source facts are quoted from — an article, a catalogue's page, the editors' own inference — with its
// text where Liner holds it, so every quote can be read in its context.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { nonBlank, slug, webAddress } from '../../dataset/format.ts';
import { slugify } from '../../dataset/slug.ts';
import { documentUpsert } from '../../graph/write-rows.ts';
import { builder } from '../builder.ts';
import { checkInput, derivedSlug, writeBatch } from '../mutations.ts';
import { pageArgs, toConnection } from '../pagination.ts';
import { DocumentRef } from '../refs.ts';
import { DocumentKindEnum } from './enums.ts';

builder.objectType(DocumentRef, {
  description: 'A source document facts are quoted from.',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    url: t.exposeString('url', { nullable: true, description: 'Where the original can be read.' }),
    kind: t.field({ type: DocumentKindEnum, nullable: true, resolve: (d) => d.kind }),
    licence: t.exposeString('licence', { nullable: true, description: "The terms the document's words are used under." }),
    text: t.exposeString('text', {
      nullable: true,
      description: "The document's text where Liner holds it; each Source's `span` points into it.",
    }),
  }),
});

const DocumentConnection = builder.connectionObject({ type: DocumentRef, name: 'DocumentConnection' });

builder.queryFields((t) => ({
  document: t.field({
    type: DocumentRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (_root, { slug }, ctx) => {
      const document = await ctx.loaders.document.load(slug);
      if (!document)
        throw new GraphQLError(`No document with slug "${slug}".`, { extensions: { code: 'NOT_FOUND', argument: 'slug', slug } });
      return document;
    },
  }),
  documents: t.field({
    type: DocumentConnection,
    description: 'Every source document, by slug.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const page = pageArgs(args, ctx.config);
      return toConnection(await ctx.store.listDocuments(page), page);
    },
  }),
}));

const upsertDocumentCheck = z.object({ slug: slug.nullish(), title: nonBlank, url: webAddress.nullish() });

builder.mutationField('upsertDocument', (t) =>
  t.field({
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
      const input = checkInput(upsertDocumentCheck, args.input, 'input');
      const documentSlug = input.slug ?? derivedSlug(slugify(input.title), 'input.title');
      await writeBatch(ctx, { nodes: [documentUpsert(documentSlug, { title: input.title, url: input.url ?? undefined })] });
      const [document] = await ctx.store.nodesBySlug('Document', [documentSlug]);
      return (
        document ?? { slug: documentSlug, title: input.title, url: input.url ?? null, kind: null, licence: null, text: null }
      );
    },
  }),
);
