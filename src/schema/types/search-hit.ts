// SearchHit: full-text search across people, works, awards, organizations and places.

import { searchTokens } from '../../dataset/slug.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { AwardRef, OrganizationRef, PersonRef, PlaceRef, SearchHitRef, WorkRef } from '../refs.ts';
import { SearchHitKindEnum } from './enums.ts';

const typeOf = { Person: PersonRef, Work: WorkRef, Award: AwardRef, Organization: OrganizationRef, Place: PlaceRef };

builder.objectType(SearchHitRef, {
  fields: (t) => ({
    kind: t.field({ type: SearchHitKindEnum, resolve: (h) => h.label.toUpperCase() }),
    slug: t.exposeString('slug'),
    name: t.exposeString('name', { description: 'The matched name or title.' }),
    node: t.node({ id: (h) => ({ id: h.slug, type: typeOf[h.label] }) }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description: 'Names and titles with a word starting with each search word; whole-name, then prefix matches first.',
    args: { text: t.arg.string({ required: true }), first: t.arg.int() },
    resolve: (_root, { text, first }, ctx) => {
      if (searchTokens(text).length === 0) throw badInput('"text" needs at least one letter or digit.', 'text');
      const limit = first ?? ctx.config.DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(limit) || limit < 1 || limit > ctx.config.MAX_PAGE_SIZE)
        throw badInput(`"first" must be from 1 to ${ctx.config.MAX_PAGE_SIZE}; got ${limit}.`, 'first');
      return ctx.store.search(text, limit);
    },
  }),
);
