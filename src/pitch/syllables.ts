/**
 * Syllables a French reader says for a written text, estimated from the spelling: what the measured
 * syllable rate of a recording is compared with, to tell whether the speaker kept to the script.
 *
 * The rule: one syllable per group of vowel letters, where
 *  - « é » always opens a syllable of its own (« ré-a-li-ser », « cré-é »);
 *  - a final mute « e » / « es » after a consonant is silent (« mode », « tables »), as in everyday
 *    speech, unless it is the word's only vowel (« le », « des »);
 *  - an upper-case acronym of 2–5 letters is spelled out, a syllable a letter (« CI », « FRTB »),
 *    Roman numerals (« IV ») are said as their number;
 *  - « u » after « q » is silent;
 *  - a number is said in about two syllables per group of digits, plus one.
 * It ignores what spelling cannot show (verb endings in « -ent », « client » in two syllables, schwas
 * said or dropped), which shifts a pitch's count by a few percent — well inside the 25 % at which we
 * say the speaker departed from the text.
 */
import { splitWords } from './words.js';

const VOWELS = 'aeiouyàâäéèêëîïôöûùüÿœæ';
const isVowel = (c: string) => VOWELS.includes(c);
const ROMAN: Record<string, number> = { I: 1, II: 1, III: 1, IV: 1, V: 1, VI: 1, VII: 1, VIII: 1, IX: 1, X: 1 };

/** Estimated spoken syllables of one word (a token from splitWords). */
export function wordSyllables(word: string): number {
  if (/^\p{N}/u.test(word)) {
    const groups = word.split(/[\s\u00A0\u202F\u2009.,]/u).filter(Boolean).length;
    return 2 * groups + 1;
  }
  if (ROMAN[word] !== undefined) return ROMAN[word]!;
  if (/^\p{Lu}{2,5}$/u.test(word)) return word.length;
  let count = 0;
  const parts = word.toLowerCase().split(/['’‑‐-]/u);
  for (const part of parts) {
    let n = 0;
    let inGroup = false;
    for (let i = 0; i < part.length; i++) {
      const c = part[i]!;
      // The « u » of « qu » is not said (« qui », « qu’il »).
      if (!isVowel(c) || (c === 'u' && part[i - 1] === 'q')) {
        inGroup = false;
        continue;
      }
      // « é » after a vowel starts a new syllable, and so does any vowel after « é ».
      const split = inGroup && (c === 'é' || part[i - 1] === 'é');
      if (!inGroup || split) n++;
      inGroup = true;
    }
    if (n > 1 && /[^aeiouyàâäéèêëîïôöûùüÿœæ](e|es)$/u.test(part)) n--;
    // A piece with no vowel at all (« l » of « l’ », « qu ») adds nothing.
    count += n;
  }
  return Math.max(1, count);
}

/** Estimated spoken syllables of a French text. */
export function countSyllables(text: string): number {
  let n = 0;
  for (const word of splitWords(text)) n += wordSyllables(word);
  return n;
}
