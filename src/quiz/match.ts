/**
 * French-aware matching of short phrasings inside free text: the open-answer grader and the cloze
 * checker both rest on it. Pure, no dependencies.
 */

/** A word of an answer after normalisation: `word` folded, `stem` with plural and verb endings trimmed. */
export interface Token {
  word: string;
  stem: string;
}

/** One position of a compiled phrasing: any of these token runs may fill it (a word and its synonyms). */
type Slot = Token[][];

/** A phrasing compiled once and matched against many answers. */
export interface Phrase {
  text: string;
  slots: Slot[];
}

/** Words that carry no meaning on their own; dropped on both sides so "les données" matches "des données". */
const STOP_WORDS = new Set([
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'du',
  'de',
  'au',
  'aux',
  'a',
  'et',
  'ou',
  'en',
  'the',
  'an',
  'of',
  'to',
  'and',
  'or',
  // Elisions typed without their apostrophe ("n apparait qu a l action") leave these behind.
  'l',
  'd',
  'qu',
  'j',
  'n',
  's',
  'c',
  'm',
  't',
]);

/** Elided articles and pronouns: l'exécuteur, d'un, qu'il, j'ai, n'est, s'il, c'est, m', t', jusqu'à, lorsqu', puisqu'. */
const ELISION = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'(?=.)/;

/** Words at least this long forgive one typo. */
export const TYPO_MIN_LENGTH = 6;

/** Words of a phrasing may be separated by at most this many other words in the answer. */
export const MAX_GAP = 3;

/** Lower case, no accents, ligatures spelled out: "Œuvre Bâle" → "oeuvre bale". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/**
 * Trims what varies between forms of one word: plural s/x (réseaux → réseau, chevaux → cheval) and
 * the usual verb, participle and feminine endings (redistribue, redistribuer, redistribuées,
 * redistribuent, redistribuait; shuffled, shuffling). Both sides go through it, so it only has to be consistent.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length > 4) w = w.slice(0, -3) + 'al';
  else if ((w.endsWith('s') && !w.endsWith('ss')) || (w.endsWith('x') && w.endsWith('ux'))) w = w.slice(0, -1);
  for (const ending of ['aient', 'ait', 'ant', 'ing', 'ent', 'ee', 'er', 'ez', 'ed', 'e']) {
    if (w.endsWith(ending) && w.length - ending.length >= (ending.length >= 3 ? 4 : 3)) {
      return w.slice(0, -ending.length);
    }
  }
  return w;
}

/** Text → tokens: folded, elisions dropped, punctuation split, stop words removed, stems computed. */
export function tokenize(text: string, keepStopWords = false): Token[] {
  const folded = foldText(text).replace(/[’‘`´ʼ]/g, "'");
  const out: Token[] = [];
  for (const raw of folded.split(/[^a-z0-9']+/)) {
    if (!raw) continue;
    let word = raw.replace(/^'+|'+$/g, '');
    while (ELISION.test(word)) word = word.replace(ELISION, '');
    for (const part of word.split("'")) {
      if (!part || (!keepStopWords && STOP_WORDS.has(part))) continue;
      out.push({ word: part, stem: stemWord(part) });
    }
  }
  return out;
}

/** Tokens of a phrasing; a phrasing made only of stop words ("de", "a") keeps them rather than vanish. */
function phraseTokens(text: string): Token[] {
  const tokens = tokenize(text);
  return tokens.length ? tokens : tokenize(text, true);
}

/**
 * Optimal string alignment distance (a swap of two neighbours is one typo), bounded: returns
 * max + 1 as soon as the distance is known to exceed max.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Same word: same stem, or one typo in a long word. Numbers must match exactly. */
export function sameWord(expected: Token, actual: Token): boolean {
  if (expected.stem === actual.stem) return true;
  if (expected.word.length < TYPO_MIN_LENGTH || actual.word.length < TYPO_MIN_LENGTH - 1) return false;
  if (/\d/.test(expected.word) || /\d/.test(actual.word)) return false;
  return typoDistance(expected.stem, actual.stem, 1) <= 1 || typoDistance(expected.word, actual.word, 1) <= 1;
}

/** Synonym groups, tokenized once per topic. */
export interface SynonymTable {
  groups: Token[][][];
}

export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  return {
    groups: groups
      .map((group) => group.map((variant) => phraseTokens(variant)).filter((tokens) => tokens.length > 0))
      .filter((group) => group.length > 1),
  };
}

function runAt(
  tokens: readonly Token[],
  at: number,
  run: readonly Token[],
  same: (a: Token, b: Token) => boolean,
): boolean {
  if (at + run.length > tokens.length) return false;
  for (let k = 0; k < run.length; k++) if (!same(run[k]!, tokens[at + k]!)) return false;
  return true;
}

const sameStem = (a: Token, b: Token) => a.stem === b.stem;

/** Turns a phrasing into slots: each word, or run of words that a synonym group names, becomes a slot. */
export function compilePhrase(text: string, synonyms: SynonymTable = { groups: [] }): Phrase {
  const tokens = phraseTokens(text);
  const slots: Slot[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: { group: Token[][]; length: number } | null = null;
    for (const group of synonyms.groups) {
      for (const variant of group) {
        if ((!best || variant.length > best.length) && runAt(tokens, i, variant, sameStem))
          best = { group, length: variant.length };
      }
    }
    if (best) {
      slots.push(best.group);
      i += best.length;
    } else {
      slots.push([[tokens[i]!]]);
      i++;
    }
  }
  return { text, slots };
}

/**
 * Where the phrasing occurs in the answer: each slot filled in order, with at most `maxGap` other
 * words between two slots. Returns the index of the first matched token, or -1.
 */
export function findPhrase(answer: readonly Token[], phrase: Phrase, maxGap = MAX_GAP): number {
  if (!phrase.slots.length) return -1;
  const fill = (slot: number, from: number, to: number): boolean => {
    if (slot === phrase.slots.length) return true;
    for (let at = from; at <= Math.min(to, answer.length - 1); at++) {
      for (const run of phrase.slots[slot]!) {
        if (runAt(answer, at, run, sameWord) && fill(slot + 1, at + run.length, at + run.length + maxGap)) return true;
      }
    }
    return false;
  };
  for (let start = 0; start < answer.length; start++) {
    if (fill(0, start, start)) return start;
  }
  return -1;
}

/** The answer says exactly the phrasing, nothing more (cloze blanks). */
export function equalsPhrase(answer: readonly Token[], phrase: Phrase): boolean {
  const fill = (slot: number, at: number): boolean => {
    if (slot === phrase.slots.length) return at === answer.length;
    return phrase.slots[slot]!.some((run) => runAt(answer, at, run, sameWord) && fill(slot + 1, at + run.length));
  };
  return phrase.slots.length > 0 && fill(0, 0);
}
