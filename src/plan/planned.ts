// Planned answers as port records: a store answers a plan with rows of one agreed shape, and these turn them into
// the same records the loaders give (the same record functions, the same sorts), with each traversal's answer
// kept on its parent record for the field's resolver to take instead of asking its loader.
import type { Role } from '../dataset/format.ts';
import { compareCreditsOnWork, compareWorks, creditRecord, personRecord, workRecord } from '../graph/records.ts';
import {
  type CreditRecord,
  type Page,
  type PathStepRecord,
  type PersonRecord,
  ROLE_RANK,
  type WorkRecord,
} from '../graph/store.ts';
import type { NodeSelection, PlanResultByRoot, PlanRoot, Traversal, TraversalResultByKind } from './plan.ts';

/**
 * The row shape a store answers a plan with:
 * - a node row holds its selected properties (a missing property is absent or null) and, under `t<id>`, the answer
 *   of each traversal;
 * - CREDITS_OF_PERSON answers `{ total, items }` (`total` null when the plan does not read it), items in page order;
 * - CREDITS_OF_WORK answers a list of items in any order;
 * - an item holds the CREDITED relationship's selected properties and its two ends as node rows, `person`, `work`.
 */
export type Row = Readonly<Record<string, unknown>>;

/** The key of a traversal's answer in a node row. */
export const traversalKey = (t: Traversal) => `t${t.id}`;

const PLANNED = Symbol('planned');
type Planned = { [PLANNED]?: Record<string, unknown> };

/** The planned answer of a field on a record, or undefined when the field was not planned (ask the loader). */
export function plannedOf<K extends keyof TraversalResultByKind>(
  parent: object,
  field: string,
  _kind: K,
): TraversalResultByKind[K] | undefined {
  return (parent as Planned)[PLANNED]?.[field] as TraversalResultByKind[K] | undefined;
}

const slugOf = (row: Row) => String(row.slug);

export function nodeRecord(selection: NodeSelection & { label: 'Person' }, row: Row): PersonRecord;
export function nodeRecord(selection: NodeSelection & { label: 'Work' }, row: Row): WorkRecord;
export function nodeRecord(selection: NodeSelection, row: Row): PersonRecord | WorkRecord;
export function nodeRecord(selection: NodeSelection, row: Row): PersonRecord | WorkRecord {
  const record: PersonRecord | WorkRecord =
    selection.label === 'Person' ? personRecord(slugOf(row), row) : workRecord(slugOf(row), row);
  if (selection.traversals.length === 0) return record;
  const planned: Record<string, unknown> = {};
  for (const traversal of selection.traversals)
    planned[traversal.field] = traversalResult(traversal, row[traversalKey(traversal)], record);
  // Not enumerable: the record reads and compares as the loaders' record does.
  Object.defineProperty(record, PLANNED, { value: planned });
  return record;
}

/**
 * Whether a credit's end that is the traversal's parent (the person of a person's credits, the work of a work's) needs
 * nothing but its slug: then a store leaves it out of each item and the credit takes the parent's record, as the
 * loaders' credits do.
 */
export function parentSuffices(traversal: Traversal): boolean {
  const end = traversal.kind === 'CREDITS_OF_PERSON' ? traversal.credit.person : traversal.credit.work;
  return end.traversals.length === 0 && end.props.length === 1;
}

function credit(traversal: Traversal, item: Row, parent: PersonRecord | WorkRecord, parentIsEnough: boolean): CreditRecord {
  const { person, work } = traversal.credit;
  const asPerson = parentIsEnough && traversal.kind === 'CREDITS_OF_PERSON';
  const asWork = parentIsEnough && traversal.kind === 'CREDITS_OF_WORK';
  return creditRecord(
    asPerson ? (parent as PersonRecord) : nodeRecord(person as NodeSelection & { label: 'Person' }, item.person as Row),
    asWork ? (parent as WorkRecord) : nodeRecord(work as NodeSelection & { label: 'Work' }, item.work as Row),
    item,
  );
}

/** Performers first, then by role and person: the order of a work's credits on both stores. */
const byRoleThenPerson = compareCreditsOnWork;

function traversalResult(traversal: Traversal, answer: unknown, parent: PersonRecord | WorkRecord): unknown {
  const parentIsEnough = parentSuffices(traversal);
  if (traversal.kind === 'CREDITS_OF_WORK') {
    const items = (answer as Row[] | null) ?? [];
    return items.map((item) => credit(traversal, item, parent, parentIsEnough)).sort(byRoleThenPerson);
  }
  const page = (answer as { total: unknown; items: Row[] | null } | null) ?? { total: 0, items: [] };
  const result: Page<CreditRecord> = {
    total: Number(page.total ?? 0),
    items: (page.items ?? []).map((item) => credit(traversal, item, parent, parentIsEnough)),
  };
  return result;
}

/** A page of nodes from a list root: `total` (0 when not read) and the node rows in page order. */
function pageResult(selection: NodeSelection, row: Row | undefined): Page<PersonRecord> | Page<WorkRecord> {
  return {
    total: Number(row?.total ?? 0),
    items: ((row?.items as Row[] | undefined) ?? []).map((item) => nodeRecord(selection, item)),
  } as Page<PersonRecord> | Page<WorkRecord>;
}

const byRank = (roles: Role[]) => [...roles].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

/**
 * The records of a plan's rows, root by root. Lookups answer one row or none; lists one row `{ total, items }`;
 * commonCollaborators a row `{ person, works }` per collaborator in answer order; shortestPath a row
 * `{ fromPerson, work, toPerson, fromRoles, toRoles }` per step in path order, none when there is no path.
 */
export function planResult<R extends PlanRoot>(
  plan: Extract<import('./plan.ts').ReadPlan, { root: R }>,
  rows: readonly Row[],
): PlanResultByRoot[R] {
  const p = plan as import('./plan.ts').ReadPlan;
  let result: PlanResultByRoot[PlanRoot];
  switch (p.root) {
    case 'PERSON':
    case 'WORK':
      result = rows[0] ? nodeRecord(p.node, rows[0].node as Row) : null;
      break;
    case 'PEOPLE':
    case 'WORKS':
      result = pageResult(p.node, rows[0]);
      break;
    case 'COMMON_COLLABORATORS':
      result = rows.map((row) => ({
        person: nodeRecord(p.person as NodeSelection & { label: 'Person' }, row.person as Row),
        sharedWorks: (row.works as Row[])
          .map((w) => nodeRecord(p.sharedWorks as NodeSelection & { label: 'Work' }, w))
          .sort(compareWorks),
      }));
      break;
    case 'SHORTEST_PATH':
      result =
        rows.length === 0
          ? null
          : rows.map(
              (row): PathStepRecord => ({
                from: nodeRecord(p.from as NodeSelection & { label: 'Person' }, row.fromPerson as Row),
                work: nodeRecord(p.work as NodeSelection & { label: 'Work' }, row.work as Row),
                to: nodeRecord(p.to as NodeSelection & { label: 'Person' }, row.toPerson as Row),
                fromRoles: byRank(row.fromRoles as Role[]),
                toRoles: byRank(row.toRoles as Role[]),
              }),
            );
      break;
  }
  return result as PlanResultByRoot[R];
}
