import { describe, expect, it } from 'vitest';
import { searchTokens, slugify } from '../../src/dataset/slug.ts';

describe('slugify', () => {
  it.each([
    ['Maná', 'mana'],
    ['Jesse & Joy', 'jesse-and-joy'],
    ['Jay-Z', 'jay-z'],
    ['La Vida... Es Un Ratico', 'la-vida-es-un-ratico'],
    ['Greatest Hits: 1965–1992', 'greatest-hits-1965-1992'],
    ['  Steal This Album!  ', 'steal-this-album'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('searchTokens', () => {
  it('folds case and accents and splits on punctuation', () => {
    expect(searchTokens('Maná: Drama y Luz')).toEqual(['mana', 'drama', 'y', 'luz']);
  });
});
