// CreditStats and topPeople: how many credits a person or work has by role, kind, year and decade, and who leads.
import type { Role, WorkKind } from '../../dataset/format.ts';
import type { CreditRecord, PeopleRanking, RankedPersonRecord } from '../../graph/store.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { PersonRef } from '../refs.ts';
import { RoleEnum, WorkKindEnum } from './enums.ts';

export interface CreditStatsRecord {
  total: number;
  byRole: { role: Role; count: number }[];
  byKind: { kind: WorkKind; count: number }[];
  byYear: { year: number; count: number }[];
  byDecade: { decade: number; count: number }[];
  undated: number;
}

/** Counts of equal keys, most first, ties in key order. */
function countBy<K extends string | number>(keys: K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Computed once above the port from the credits either store answers, so both stores agree by construction. */
export function creditStats(credits: readonly CreditRecord[]): CreditStatsRecord {
  const years = credits.flatMap((c) => (c.work.year === null ? [] : [c.work.year]));
  const chronological = <K extends number>(rows: { key: K; count: number }[]) => rows.sort((a, b) => a.key - b.key);
  return {
    total: credits.length,
    byRole: countBy(credits.map((c) => c.role)).map(({ key, count }) => ({ role: key, count })),
    byKind: countBy(credits.map((c) => c.work.kind)).map(({ key, count }) => ({ kind: key, count })),
    byYear: chronological(countBy(years)).map(({ key, count }) => ({ year: key, count })),
    byDecade: chronological(countBy(years.map((y) => y - (y % 10)))).map(({ key, count }) => ({ decade: key, count })),
    undated: credits.length - years.length,
  };
}

const RoleCount = builder.objectRef<{ role: Role; count: number }>('RoleCount').implement({
  fields: (t) => ({ role: t.field({ type: RoleEnum, resolve: (r) => r.role }), count: t.exposeInt('count') }),
});
const KindCount = builder.objectRef<{ kind: WorkKind; count: number }>('KindCount').implement({
  fields: (t) => ({ kind: t.field({ type: WorkKindEnum, resolve: (r) => r.kind }), count: t.exposeInt('count') }),
});
const YearCount = builder.objectRef<{ year: number; count: number }>('YearCount').implement({
  fields: (t) => ({ year: t.exposeInt('year'), count: t.exposeInt('count') }),
});
const DecadeCount = builder.objectRef<{ decade: number; count: number }>('DecadeCount').implement({
  fields: (t) => ({
    decade: t.exposeInt('decade', { description: "The decade's first year: 1990 for the 1990s." }),
    count: t.exposeInt('count'),
  }),
});

export const CreditStatsRef = builder.objectRef<CreditStatsRecord>('CreditStats').implement({
  description: 'How many credits, by role and work kind (most first), by year and decade (in order), undated apart.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    byRole: t.field({ type: [RoleCount], resolve: (s) => s.byRole }),
    byKind: t.field({ type: [KindCount], resolve: (s) => s.byKind }),
    byYear: t.field({ type: [YearCount], resolve: (s) => s.byYear }),
    byDecade: t.field({ type: [DecadeCount], resolve: (s) => s.byDecade }),
    undated: t.exposeInt('undated', { description: 'Credits on works with no year.' }),
  }),
});

const PeopleRankingEnum = builder.enumType('PeopleRanking', {
  values: {
    CREDITS: { description: 'By credits held.' },
    COLLABORATORS: { description: 'By distinct people credited on the same works.' },
  } as const,
});

const RankedPerson = builder.objectRef<RankedPersonRecord>('RankedPerson').implement({
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (r) => r.person }),
    count: t.exposeInt('count', { description: 'Credits held, or distinct collaborators, as `by` asked.' }),
  }),
});

builder.queryField('topPeople', (t) =>
  t.field({
    type: [RankedPerson],
    description:
      'People with the most credits or collaborators, most first, ties by slug; `roles` counts only credits in those roles (for COLLABORATORS: works they hold such a credit on).',
    args: {
      by: t.arg({ type: PeopleRankingEnum, defaultValue: 'CREDITS', required: true }),
      roles: t.arg({ type: [RoleEnum], required: false }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    resolve: (_root, args, ctx) => {
      const limit = args.first ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > ctx.config.MAX_PAGE_SIZE)
        throw badInput(`"first" must be from 1 to ${ctx.config.MAX_PAGE_SIZE}; got ${limit}.`, 'first');
      const roles = args.roles && args.roles.length > 0 ? [...new Set(args.roles)].sort() : undefined;
      return ctx.store.topPeople(args.by as PeopleRanking, { roles }, limit);
    },
  }),
);
