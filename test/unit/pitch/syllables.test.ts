import { describe, expect, it } from 'vitest';
import { countSyllables, wordSyllables } from '../../../src/pitch/syllables.js';

describe('French syllables from the spelling', () => {
  // Counted by hand as a French reader says them, before running the counter.
  const words: Array<[string, number]> = [
    ['bonjour', 2],
    ['table', 1],
    ['tables', 1],
    ['le', 1],
    ['des', 1],
    ['réaliser', 4],
    ['créé', 2],
    ['l’écosystème', 4],
    ['qu’il', 1],
    ['quatre', 1],
    ['aujourd’hui', 3],
    ['CI', 2],
    ['FRTB', 4],
    ['IV', 1],
    ['sous‑projets', 3],
  ];
  for (const [word, n] of words) it(`${word}: ${n}`, () => expect(wordSyllables(word)).toBe(n));

  it('sentences', () => {
    expect(countSyllables('Nous avons parlé du projet à Paris.')).toBe(11);
    expect(countSyllables('Le train arrive à midi sur le quai numéro deux.')).toBe(14);
    expect(countSyllables('Bonjour, je m’appelle Ibrahim.')).toBe(8);
    expect(countSyllables('')).toBe(0);
  });
});
