// What a node or relationship stores besides its provenance, whichever way it arrives: a dataset's load
// (datasetToRows) and the API's mutations (write-rows.ts) both build their properties here, so a person written by
// upsertPerson and the same person loaded from a dataset are the same stored row.
import type { Dataset, Role } from '../dataset/format.ts';
import { searchTokens } from '../dataset/slug.ts';
import type { Props, PropValue } from './rows.ts';
import type { RelRef } from './store.ts';

type PersonEntry = Dataset['people'][number];
type WorkEntry = Dataset['works'][number];
type DocumentEntry = Dataset['documents'][number];
type CreditEntry = Dataset['credits'][number];
type AwardWinEntry = Dataset['awardWins'][number];

/** Drop undefined values: neither store keeps a property that was not stated. */
export function defined(props: Record<string, PropValue | undefined>): Props {
  const out: Props = {};
  for (const name in props) {
    const value = props[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The words search matches a node by (its name, title or aliases), as both stores' search reads them. */
export function searchText(...names: string[]): string {
  return searchTokens(names.join(' ')).join(' ');
}

/** A person as a mutation states one: the name, whether a group, aliases; the dataset's further facts optional. */
export type PersonFacts = Pick<PersonEntry, 'name' | 'isGroup' | 'aliases'> &
  Partial<Omit<PersonEntry, 'slug' | 'sources' | 'identifiers' | 'area'>>;

/** `birthDate` apart: a dataset states it in `births`, a mutation on the person. */
export function personProps(p: PersonFacts, birthDate: string | undefined): Props {
  return {
    ...defined({
      name: p.name,
      isGroup: p.isGroup,
      aliases: p.aliases,
      birthDate,
      kind: p.kind,
      gender: p.gender,
      sortName: p.sortName,
      disambiguation: p.disambiguation,
      country: p.country,
      beginDate: p.beginDate,
      endDate: p.endDate,
      ended: p.ended,
      nationality: p.nationality,
      occupations: p.occupations,
      genres: p.genres,
    }),
    searchText: searchText(p.name, ...p.aliases),
  };
}

export type WorkFacts = Pick<WorkEntry, 'title' | 'kind'> & Partial<Omit<WorkEntry, 'slug' | 'sources' | 'identifiers'>>;

export function workProps(w: WorkFacts): Props {
  return {
    ...defined({
      title: w.title,
      kind: w.kind,
      year: w.year,
      endYear: w.endYear,
      date: w.date,
      disambiguation: w.disambiguation,
      lengthMs: w.lengthMs,
      sales: w.sales,
    }),
    searchText: searchText(w.title),
  };
}

/** A document has no provenance of its own: it is the source. */
export function documentProps(d: Omit<DocumentEntry, 'slug'>): Props {
  return defined({ title: d.title, path: d.path, url: d.url, kind: d.kind, licence: d.licence, text: d.text });
}

export type CreditFacts = Pick<CreditEntry, 'person' | 'work' | 'role'> & Partial<Omit<CreditEntry, 'sources'>>;

export function creditProps(c: CreditFacts): Props {
  return defined({
    role: c.role,
    detail: c.detail,
    attributes: c.attributes,
    creditedAs: c.creditedAs,
    beginDate: c.beginDate,
    endDate: c.endDate,
  });
}

/** A credit is keyed by its role: one person may hold several roles on one work. */
export function creditLink(person: string, work: string, role: Role | string): RelRef {
  return { type: 'CREDITED', fromLabel: 'Person', from: person, toLabel: 'Work', to: work, key: role };
}

export type AwardWinFacts = Pick<AwardWinEntry, 'slug' | 'award' | 'recipients'> & Partial<Omit<AwardWinEntry, 'sources'>>;

export function awardWinProps(w: AwardWinFacts): Props {
  return defined({ category: w.category, year: w.year, note: w.note });
}

/** A win's award, its work where stated, and each recipient: every one with the win's sources and no other property. */
export function awardWinLinks(w: AwardWinFacts): RelRef[] {
  const link = (type: RelRef['type'], fromLabel: RelRef['fromLabel'], from: string, toLabel: RelRef['toLabel'], to: string) =>
    ({ type, fromLabel, from, toLabel, to, key: '' }) satisfies RelRef;
  return [
    link('OF_AWARD', 'AwardWin', w.slug, 'Award', w.award),
    ...(w.work ? [link('FOR_WORK', 'AwardWin', w.slug, 'Work', w.work)] : []),
    ...w.recipients.map((r) => link('RECEIVED', 'Person', r, 'AwardWin', w.slug)),
  ];
}
