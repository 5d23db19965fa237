/**
 * Reading short phrasings inside free text, the way a listener would: within one clause, with the
 * polarity the sentence gives them (negation, "sans", "au lieu de"…), word families joined by a
 * French stemmer, one typo forgiven in a long word. The open-answer grader and the cloze checker
 * both rest on it. Pure, and linear in the length of the answer (docs/grading.md).
 */
import { sameFamily, stemWord } from './stem.js';

/** A content word of a text: `word` folded, `stem` its family key, where it sits and which clause holds it. */
export interface Token {
  word: string;
  stem: string;
  /** Character offsets in the original text (evidence is cut from there). */
  start: number;
  end: number;
  clause: number;
  sentence: number;
}

/** One position of a compiled phrasing: any of these token runs may fill it (a word and its synonyms). */
export type Slot = Token[][];

/** A phrasing compiled once and matched against many answers. */
export interface Phrase {
  text: string;
  slots: Slot[];
  /** The phrasing is itself negative ("sans shuffle", "pas de cache"): it matches negated claims only. */
  negative: boolean;
}

/** Words that carry no meaning on their own; skipped on both sides so "les données" matches "des données". */
const STOP_WORDS = new Set(
  (
    'le la les un une des du de au aux a et ou en l d j s c m t qu que est sont y il ils elle elles on ce ca cela ' +
    'se sa son ses leur leurs the an of to and or is are it its this that be'
  ).split(' '),
);

/** Negators that close a pending "ne" ("ne … pas") or, in spoken French, stand alone ("c'est pas"). */
const VERBAL_CLOSERS = new Set(['pas', 'jamais', 'rien', 'aucun', 'aucune', 'guere', 'nullement', 'not', 'never']);
/** Negators only with a "ne" before them: alone, "plus de mémoire" means more memory. */
const NE_ONLY_CLOSERS = new Set(['plus', 'point', 'personne']);
/** Prepositional negators: they deny the few words that follow them. */
const FORWARD_NEGATORS = new Set(['sans', 'non', 'no', 'without', 'nothing', 'none', 'neither', 'nor']);
/** Words that end a clause, as a comma would: what follows is a new claim. */
const CLAUSE_WORDS = new Set([
  'mais',
  'tandis',
  'cependant',
  'pourtant',
  'sinon',
  'donc',
  'car',
  'parce',
  'puisque',
  'whereas',
  'but',
  'however',
  'because',
  'although',
  'sauf',
  'except',
]);
/** Words that never count as content: negators and clause words work through polarity and scope only. */
const NOT_CONTENT = new Set([
  ...VERBAL_CLOSERS,
  ...FORWARD_NEGATORS,
  ...CLAUSE_WORDS,
  'ne',
  'n',
  'ni',
  'lieu',
  'contrairement',
  'plutot',
  'instead',
  'unlike',
  'rather',
  'than',
]);

/** Words at least this long forgive one typo. */
export const TYPO_MIN_LENGTH = 6;

/** Words of a phrasing may be separated by at most this many other content words in the answer. */
export const MAX_GAP = 3;

/** Words that open a new predicate: a negation after them does not reach back over them. */
const JOINS = new Set(['et', 'ou', 'qui', 'que', 'qu', 'and', 'or', 'which', 'that']);

/** How far after a claim a verbal negation still reaches it ("le cache n'est pas utilisé"). */
const NEGATION_REACH_AFTER = 3;

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

/** A text read once: its content words, and how many negations reach each of them. */
export interface TextIndex {
  tokens: Token[];
  /** Verbal negations ("ne … pas", "not") in the token's clause from its start up to the token. */
  verbalBefore: Int32Array;
  /** Prepositional negations ("sans", "au lieu de", "without") that reach the token. */
  prepOn: Int32Array;
  /** Where the last negation before the token in its clause starts (characters), or -1: evidence of a denial shows it. */
  deniedFrom: Int32Array;
  /** A verbal negation follows the token closely in its clause. */
  negAfter: Uint8Array;
  /** Folded word → positions in `tokens`. */
  vocab: Map<string, number[]>;
}

// Words (letters, marks, digits), and the punctuation that ends a sentence or a clause.
const PIECE =
  /(\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+)|(\.(?=\s|$)|[!?;…\n]+)|([,:()[\]{}«»"“”]|\s[-–—]\s|^[-–—*•]\s)|(['’‘`´ʼ])/gmu;

interface RawWord {
  word: string;
  start: number;
  end: number;
  clause: number;
  sentence: number;
  /** Preceded directly by an apostrophe ("doesn't" → "doesn", "t"). */
  afterApostrophe: boolean;
}

function readWords(text: string): RawWord[] {
  const words: RawWord[] = [];
  let clause = 0;
  let sentence = 0;
  let apostrophe = false;
  for (const m of text.matchAll(PIECE)) {
    if (m[1] !== undefined) {
      const word = foldText(m[1]).replace(/(\d),(?=\d)/g, '$1.');
      if (CLAUSE_WORDS.has(word) || (word === 'que' && words.at(-1)?.word === 'alors')) {
        clause++;
      }
      words.push({ word, start: m.index, end: m.index + m[1].length, clause, sentence, afterApostrophe: apostrophe });
      apostrophe = false;
    } else if (m[2] !== undefined) {
      sentence++;
      clause++;
      apostrophe = false;
    } else if (m[3] !== undefined) {
      clause++;
      apostrophe = false;
    } else apostrophe = true;
  }
  return words;
}

/** `back`: the negation also reaches the words just before it ("le cache n'est pas utilisé"). */
type Negation = { at: number; verbal: boolean; back: boolean };

/** Where negations sit among the words (one per "ne … pas", placed at "ne" so the verb between is in scope). */
function findNegations(words: readonly RawWord[]): Negation[] {
  const out: Negation[] = [];
  let pendingNe = -1;
  let niSeen = false;
  let clause = -1;
  for (let i = 0; i < words.length; i++) {
    const { word, clause: c } = words[i]!;
    if (c !== clause) {
      clause = c;
      pendingNe = -1;
      niSeen = false;
    }
    const prev = words[i - 1];
    const samePrev = prev && prev.clause === c ? prev.word : '';
    // "pour ne pas", "afin de ne pas", "pour rien": a purpose, it denies what follows, not what came before.
    const purpose = (at: number) => ['pour', 'afin', 'de', 'to'].includes(words[at - 1]?.word ?? '');
    if (word === 'ne' || word === 'n') {
      pendingNe = i;
    } else if (word === 't' && words[i]!.afterApostrophe && samePrev.endsWith('n')) {
      out.push({ at: i, verbal: true, back: true }); // don't, isn't, doesn't
    } else if ((word === 'pas' || word === 'non') && (samePrev === 'ou' || samePrev === 'or')) {
      // "ce qui a marché ou pas": an alternative, not a denial
    } else if (word === 'rien' && samePrev === 'pour' && pendingNe < 0) {
      // "pour rien": in vain (but "n'y est pour rien" denies)
    } else if (VERBAL_CLOSERS.has(word) || (pendingNe >= 0 && NE_ONLY_CLOSERS.has(word))) {
      const at = pendingNe >= 0 ? pendingNe : i;
      out.push({ at, verbal: true, back: !purpose(at) });
      if (pendingNe >= 0) niSeen = true;
      pendingNe = -1;
    } else if (word === 'que' || word === 'qu') {
      pendingNe = -1; // "ne … que" restricts, it does not negate
    } else if (word === 'ni') {
      if (!niSeen) out.push({ at: pendingNe >= 0 ? pendingNe : i, verbal: true, back: false });
      niSeen = true;
      pendingNe = -1;
    } else if (word === 'non' && words[i + 1]?.word === 'plus' && words[i + 1]!.clause === c) {
      // "non plus" means "either": the "pas" or "ne" beside it carries the denial
      i++;
    } else if (FORWARD_NEGATORS.has(word)) {
      out.push({ at: i, verbal: false, back: false });
    } else if (
      (word === 'lieu' && samePrev === 'au') ||
      word === 'contrairement' ||
      word === 'instead' ||
      word === 'unlike' ||
      (word === 'plutot' && (words[i + 1]?.word === 'que' || words[i + 1]?.word === 'qu')) ||
      (word === 'than' && samePrev === 'rather')
    ) {
      out.push({ at: i, verbal: false, back: false });
    }
  }
  return out;
}

/** How many content words a prepositional negation reaches ("sans cache", "au lieu de recalculer le plan"). */
const PREP_NEGATION_REACH = 3;

/** Reads a text: content tokens with their clause, sentence and the negations that reach them. */
export function indexText(text: string): TextIndex {
  const words = readWords(text);
  const negations = findNegations(words);
  // Negations per word position: verbal ones reach the end of their clause, prepositional ones a few words.
  const verbalAt = new Uint8Array(words.length);
  const backAt = new Uint8Array(words.length);
  const prepAt = new Uint8Array(words.length);
  for (const n of negations) {
    if (n.verbal) verbalAt[n.at]! += 1;
    else prepAt[n.at]! += 1;
    if (n.back) backAt[n.at] = 1;
  }
  const tokens: Token[] = [];
  const verbalBefore: number[] = [];
  const prepOn: number[] = [];
  const negAfter: number[] = [];
  const deniedFrom: number[] = [];
  const vocab = new Map<string, number[]>();
  let verbal = 0;
  let lastNegation = -1;
  let reaches: number[] = []; // content words each active prepositional negation still reaches
  let clause = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.clause !== clause) {
      clause = w.clause;
      verbal = 0;
      reaches = [];
      lastNegation = -1;
    }
    verbal += verbalAt[i]!;
    if (verbalAt[i] || prepAt[i]) lastNegation = w.start;
    // "sans X et Y": the coordinated word starts a claim of its own.
    if (JOINS.has(w.word)) reaches = [];
    for (let k = 0; k < prepAt[i]!; k++) reaches.push(PREP_NEGATION_REACH);
    if (STOP_WORDS.has(w.word) || NOT_CONTENT.has(w.word) || (w.word === 't' && w.afterApostrophe)) continue;
    let after = 0;
    // Counted in content words: "le salage, ça sert à rien" reaches back over "ça" and "à".
    for (let k = i + 1, seen = 0; seen < NEGATION_REACH_AFTER && k < words.length && words[k]!.clause === clause; k++) {
      // A coordinated or relative predicate ("… et ne sont jamais", "… qui ne fait pas") has its own subject.
      if (JOINS.has(words[k]!.word)) break;
      if (backAt[k]) after = 1;
      if (!STOP_WORDS.has(words[k]!.word) && !NOT_CONTENT.has(words[k]!.word)) seen++;
    }
    const position = tokens.length;
    tokens.push({
      word: w.word,
      stem: stemWord(w.word),
      start: w.start,
      end: w.end,
      clause: w.clause,
      sentence: w.sentence,
    });
    verbalBefore.push(verbal);
    prepOn.push(reaches.length);
    reaches = reaches.map((r) => r - 1).filter((r) => r > 0);
    negAfter.push(after);
    deniedFrom.push(lastNegation);
    const list = vocab.get(w.word);
    if (list) list.push(position);
    else vocab.set(w.word, [position]);
  }
  return {
    tokens,
    verbalBefore: Int32Array.from(verbalBefore),
    prepOn: Int32Array.from(prepOn),
    negAfter: Uint8Array.from(negAfter),
    deniedFrom: Int32Array.from(deniedFrom),
    vocab,
  };
}

/** Whether the claim made by content tokens first..last is denied: an odd number of negations reach it. */
export function isNegated(index: TextIndex, first: number, last: number): boolean {
  const prep = Math.max(index.prepOn[first]!, index.prepOn[last]!);
  return (index.verbalBefore[last]! + index.negAfter[last]! + prep) % 2 === 1;
}

/** Text → content tokens (what both sides of a comparison are reduced to). */
export function tokenize(text: string): Token[] {
  return indexText(text).tokens;
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

const HAS_DIGIT = /\d/;

/** How an answer word relates to a phrasing's word: the same family, one typo away, or not the same word. */
export function compareWords(expected: Pick<Token, 'word' | 'stem'>, actual: Pick<Token, 'word' | 'stem'>) {
  if (expected.word === actual.word || expected.stem === actual.stem) return 'same' as const;
  if (HAS_DIGIT.test(expected.word) || HAS_DIGIT.test(actual.word)) return 'different' as const;
  if (sameFamily(expected.stem, actual.stem)) return 'same' as const;
  if (expected.word.length < TYPO_MIN_LENGTH || actual.word.length < TYPO_MIN_LENGTH - 1) return 'different' as const;
  return typoDistance(expected.word, actual.word, 1) <= 1 || typoDistance(expected.stem, actual.stem, 1) <= 1
    ? ('typo' as const)
    : ('different' as const);
}

/** Same word: same family, or one typo in a long word. Numbers must match exactly. */
export function sameWord(expected: Pick<Token, 'word' | 'stem'>, actual: Pick<Token, 'word' | 'stem'>): boolean {
  return compareWords(expected, actual) !== 'different';
}

/** Synonym groups, tokenized once per topic. */
export interface SynonymTable {
  groups: Token[][][];
}

export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  return {
    groups: groups
      .map((group) => group.map((variant) => tokenize(variant)).filter((tokens) => tokens.length > 0))
      .filter((group) => group.length > 1),
  };
}

const sameStem = (a: Token, b: Token) => a.stem === b.stem;

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

/** Turns a phrasing into slots: each word, or run of words that a synonym group names, becomes a slot. */
export function compilePhrase(text: string, synonyms: SynonymTable = { groups: [] }): Phrase {
  const index = indexText(text);
  const tokens = index.tokens;
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
      // The phrasing's own words first: evidence and echo checks look at them.
      slots.push([tokens.slice(i, i + best.length), ...best.group]);
      i += best.length;
    } else {
      slots.push([[tokens[i]!]]);
      i++;
    }
  }
  const negative = tokens.length > 0 && isNegated(index, 0, tokens.length - 1);
  return { text, slots, negative };
}

/** One place a phrasing was found: content-token range, and whether the answer says it or denies it. */
export interface PhraseMatch {
  first: number;
  last: number;
  /** The answer's polarity there matches the phrasing's (a claim made, not denied). */
  affirmed: boolean;
  /** A word was accepted only through the one-typo allowance. */
  typo: boolean;
}

/** Per answer, which positions each phrasing word can fill (computed once per distinct word). */
export class Matcher {
  readonly index: TextIndex;
  private readonly cache = new Map<string, Map<number, boolean>>();
  private readonly entries: Array<[string, number[]]>;
  private readonly stems: string[];

  constructor(index: TextIndex) {
    this.index = index;
    this.entries = [...index.vocab.entries()];
    this.stems = this.entries.map(([, positions]) => index.tokens[positions[0]!]!.stem);
  }

  /** Positions where this word (of a phrasing) stands in the answer → whether only as a typo. */
  private positionsOf(word: Token): Map<number, boolean> {
    const key = `${word.word}\u0000${word.stem}`;
    let found = this.cache.get(key);
    if (found) return found;
    found = new Map();
    for (let e = 0; e < this.entries.length; e++) {
      const [actual, positions] = this.entries[e]!;
      const how = compareWords(word, { word: actual, stem: this.stems[e]! });
      if (how === 'different') continue;
      for (const p of positions) found.set(p, how === 'typo');
    }
    this.cache.set(key, found);
    return found;
  }

  /** Starts of each run of a slot in the answer, with the run's length and whether a typo was needed. */
  private slotStarts(slot: Slot): Array<{ at: number; length: number; typo: boolean }> {
    const tokens = this.index.tokens;
    const out: Array<{ at: number; length: number; typo: boolean }> = [];
    for (const run of slot) {
      const first = this.positionsOf(run[0]!);
      for (const [at, typo0] of first) {
        let typo = typo0;
        let ok = at + run.length <= tokens.length;
        for (let k = 1; ok && k < run.length; k++) {
          const t = tokens[at + k]!;
          const how = compareWords(run[k]!, t);
          ok = how !== 'different' && t.clause === tokens[at]!.clause;
          typo ||= how === 'typo';
        }
        if (ok) out.push({ at, length: run.length, typo });
      }
    }
    return out.sort((a, b) => a.at - b.at || b.length - a.length);
  }

  /**
   * Every place the phrasing occurs: its slots in order, within one clause, at most `maxGap` other
   * content words between two slots. Linear in the positions its words occupy.
   */
  find(phrase: Phrase, maxGap = MAX_GAP): PhraseMatch[] {
    if (!phrase.slots.length) return [];
    const tokens = this.index.tokens;
    // For each slot: chains ending there, as (end position → first position, typo used).
    let ends: Array<{ end: number; first: number; typo: boolean }> = this.slotStarts(phrase.slots[0]!).map((s) => ({
      end: s.at + s.length - 1,
      first: s.at,
      typo: s.typo,
    }));
    for (let k = 1; k < phrase.slots.length && ends.length; k++) {
      const starts = this.slotStarts(phrase.slots[k]!);
      const next: typeof ends = [];
      ends.sort((a, b) => a.end - b.end);
      let j = -1;
      for (const s of starts) {
        // The closest chain ending before this start (ends sorted, starts sorted: one pointer walk).
        while (j + 1 < ends.length && ends[j + 1]!.end < s.at) j++;
        if (j < 0) continue;
        const prev = ends[j]!;
        if (s.at - prev.end - 1 > maxGap || tokens[prev.end]!.clause !== tokens[s.at]!.clause) continue;
        next.push({ end: s.at + s.length - 1, first: prev.first, typo: prev.typo || s.typo });
      }
      ends = next;
    }
    return ends.map(({ end, first, typo }) => ({
      first,
      last: end,
      affirmed: isNegated(this.index, first, end) === phrase.negative,
      typo,
    }));
  }
}

/** Where the phrasing occurs in the answer (affirmed, in one clause); -1 when it does not. */
export function findPhrase(answer: string | TextIndex, phrase: Phrase, maxGap = MAX_GAP): number {
  const index = typeof answer === 'string' ? indexText(answer) : answer;
  const hit = new Matcher(index).find(phrase, maxGap).find((m) => m.affirmed);
  return hit ? hit.first : -1;
}

/** The answer says exactly the phrasing, nothing more (cloze blanks). */
export function equalsPhrase(answer: readonly Token[], phrase: Phrase): boolean {
  const fill = (slot: number, at: number): boolean => {
    if (slot === phrase.slots.length) return at === answer.length;
    return phrase.slots[slot]!.some((run) => runAt(answer, at, run, sameWord) && fill(slot + 1, at + run.length));
  };
  return phrase.slots.length > 0 && fill(0, 0);
}
