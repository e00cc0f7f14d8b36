// Conflict: where the sources contradict themselves, every claim kept with its own quote.
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import { ClaimRef, ConflictRef, SourceRef } from '../refs.ts';

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

builder.queryField('conflicts', (t) => t.field({ type: [ConflictRef], resolve: (_root, _args, ctx) => ctx.store.conflicts() }));
