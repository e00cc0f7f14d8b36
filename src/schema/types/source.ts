// Source: where a fact is stated — the document, its citation markers and the verbatim quote.

import { builder } from '../builder.ts';
import { SourceRef } from '../refs.ts';

builder.objectType(SourceRef, {
  description: 'Where a fact is stated: the document, its citation markers ("[13]" is "13") and the verbatim words.',
  fields: (t) => ({
    document: t.exposeString('document', { description: 'Slug of the source document.' }),
    citations: t.exposeStringList('citations'),
    quote: t.exposeString('quote', { description: 'The sentence or clause of the document, verbatim.' }),
  }),
});
