// Document: a source facts are quoted from — an article, a catalogue's page, the editors' own inference — with its
// text where Liner holds it, so every quote can be read in its context.
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
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
