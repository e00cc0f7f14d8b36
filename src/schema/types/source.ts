// Source: where a fact is stated — the document, its citation markers, the verbatim quote and where it stands.

import type { SourceRecord } from '../../graph/store.ts';
import { builder } from '../builder.ts';
import { DocumentRef, SourceRef } from '../refs.ts';

const Span = builder.objectRef<{ start: number; end: number }>('Span').implement({
  description: "Where a quote stands in its document's text: UTF-16 offsets, `end` exclusive (as JavaScript slices).",
  fields: (t) => ({ start: t.exposeInt('start'), end: t.exposeInt('end') }),
});

builder.objectType(SourceRef, {
  description: 'Where a fact is stated: the document, its citation markers ("[13]" is "13") and the verbatim words.',
  fields: (t) => ({
    document: t.field({
      type: DocumentRef,
      description: 'The source document. (Until this release a slug; that slug is `documentSlug` now.)',
      resolve: async (s, _a, ctx) => {
        const document = await ctx.loaders.document.load(s.document);
        if (!document) throw new Error(`source cites a missing document "${s.document}"`);
        return document;
      },
    }),
    documentSlug: t.exposeString('document', { description: 'Slug of the source document.' }),
    citations: t.exposeStringList('citations'),
    quote: t.exposeString('quote', { description: 'The sentence or clause of the document, verbatim.' }),
    span: t.field({
      type: Span,
      nullable: true,
      description: "Where the quote stands in the document's text; null where Liner holds no text for it.",
      resolve: async (s: SourceRecord, _a, ctx) => {
        const text = (await ctx.loaders.document.load(s.document))?.text;
        const start = text ? text.indexOf(s.quote) : -1;
        return start === -1 ? null : { start, end: start + s.quote.length };
      },
    }),
  }),
});

/** How a mutation states a fact's source; checked by src/schema/mutations.ts `sourceCheck`. */
export const SourceInput = builder.inputType('SourceInput', {
  description: 'Where the fact is stated: a document (upsertDocument first), its citation markers, the verbatim words.',
  fields: (t) => ({
    document: t.string({ required: true }),
    citations: t.stringList(),
    quote: t.string({ required: true }),
  }),
});
