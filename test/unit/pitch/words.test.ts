import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, speakingSeconds } from '../../../src/pitch/words.js';

describe('countWords (French rules)', () => {
  it.each([
    ['Bonjour, je m’appelle Ibrahim.', 4],
    ["l'écosystème Big Data", 3],
    ['l’écosystème d’incidents', 2],
    ['développement full‑stack Java / Angular', 4], // non-breaking hyphen, slash alone is not a word
    ['sous-projets, peut-être', 2],
    ['support N2/N3 en production', 5],
    ['1 000 000 lignes en 2,5 heures', 5],
    ['ES à 97.5 %', 3],
    ['— … ; : !', 0],
    ['', 0],
    ['PnL…', 1],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts a concatenation with a space as the sum of its parts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(countWords(`${a} ${b}`)).toBe(countWords(a) + countWords(b) - (joinsAcrossSpace(a, b) ? 1 : 0));
      }),
    );
  });

  it('estimates speaking time at 140 words a minute by default', () => {
    expect(speakingSeconds(140)).toBe(60);
    expect(speakingSeconds(239)).toBe(102);
    expect(speakingSeconds(120, 120)).toBe(60);
  });
});

/** Only digit groups can join across a space ("1 000"). */
function joinsAcrossSpace(a: string, b: string): boolean {
  return /\p{N}$/u.test(a) && /^\p{N}{3}(?!\p{N})/u.test(b);
}
