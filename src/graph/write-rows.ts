// The API's mutations as storage-level write batches: each node's and relationship's properties come from
// stored-props.ts, the very functions datasetToRows builds a load's rows with, and each fact carries its source.
import type { Role } from '../dataset/format.ts';
import { slugify } from '../dataset/slug.ts';
import type { NodeUpsert, RelRef, RelUpsert, SourceRecord, WriteBatch } from './store.ts';
import {
  type AwardWinFacts,
  awardWinLinks,
  awardWinProps,
  type CreditFacts,
  creditLink,
  creditProps,
  documentProps,
  type PersonFacts,
  personProps,
  type WorkFacts,
  workProps,
} from './stored-props.ts';

export function documentUpsert(slug: string, document: { title: string; url?: string | undefined }): NodeUpsert {
  return { label: 'Document', slug, set: documentProps(document) };
}

/** `person` holds every stated fact: the caller fills in what the mutation left out from the stored person. */
export function personUpsert(slug: string, person: PersonFacts, birthDate: string | undefined, source: SourceRecord): NodeUpsert {
  return { label: 'Person', slug, set: personProps(person, birthDate), source };
}

export function workUpsert(slug: string, work: WorkFacts, source: SourceRecord): NodeUpsert {
  return { label: 'Work', slug, set: workProps(work), source };
}

export function creditUpsert(credit: CreditFacts, source: SourceRecord): RelUpsert {
  return { ...creditLink(credit.person, credit.work, credit.role), set: creditProps(credit), source };
}

export function creditRemoval(person: string, work: string, role: Role): RelRef {
  return creditLink(person, work, role);
}

/** A win's slug where none is given: award, year (or "undated"), work and category, as words. */
export function awardWinSlug(win: {
  award: string;
  year?: number | undefined;
  work?: string | undefined;
  category?: string | undefined;
}) {
  return slugify([win.award, win.year ?? 'undated', win.work ?? '', win.category ?? ''].join(' '));
}

/** The win node and its links to award, work and recipients: one batch, so all of it lands or none. */
export function awardWinBatch(win: AwardWinFacts, source: SourceRecord): WriteBatch {
  return {
    nodes: [{ label: 'AwardWin', slug: win.slug, set: awardWinProps(win), source }],
    rels: awardWinLinks(win).map((link) => ({ ...link, set: {}, source })),
  };
}
