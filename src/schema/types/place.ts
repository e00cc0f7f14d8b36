// Place and Organization: where people were born, studied and worked.
import { loadAll } from '../../loaders.ts';
import { builder } from '../builder.ts';
import {
  AffiliationRef,
  AssociationRef,
  BirthRef,
  IdentifierRef,
  OrganizationRef,
  PersonRef,
  PlaceRef,
  SourceRef,
} from '../refs.ts';
import { AffiliationTypeEnum, AssociationTypeEnum, DirectionEnum, OrganizationKindEnum } from './enums.ts';

builder.node(PlaceRef, {
  id: { resolve: (p) => p.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.place, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    identifiers: t.field({
      type: [IdentifierRef],
      resolve: (p, _a, ctx) => ctx.loaders.identifiersOf('Place').load(p.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (p) => p.sources }),
  }),
});

builder.node(OrganizationRef, {
  description: 'A school or a studio.',
  id: { resolve: (o) => o.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.organization, slugs),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    kind: t.field({ type: OrganizationKindEnum, resolve: (o) => o.kind as 'SCHOOL' }),
    identifiers: t.field({
      type: [IdentifierRef],
      resolve: (o, _a, ctx) => ctx.loaders.identifiersOf('Organization').load(o.slug),
    }),
    sources: t.field({ type: [SourceRef], resolve: (o) => o.sources }),
  }),
});

builder.objectType(BirthRef, {
  fields: (t) => ({
    date: t.exposeString('date', { nullable: true }),
    place: t.field({ type: PlaceRef, resolve: (b) => b.place }),
    sources: t.field({ type: [SourceRef], resolve: (b) => b.sources }),
  }),
});

builder.objectType(AffiliationRef, {
  description: 'A person at a school or studio: studied, worked or taught there, with years where stated.',
  fields: (t) => ({
    type: t.field({ type: AffiliationTypeEnum, resolve: (a) => a.type }),
    organization: t.field({ type: OrganizationRef, resolve: (a) => a.organization }),
    role: t.exposeString('role', { nullable: true }),
    detail: t.exposeString('detail', { nullable: true }),
    startYear: t.exposeInt('startYear', { nullable: true }),
    endYear: t.exposeInt('endYear', { nullable: true }),
    period: t.exposeString('period', { nullable: true, description: 'A loose period in the source\'s words ("early 1990s").' }),
    sources: t.field({ type: [SourceRef], resolve: (a) => a.sources }),
  }),
});

builder.objectType(AssociationRef, {
  fields: (t) => ({
    type: t.field({ type: AssociationTypeEnum, resolve: (a) => a.type }),
    direction: t.field({
      type: DirectionEnum,
      description: 'OUT: this person is the `from` side — the mentor, the parent, the one named first; IN: the other is.',
      resolve: (a) => a.direction,
    }),
    person: t.field({ type: PersonRef, resolve: (a) => a.person }),
    detail: t.exposeString('detail', { nullable: true }),
    beginDate: t.exposeString('beginDate', { nullable: true }),
    endDate: t.exposeString('endDate', { nullable: true }),
    attributes: t.exposeStringList('attributes'),
    sources: t.field({ type: [SourceRef], resolve: (a) => a.sources }),
  }),
});
