// SpillMap: entries beyond the limit wait on disk, come back as they were, and the file goes with `close`.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpillMap } from '../../src/import/spill-map.ts';

const dir = mkdtempSync(join(tmpdir(), 'liner-spill-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SpillMap', () => {
  it('keeps the limit in memory between records, gives every entry back changed as it was, and deletes its file', () => {
    const map = new SpillMap<{ name: string; aliases: string[] }>({ limit: 2, dir });
    for (let i = 0; i < 5; i++) map.add(`k${i}`, { name: `n${i}`, aliases: [] });
    // Used again, k0 is the most recently used: k1, k2 go to disk first.
    (map.get('k0') as { aliases: string[] }).aliases.push('again');
    map.trim();
    expect(map.size).toBe(5);
    expect(readdirSync(dir)).toHaveLength(1);
    // From disk, changed in place, and on disk again after the next trim: the change is kept.
    const k1 = map.get('k1') as { aliases: string[] };
    k1.aliases.push('from disk');
    map.trim();
    expect(map.get('missing')).toBeUndefined();
    expect(map.get('k1')).toEqual({ name: 'n1', aliases: ['from disk'] });
    expect([...map.values()].map((v) => v.name).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    expect(map.get('k0')?.aliases).toEqual(['again']);
    map.close();
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('trims a fifth of the limit at once, and finds every entry on disk again after the key filter has grown', () => {
    const map = new SpillMap<{ n: number }>({ limit: 800, dir });
    for (let i = 0; i < 880; i++) map.add(`k${i}`, { n: i });
    map.trim();
    // A tenth over the limit may wait for the next trim.
    expect([...map.values()].slice(0, 1).map((v) => v.n)).toEqual([0]);
    map.add('k880', { n: 880 });
    map.trim();
    // Down to a tenth under it, not just the one past: the next 160 entries added need no trim.
    expect(map.size).toBe(881);
    expect([...map.values()].slice(0, 2).map((v) => v.n)).toEqual([161, 162]);
    // Enough keys on disk for the filter of keys there to be rebuilt larger more than once.
    for (let i = 881; i < 50_000; i++) {
      map.add(`k${i}`, { n: i });
      map.trim();
    }
    for (let i = 0; i < 50_000; i += 997) expect(map.get(`k${i}`)).toEqual({ n: i });
    expect(map.get('never')).toBeUndefined();
    map.close();
  });

  it('makes no file when everything fits', () => {
    const map = new SpillMap<{ n: number }>({ limit: Number.POSITIVE_INFINITY, dir });
    for (let i = 0; i < 1000; i++) map.add(String(i), { n: i });
    map.trim();
    expect(readdirSync(dir)).toHaveLength(0);
    expect([...map.values()]).toHaveLength(1000);
    map.close();
    expect(existsSync(dir)).toBe(true);
  });
});
