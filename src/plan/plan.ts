// A read plan: what one root field of an operation needs from the graph, with no GraphQL in it. Built once per
// operation from its selection (src/plan/from-selection.ts); a store compiles it into its own query language
// (src/graph/neo4j/plan-cypher.ts) and answers it with records shaped as the port's, carrying the planned
// traversals beside them (src/plan/planned.ts).
import type { Role, WorkKind } from '../dataset/format.ts';
import type {
  CollaboratorRecord,
  CreditRecord,
  Page,
  PageArgs,
  PathStepRecord,
  PersonRecord,
  WorkRecord,
} from '../graph/store.ts';

/** The labels a plan walks. Every other label is answered by the loaders. */
export type PlanLabel = 'Person' | 'Work';

/** One node's stored properties to read and the traversals to follow from it. */
export interface NodeSelection {
  readonly label: PlanLabel;
  /** Stored property names, `slug` always first; sorted and without repeats, so equal selections print equally. */
  readonly props: readonly string[];
  readonly traversals: readonly Traversal[];
}

/** A CREDITED relationship's properties and both of its ends. */
export interface CreditSelection {
  /** Relationship properties, `role` always among them (the sort needs it). */
  readonly props: readonly string[];
  readonly person: NodeSelection;
  readonly work: NodeSelection;
}

/**
 * A list hanging off a node. `id` names the traversal's arguments in the plan's arguments and in the compiled
 * statement's parameters; `field` is the key the answer is kept under on the parent's record.
 */
export type Traversal =
  | {
      readonly kind: 'CREDITS_OF_PERSON';
      readonly id: number;
      readonly field: string;
      readonly credit: CreditSelection;
      /** Whether the total is read: only when the count or `hasNextPage` is asked for. */
      readonly total: boolean;
    }
  | { readonly kind: 'CREDITS_OF_WORK'; readonly id: number; readonly field: string; readonly credit: CreditSelection };

/** A person's credits: filtered as `CreditFilter`, one page, by year (undated last), work slug and role. */
export interface PersonCreditsArgs extends PageArgs {
  roles: readonly Role[] | null;
  kind: WorkKind | null;
  yearFrom: number | null;
  yearTo: number | null;
}
/** A work's credits, every one, optionally of some roles only. */
export interface WorkCreditsArgs {
  roles: readonly Role[] | null;
}
export type TraversalArgs = PersonCreditsArgs | WorkCreditsArgs;

export type ReadPlan =
  | { readonly root: 'PERSON'; readonly node: NodeSelection }
  | { readonly root: 'WORK'; readonly node: NodeSelection }
  | { readonly root: 'PEOPLE'; readonly node: NodeSelection; readonly total: boolean }
  | { readonly root: 'WORKS'; readonly node: NodeSelection; readonly total: boolean }
  | { readonly root: 'COMMON_COLLABORATORS'; readonly person: NodeSelection; readonly sharedWorks: NodeSelection }
  | {
      readonly root: 'SHORTEST_PATH';
      readonly from: NodeSelection;
      readonly work: NodeSelection;
      readonly to: NodeSelection;
    };
export type PlanRoot = ReadPlan['root'];

/** The root's own arguments, already checked by its resolver. */
export interface RootArgsByRoot {
  PERSON: { slug: string };
  WORK: { slug: string };
  /** Every person (or work) in slug order: the unfiltered list only. */
  PEOPLE: PageArgs;
  WORKS: PageArgs;
  COMMON_COLLABORATORS: { of: readonly string[]; roles: readonly Role[] | null };
  SHORTEST_PATH: { from: string; to: string; maxHops: number };
}

export interface PlanArgs<R extends PlanRoot = PlanRoot> {
  root: RootArgsByRoot[R];
  /** By traversal id. */
  traversals: Readonly<Record<number, TraversalArgs>>;
}

/** What a plan answers: the port's records (with only the selected properties filled in) and planned lists. */
export interface PlanResultByRoot {
  PERSON: PersonRecord | null;
  WORK: WorkRecord | null;
  PEOPLE: Page<PersonRecord>;
  WORKS: Page<WorkRecord>;
  COMMON_COLLABORATORS: CollaboratorRecord[];
  SHORTEST_PATH: PathStepRecord[] | null;
}

/** The answer of a traversal, by kind. */
export interface TraversalResultByKind {
  CREDITS_OF_PERSON: Page<CreditRecord>;
  CREDITS_OF_WORK: CreditRecord[];
}

/** Every traversal of a selection and the selections below it, depth first. */
export function* traversalsOf(node: NodeSelection): Iterable<Traversal> {
  for (const traversal of node.traversals) {
    yield traversal;
    yield* traversalsOf(traversal.credit.person);
    yield* traversalsOf(traversal.credit.work);
  }
}

/** The node selections at the top of a plan. */
export function rootSelections(plan: ReadPlan): NodeSelection[] {
  switch (plan.root) {
    case 'PERSON':
    case 'WORK':
    case 'PEOPLE':
    case 'WORKS':
      return [plan.node];
    case 'COMMON_COLLABORATORS':
      return [plan.person, plan.sharedWorks];
    case 'SHORTEST_PATH':
      return [plan.from, plan.work, plan.to];
  }
}
