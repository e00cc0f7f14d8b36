// Plausible, unique names and titles for synthetic people and works, with slugs the validator accepts.
import { slugify } from '../../src/dataset/slug.ts';
import type { Random } from './random.ts';

const SYLLABLES = [
  'ka',
  'lo',
  've',
  'mi',
  'ra',
  'to',
  'sen',
  'da',
  'ri',
  'no',
  'ba',
  'el',
  'qui',
  'zo',
  'mar',
  'tin',
  'lu',
  'pe',
];
const TITLE_WORDS = [
  'midnight',
  'road',
  'silver',
  'echo',
  'river',
  'fire',
  'paper',
  'heart',
  'city',
  'summer',
  'ghost',
  'garden',
  'static',
  'velvet',
  'harbor',
  'neon',
  'desert',
  'morning',
  'signal',
  'crown',
];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Hands out names whose slugs never clash: a clash gets the validator's `<base>-<suffix>` form. */
export class NameMaker {
  private readonly taken = new Set<string>();
  /** Clashes seen per base slug, so the next free suffix is found without scanning. */
  private readonly clashes = new Map<string, number>();
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  private word(syllables: number): string {
    let word = '';
    for (let i = 0; i < syllables; i++) word += this.random.pick(SYLLABLES);
    return capitalise(word);
  }

  private unique(name: string, suffix: () => string): { name: string; slug: string } {
    const base = slugify(name);
    let slug = base;
    while (this.taken.has(slug)) {
      const n = (this.clashes.get(base) ?? 1) + 1;
      this.clashes.set(base, n);
      slug = n === 2 ? `${base}-${suffix()}` : `${base}-${suffix()}-${n}`;
    }
    this.taken.add(slug);
    return { name, slug };
  }

  person(): { name: string; slug: string } {
    return this.unique(`${this.word(2)} ${this.word(1 + this.random.int(2))}`, () => 'person');
  }

  group(): { name: string; slug: string } {
    return this.unique(`The ${this.word(2)}s`, () => 'group');
  }

  work(year: number): { title: string; slug: string } {
    const title = this.title();
    const { slug } = this.unique(title, () => String(year));
    return { title, slug };
  }

  /**
   * A work's title, with no slug kept: a dump's works are told apart by their ids, and a set of every slug stops at
   * 2^24 entries (a 50M-credit dump has about 22M tracks). The same draws as `work`, so a dump is the same either way.
   */
  title(): string {
    const words = 1 + this.random.int(3);
    return Array.from({ length: words }, () => capitalise(this.random.pick(TITLE_WORDS))).join(' ');
  }
}
