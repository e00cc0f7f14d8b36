// The name keys of every node of one label, kept as names change: candidate pairs come from its groups without
// normalising every name again on each call.
import { type NamedNode, nameKeys } from './names.ts';

/** Members a name key may have before it is too common to compare pairwise ("John Smith"); larger groups are skipped. */
export const MAX_GROUP = 40;

/** Steps of work between two points where a long computation may yield (see stepSync and Slicer). */
const STEPS_PER_YIELD = 512;

export interface CandidatePair {
  a: string;
  b: string;
  key: string;
  sameName: boolean;
}

export class NameIndex {
  private readonly keysBySlug = new Map<string, { primary: string; all: string[] }>();
  private readonly groups = new Map<string, Set<string>>();
  /** Keys held by two nodes or more: the only groups that make pairs. */
  private readonly shared = new Set<string>();

  get size(): number {
    return this.keysBySlug.size;
  }

  /** Adds the node, or replaces its names. */
  set(node: NamedNode): void {
    this.remove(node.slug);
    const keys = nameKeys(node);
    this.keysBySlug.set(node.slug, keys);
    for (const key of keys.all) {
      let group = this.groups.get(key);
      if (group === undefined) this.groups.set(key, (group = new Set()));
      group.add(node.slug);
      if (group.size === 2) this.shared.add(key);
    }
  }

  remove(slug: string): void {
    const keys = this.keysBySlug.get(slug);
    if (keys === undefined) return;
    this.keysBySlug.delete(slug);
    for (const key of keys.all) {
      const group = this.groups.get(key);
      if (group === undefined) continue;
      group.delete(slug);
      if (group.size < 2) this.shared.delete(key);
      if (group.size === 0) this.groups.delete(key);
    }
  }

  has(slug: string): boolean {
    return this.keysBySlug.has(slug);
  }

  /**
   * Pairs sharing a name key, each once, with the key they share (the smallest, unless both primary names fold to
   * another), and the keys skipped as too common. A generator that pauses every few hundred steps, so a caller can
   * yield to the event loop there (`pairsOf` runs it through at once).
   */
  *pairSteps(): Generator<void, { pairs: CandidatePair[]; skippedKeys: string[] }> {
    const pairs = new Map<string, CandidatePair>();
    const skippedKeys: string[] = [];
    let steps = 0;
    for (const key of [...this.shared].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
      const slugs = this.groups.get(key) as Set<string>;
      if (slugs.size > MAX_GROUP) {
        skippedKeys.push(key);
        continue;
      }
      const sorted = [...slugs].sort();
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j < sorted.length; j++) {
          if (++steps % STEPS_PER_YIELD === 0) yield;
          const a = sorted[i] as string;
          const b = sorted[j] as string;
          const sameName = this.keysBySlug.get(a)?.primary === key && this.keysBySlug.get(b)?.primary === key;
          const id = `${a}\u0000${b}`;
          const seen = pairs.get(id);
          if (!seen || (sameName && !seen.sameName)) pairs.set(id, { a, b, key, sameName });
        }
    }
    return { pairs: [...pairs.values()], skippedKeys };
  }
}

/** A generator run to its end without pausing. */
export function stepSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
