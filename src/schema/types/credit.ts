// Credit: one person in one role on one work, with the sources that state it.
import { builder } from '../builder.ts';
import { CreditRef, PersonRef, SourceRef, WorkRef } from '../refs.ts';
import { RoleEnum } from './enums.ts';

builder.objectType(CreditRef, {
  description: 'One person in one role on one work; a person with several roles on a work has several credits.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (c) => c.person }),
    work: t.field({ type: WorkRef, resolve: (c) => c.work }),
    role: t.field({ type: RoleEnum, resolve: (c) => c.role }),
    detail: t.exposeString('detail', { nullable: true, description: 'The source\'s nuance: "select tracks", "rock remix"…' }),
    attributes: t.exposeStringList('attributes', {
      description: 'The source\'s words on the credit: the instrument played, "lead vocals", "guest", "additional".',
    }),
    creditedAs: t.exposeString('creditedAs', {
      nullable: true,
      description: 'The name the person is credited as on this work, where it differs from theirs.',
    }),
    beginDate: t.exposeString('beginDate', { nullable: true, description: 'When the work on it began, where stated.' }),
    endDate: t.exposeString('endDate', { nullable: true }),
    sources: t.field({ type: [SourceRef], resolve: (c) => c.sources }),
  }),
});
