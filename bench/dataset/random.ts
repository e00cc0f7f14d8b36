// Seeded randomness for the synthetic dataset: the same seed and scale always give the same file.
import seedrandom from 'seedrandom';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[];
  /**
   * A whole number from a truncated discrete power law, P(k) ∝ k^-exponent for k in [1, max]: most draws are 1,
   * a few are large, as credits per person are in real catalogues.
   */
  powerLaw(exponent: number, max: number): number;
}

export function createRandom(seed: string): Random {
  const rng = seedrandom(seed);
  const tables = new Map<string, Float64Array>();
  const cumulative = (exponent: number, max: number) => {
    const key = `${exponent}|${max}`;
    let table = tables.get(key);
    if (!table) {
      table = new Float64Array(max);
      let sum = 0;
      for (let k = 1; k <= max; k++) {
        sum += k ** -exponent;
        table[k - 1] = sum;
      }
      for (let i = 0; i < max; i++) table[i] = (table[i] as number) / sum;
      tables.set(key, table);
    }
    return table;
  };
  const random: Random = {
    next: () => rng(),
    int: (n) => Math.floor(rng() * n),
    pick: (items) => items[Math.floor(rng() * items.length)] as never,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [items[i], items[j]] = [items[j] as never, items[i] as never];
      }
      return items;
    },
    powerLaw(exponent, max) {
      const table = cumulative(exponent, max);
      const u = rng();
      let lo = 0;
      let hi = max - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((table[mid] as number) < u) lo = mid + 1;
        else hi = mid;
      }
      return lo + 1;
    },
  };
  return random;
}
