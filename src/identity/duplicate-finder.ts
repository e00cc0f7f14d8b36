// possibleDuplicates as the server answers it: from a name index per label, built once from the store and refreshed
// for the nodes each write touches, and one scored answer per data version, shared by every alias and request asking.

import { Slicer, untilDeadline } from '../graph/cooperative.ts';
import type { GraphRows } from '../graph/rows.ts';
import type { Deadline, GraphStore, RowChange, WriteBatch } from '../graph/store.ts';
import { type DuplicateCandidate, scoreCandidates } from './duplicates.ts';
import type { MergeableLabel } from './merge-plan.ts';
import { NameIndex } from './name-index.ts';

/** Touched nodes past which reading every name again costs less than reading these one batch at a time. */
const REBUILD_PAST = 20_000;
/** Nodes whose names are read per port call when refreshing. */
const REFRESH_CHUNK = 1_000;

export interface DuplicateFinderOptions {
  /**
   * How long the index and answers are trusted without a write through this server: on Neo4j other servers and the
   * import CLI write to the same database unseen, so past this age they are rebuilt on the next call. Null: forever
   * (the embedded store's data directory is locked to this process, so every write passes here).
   */
  maxAgeMs: number | null;
}

interface LabelState {
  index: NameIndex | null;
  builtAt: number;
  /** Slugs a write touched since the index last read them. */
  dirty: Set<string>;
  /** Index refreshes run one at a time: two would interleave their reads and edits. */
  refreshing: Promise<void>;
  answer: { version: number; at: number; candidates: Promise<DuplicateCandidate[]> } | null;
}

const LABELS: readonly MergeableLabel[] = ['Person', 'Work'];

export class DuplicateFinder {
  private version = 0;
  private readonly states = new Map<MergeableLabel, LabelState>(
    LABELS.map((label) => [label, { index: null, builtAt: 0, dirty: new Set(), refreshing: Promise.resolve(), answer: null }]),
  );

  private readonly store: GraphStore;
  private readonly options: DuplicateFinderOptions;

  /** `store` without a request deadline: an answer is shared, so it is not stopped by one requester's deadline. */
  constructor(store: GraphStore, options: DuplicateFinderOptions) {
    this.store = store;
    this.options = options;
  }

  /**
   * Every candidate of the label (minScore 0, best first), or DeadlineExceededError at the request's deadline. The
   * computation yields every few milliseconds, and goes on past one requester's deadline for the next one.
   */
  candidates(label: MergeableLabel, deadline: Deadline): Promise<DuplicateCandidate[]> {
    const state = this.state(label);
    const now = Date.now();
    const fresh =
      state.answer !== null &&
      state.answer.version === this.version &&
      (this.options.maxAgeMs === null || now - state.answer.at < this.options.maxAgeMs);
    if (!fresh) {
      const candidates = this.compute(label, state);
      const answer = { version: this.version, at: now, candidates };
      state.answer = answer;
      // A failed computation is not kept: the next call tries again.
      candidates.catch(() => {
        if (state.answer === answer) state.answer = null;
      });
    }
    return untilDeadline((state.answer as NonNullable<LabelState['answer']>).candidates, deadline);
  }

  /** The store with its writes noted: the nodes each touches are read again, and every answer before it is stale. */
  watch(store: GraphStore): GraphStore {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'load' && property !== 'write' && property !== 'applyChange') return value;
        return (argument: GraphRows | WriteBatch | RowChange) => {
          // Before: no answer computed from now on is kept for the old data. After: none that raced the write is.
          this.noteWrite(argument);
          const result = (value as (a: unknown) => Promise<unknown>).call(target, argument);
          result.finally(() => this.noteWrite(argument)).catch(() => {});
          return result;
        };
      },
    });
  }

  private noteWrite(argument: GraphRows | WriteBatch | RowChange): void {
    this.version++;
    const nodes = [
      ...('putNodes' in argument ? (argument.putNodes ?? []) : []),
      ...('removeNodes' in argument ? (argument.removeNodes ?? []) : []),
      ...('nodes' in argument ? (argument.nodes ?? []) : []),
    ];
    for (const node of nodes) if (node.label === 'Person' || node.label === 'Work') this.state(node.label).dirty.add(node.slug);
  }

  private state(label: MergeableLabel): LabelState {
    return this.states.get(label) as LabelState;
  }

  private async compute(label: MergeableLabel, state: LabelState): Promise<DuplicateCandidate[]> {
    const slicer = new Slicer();
    const pause = () => slicer.tick();
    // The pairs are listed while the index is held: a refresh for a later write edits the same index, and one
    // running between two slices of this listing left it reading a key whose group was gone (a TypeError).
    const { pairs } = await this.withIndex(label, state, slicer, async (index) => {
      const steps = index.pairSteps();
      let step = steps.next();
      while (!step.done) {
        await pause();
        step = steps.next();
      }
      return step.value;
    });
    return scoreCandidates(this.store, label, pairs, pause);
  }

  /**
   * `use` of the label's index — built when missing or too old, else with the nodes writes touched read again — with
   * no other refresh running until `use` ends.
   */
  private withIndex<T>(
    label: MergeableLabel,
    state: LabelState,
    slicer: Slicer,
    use: (index: NameIndex) => Promise<T>,
  ): Promise<T> {
    const run = state.refreshing.then(async () => use(await this.refresh(label, state, slicer)));
    // A failed refresh leaves the index to be rebuilt, and does not stop the next one from running.
    state.refreshing = run.then(
      () => {},
      () => {
        state.index = null;
      },
    );
    return run;
  }

  private async refresh(label: MergeableLabel, state: LabelState, slicer: Slicer): Promise<NameIndex> {
    const stale = this.options.maxAgeMs !== null && Date.now() - state.builtAt >= this.options.maxAgeMs;
    if (state.index === null || stale || state.dirty.size > REBUILD_PAST) {
      state.dirty = new Set();
      const builtAt = Date.now();
      const index = new NameIndex();
      for (const node of await this.store.namesOf(label)) {
        index.set(node);
        await slicer.tick();
      }
      state.index = index;
      state.builtAt = builtAt;
      return index;
    }
    const index = state.index;
    const dirty = [...state.dirty];
    state.dirty = new Set();
    for (let i = 0; i < dirty.length; i += REFRESH_CHUNK) {
      const slugs = dirty.slice(i, i + REFRESH_CHUNK);
      const found = await this.store.namesOf(label, slugs);
      // A slug the store no longer has was removed (merged away).
      for (const slug of slugs) index.remove(slug);
      for (const node of found) index.set(node);
      await slicer.tick();
    }
    return index;
  }
}
