import type { Question, RatingValue } from './types.js';
import {
  compilePhrase,
  compileSynonyms,
  indexText,
  Matcher,
  sameWord,
  type Phrase,
  type PhraseMatch,
  type SynonymTable,
  type TextIndex,
} from './match.js';
import { clozeAccepts, diffBlank, type DiffPart } from './cloze.js';
import { phraseEarns, promptWords } from './echo.js';

/** How one key point of an open answer fared. */
export interface KeyPointResult {
  point: string;
  hit: boolean;
  /** The accepted phrasing found in the answer. */
  matched?: string | undefined;
  /** The words of the answer that earned the point. */
  evidence?: string | undefined;
  /** The answer states the opposite: the words that do, and the phrasing they matched. */
  contradiction?: { matched: string; evidence: string } | undefined;
}

export interface MisconceptionResult {
  note: string;
  matched: string;
  evidence?: string | undefined;
}

/** What the grader says about one answer; `suggested` is the rating proposed to the user. */
export type Grade =
  | { kind: 'mcq'; correct: boolean; chosen: number[]; right: number[]; suggested: RatingValue }
  | {
      kind: 'cloze';
      correct: boolean;
      expected: string;
      /** On a miss: the typed text against the expected one, character by character. */
      diff?: DiffPart[] | undefined;
      suggested: RatingValue;
    }
  | { kind: 'flash'; correct: null; suggested: RatingValue }
  | {
      kind: 'open';
      correct: boolean;
      points: KeyPointResult[];
      hits: number;
      misconceptions: MisconceptionResult[];
      empty: boolean;
      suggested: RatingValue;
      /** False when the evidence is thin or the answer contradicts itself: the user picks, nothing is pre-selected. */
      sure: boolean;
    };

/** An mcq as shown: options in display order, and which of them are right. */
export interface ShownMcq {
  options: string[];
  right: number[];
}

/** Fisher–Yates with an injected random source in [0, 1). */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function shuffleMcq(question: Question, rng: () => number): ShownMcq {
  const options = shuffle(question.options ?? [], rng);
  const answers = new Set(question.answers ?? []);
  return { options, right: options.flatMap((o, i) => (answers.has(o) ? [i] : [])) };
}

/**
 * Answers given quickly enough to suggest Easy: an mcq or a blank in 8 s, a flash card in 6 s,
 * an open answer in 20 s plus 10 s per key point (typing takes time).
 */
export function easySeconds(question: Question): number {
  switch (question.kind) {
    case 'open':
      return 20 + 10 * (question.keyPoints?.length ?? 0);
    case 'flash':
      return 6;
    default:
      return 8;
  }
}

const goodOrEasy = (question: Question, seconds: number): RatingValue => (seconds <= easySeconds(question) ? 4 : 3);

export function gradeMcq(question: Question, shown: ShownMcq, chosen: readonly number[], seconds: number): Grade {
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  const correct = picked.length === shown.right.length && picked.every((i, k) => i === shown.right[k]);
  return {
    kind: 'mcq',
    correct,
    chosen: picked,
    right: shown.right,
    suggested: correct ? goodOrEasy(question, seconds) : 1,
  };
}

/** A typed blank is right when it says the expected text or an accepted one, forgiving what README promises. */
export function gradeCloze(
  question: Question,
  typed: string,
  seconds: number,
  synonyms: SynonymTable = { groups: [] },
): Grade {
  const expected = question.answers ?? [];
  const correct = typed.trim() !== '' && expected.some((answer) => clozeAccepts(answer, typed, synonyms));
  return {
    kind: 'cloze',
    correct,
    expected: expected[0] ?? '',
    ...(!correct && typed.trim() ? { diff: diffBlank(typed.trim(), expected[0] ?? '') } : {}),
    suggested: correct ? goodOrEasy(question, seconds) : 1,
  };
}

export function gradeFlash(): Grade {
  return { kind: 'flash', correct: null, suggested: 3 };
}

/** A key point's phrasings compiled once (grading a long session reuses them). */
export interface CompiledPoint {
  point: string;
  phrases: Phrase[];
  about: Phrase[];
  /** The subject its text names ("Canary : …") when the question compares several: it binds loosely. */
  subject: Phrase[];
  contradicts: Phrase[];
  /** The values its text gives ("300 s", "0,6"): a claim said next to other values states a wrong one. */
  values: { values: Set<number>; byDefault: boolean };
}

export interface CompiledOpen {
  points: CompiledPoint[];
  misconceptions: Array<{ note: string; phrases: Phrase[] }>;
}

/** Aspect words that open a key point's label without naming a thing ("Piège du broadcast", "Limites"). */
const ASPECT =
  /^(pi[eè]ges?|limites?|choix|co[uû]ts?|causes?|rem[eè]des?|int[eé]r[eê]ts?|sympt[oô]mes?|d[eé]tection|arbitrage|usages?|collecte|exemples?|risques?|avantages?|inconv[eé]nients?|correctifs?|diagnostic|objectifs?|r[eè]gles?|principes?|bornes?)\b/i;

/**
 * The thing a key point's text is about, when it opens with a label ("Canary : une petite part du
 * trafic…", "Piège du broadcast : …"): its names, split on "/", "(", ",". A label that is only an
 * aspect ("Limites", "Choix argumenté") names nothing.
 */
function labelSubjects(point: string): string[] {
  const m = /^([^:]{1,60}?)\s+:\s/.exec(point);
  if (!m) return [];
  let label = m[1]!.trim();
  const aspect = ASPECT.exec(label);
  if (aspect) {
    const rest = /^\s+(?:du|des|de la|de l['’]|de|d['’])\s*(.+)$/i.exec(label.slice(aspect[0].length));
    if (!rest) return [];
    label = rest[1]!;
  }
  return label
    .split(/[()/,]/)
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part) && !/\d/.test(part));
}

export function compileOpen(question: Question, synonyms: readonly (readonly string[])[] = []): CompiledOpen {
  const table = compileSynonyms(synonyms);
  const echo = promptWords(question.prompt);
  const keyPoints = question.keyPoints ?? [];
  // A question whose points name two or more different things compares them: a claim said of another
  // of those things is a swap and earns nothing.
  // Only the names the prompt itself lists count ("Deployment, StatefulSet…: dans quel cas…"): a label
  // that the prompt does not name is a heading ("Situation", "Les sources"), not a compared thing.
  const named = (part: string) => {
    const words = promptWords(part);
    return words.length > 0 && words.every((w) => echo.some((e) => e.stem === w.stem || sameWord(e, w)));
  };
  const labels = keyPoints.map((k) => labelSubjects(k.point).filter(named));
  const compared = new Set(labels.filter((l) => l.length > 0).map((l) => l.join('/').toLowerCase())).size >= 2;
  // A phrasing that only says what the prompt or a generic word already says earns nothing: dropped here.
  const earning = (list: readonly string[] = []) =>
    list.map((a) => compilePhrase(a, table)).filter((p) => phraseEarns(p, echo));
  // A point that denies something ("pas de push forcé", "n'a plus besoin d'accès au cluster") is made
  // only by denying it too: a phrasing that the point's own text denies must be denied in the answer.
  const polarised = (point: string, phrases: Phrase[]) => {
    // "Ne pas confondre X et Y", "ne pas oublier X": the denial bears on the verb, X is still said.
    if (/\bne (?:pas|jamais) (?:confondre|m[ée]langer|oublier|n[ée]gliger)\b/i.test(point)) return phrases;
    const text = indexText(point);
    const own = new Matcher(text);
    // Only a denial right before the phrasing counts: in "ne prend plus de tâches et prévient le driver"
    // the coordinated "prévient" is still a claim made.
    const closelyDenied = (m: PhraseMatch) => {
      if (m.affirmed) return false;
      const from = text.deniedFrom[m.first]!;
      if (from < 0) return false;
      let between = 0;
      for (let i = m.first - 1; i >= 0 && text.tokens[i]!.start > from; i--) between++;
      return between <= 2;
    };
    return phrases.map((p) => {
      if (p.negative) return p;
      const found = own.find(p);
      return found.length > 0 && found.every(closelyDenied) ? { ...p, negative: true } : p;
    });
  };
  return {
    points: keyPoints.map((k, i) => ({
      point: k.point,
      phrases: polarised(k.point, earning(k.accept)),
      about: (k.about ?? []).map((a) => compilePhrase(a, table)),
      subject: compared && !k.about?.length ? labels[i]!.map((a) => compilePhrase(a, table)) : [],
      contradicts: earning(k.contradicts),
      values: pointValues(k.point),
    })),
    misconceptions: (question.misconceptions ?? []).map((m) => ({ note: m.note, phrases: earning(m.accept) })),
  };
}

/**
 * The numbers written in tokens from..to (of one sentence, or any when `sentence` is -1); "10 000" read as
 * one number, units glued on ("300s", "10mo") dropped.
 */
function valuesIn(index: TextIndex, from: number, to: number, sentence: number): number[] {
  const out: number[] = [];
  const tok = index.tokens;
  for (let i = Math.max(0, from); i <= to && i < tok.length; i++) {
    const t = tok[i]!;
    if (sentence >= 0 && t.sentence !== sentence) continue;
    const m = /^\d+(?:\.\d+)?/.exec(t.word);
    if (!m) continue;
    const prev = tok[i - 1];
    if (/^\d{3}$/.test(t.word) && prev && /^\d+$/.test(prev.word) && prev.end + 1 === t.start && out.length > 0) {
      out[out.length - 1] = out[out.length - 1]! * 1000 + Number(t.word);
      continue;
    }
    out.push(Number(m[0]));
  }
  return out;
}

/**
 * The values a key point states. Versions ("depuis la v3.6") and the terms of a formula ("limit + 1")
 * are not values a candidate would repeat. A value given as a default ("300 s par défaut") is only
 * contradicted by another default.
 */
function pointValues(point: string): { values: Set<number>; byDefault: boolean } {
  const text = point.replace(/\b(?:depuis(?: la)?|version|v)\s*\d+(?:[.,]\d+)*/gi, ' ').replace(/[+=−-]\s*\d+/g, ' ');
  return {
    values: new Set(valuesIn(indexText(text), 0, Number.MAX_SAFE_INTEGER, -1)),
    byDefault: /par d[ée]faut|default/i.test(point),
  };
}

/** 60 % and 0,6 are the same value. */
const sameValue = (a: number, b: number) =>
  [a, a / 100, a * 100].some((x) => Math.abs(x - b) <= 1e-9 * Math.max(1, Math.abs(b)));

/** How far around a claim a number is read as its value (content words). */
const VALUE_REACH_BEFORE = 3;
const VALUE_REACH_AFTER = 6;

/** Where an answer mentions what a key point is about. */
interface Mention {
  at: number;
  sentence: number;
  points: Set<number>;
}

/**
 * The claim starting at `first` is about the point's subject when the subject named nearest to it is
 * one of its own: before it in its clause, else after it in its clause, else earlier in its sentence,
 * else last in the sentence before (a pronoun).
 */
function boundTo(
  point: number,
  first: number,
  mentions: readonly Mention[],
  index: TextIndex,
  unnamed = false,
): boolean {
  const tok = index.tokens;
  const clause = tok[first]!.clause;
  // Mentions are sorted: a binary search keeps grading linear-ish however many there are.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.at <= first) lo = mid + 1;
    else hi = mid;
  }
  const before = mentions[lo - 1];
  const after = mentions[lo];
  if (before && tok[before.at]!.clause === clause) return before.points.has(point);
  if (after && tok[after.at]!.clause === clause) return after.points.has(point);
  if (!before) return unnamed;
  const sentence = tok[first]!.sentence;
  // A label's subject reaches no further than its sentence: a list of points over several sentences
  // ("… fraction, 0,6. Dedans storageFraction …") must not bind to the previous item.
  if (before.sentence === sentence || (!unnamed && before.sentence === sentence - 1)) return before.points.has(point);
  return unnamed;
}

/** The suggested rating for an open answer (docs/grading.md shows how it was calibrated on the corpus). */
export function suggestOpenRating(covered: number, total: number, contradicted: boolean, fast: boolean): RatingValue {
  if (total === 0 || covered === 0) return 1;
  const ratio = covered / total;
  let rating: RatingValue = ratio === 1 ? (fast ? 4 : 3) : ratio >= 0.75 ? 3 : ratio >= 0.34 ? 2 : 1;
  if (contradicted) rating = Math.max(1, Math.min(rating, 3) - 1) as RatingValue;
  return rating;
}

/**
 * Grades an open answer against its key points: a point counts when one of its phrasings is said
 * (not denied) in one clause, about the point's subject, and nothing in the answer states its opposite.
 */
export function gradeOpen(question: Question, compiled: CompiledOpen, answer: string, seconds: number): Grade {
  const index = indexText(answer);
  const matcher = new Matcher(index);
  const evidenceOf = (m: PhraseMatch, denied = false) => {
    // Earned or refused by a denial ("sans shuffle", "ne recalcule pas"): show the words that deny, too.
    const denial = denied ? index.deniedFrom[m.first]! : -1;
    const start = denial >= 0 ? Math.min(denial, index.tokens[m.first]!.start) : index.tokens[m.first]!.start;
    return answer.slice(start, index.tokens[m.last]!.end);
  };
  // Where the answer names what each key point is about (`about`) or a thing the prompt lists (`subject`),
  // in answer order: a claim is bound to the nearest such mention.
  const mentionsOf = (phrasesOf: (p: CompiledPoint) => readonly Phrase[]) => {
    const byToken = new Map<number, Mention>();
    compiled.points.forEach((p, k) => {
      for (const phrase of phrasesOf(p))
        for (const m of matcher.find(phrase, 1)) {
          const mention = byToken.get(m.first) ?? {
            at: m.first,
            sentence: index.tokens[m.first]!.sentence,
            points: new Set(),
          };
          mention.points.add(k);
          byToken.set(m.first, mention);
        }
    });
    return [...byToken.values()].sort((a, b) => a.at - b.at);
  };
  const sortedMentions = mentionsOf((p) => p.about);
  const sortedNamed = mentionsOf((p) => p.subject);
  const bound = (k: number, m: PhraseMatch) => {
    const p = compiled.points[k]!;
    if (p.about.length > 0) return boundTo(k, m.first, sortedMentions, index);
    // A subject read from the point's label binds loosely: a claim said of nothing named still counts,
    // one said of another compared thing does not.
    return p.subject.length === 0 || boundTo(k, m.first, sortedNamed, index, true);
  };
  const misvalued = (k: number, m: PhraseMatch) => {
    const { values, byDefault } = compiled.points[k]!.values;
    if (values.size === 0) return false;
    const from = m.first - VALUE_REACH_BEFORE;
    const to = m.last + VALUE_REACH_AFTER;
    const sentence = index.tokens[m.first]!.sentence;
    const near = valuesIn(index, from, to, sentence);
    if (near.length === 0 || near.some((v) => [...values].some((w) => sameValue(v, w)))) return false;
    // "je mets MaxRAMPercentage à 75 %" is a choice, not a false default: only "75 % par défaut" is wrong.
    if (!byDefault) return true;
    for (let i = Math.max(0, from); i <= to && i < index.tokens.length; i++)
      if (index.tokens[i]!.sentence === sentence && /^(defaut|default)$/.test(index.tokens[i]!.word)) return true;
    return false;
  };
  let typoOnly = false;
  const points: KeyPointResult[] = compiled.points.map((p, k) => {
    let hit: { phrase: Phrase; match: PhraseMatch } | null = null;
    let denied: { phrase: Phrase; match: PhraseMatch } | null = null;
    let wrongValue: { phrase: Phrase; match: PhraseMatch } | null = null;
    for (const phrase of p.phrases) {
      for (const m of matcher.find(phrase)) {
        if (!bound(k, m)) continue;
        if (m.affirmed && misvalued(k, m)) {
          // "le timeout est de 30 s" for a point that says 300 s: a wrong value, shown as a contradiction.
          wrongValue ??= { phrase, match: m };
          continue;
        }
        if (m.affirmed) {
          if (!hit || (hit.match.typo && !m.typo)) hit = { phrase, match: m };
        } else if (!phrase.negative) denied ??= { phrase, match: m };
      }
      if (hit && !hit.match.typo) break;
    }
    let contradiction: { phrase: Phrase; match: PhraseMatch } | null = null;
    for (const phrase of p.contradicts) {
      const m = matcher.find(phrase).find((x) => x.affirmed && bound(k, x));
      if (m) {
        contradiction = { phrase, match: m };
        break;
      }
    }
    if (!contradiction && !hit && denied) contradiction = denied;
    if (!contradiction && !hit && wrongValue) contradiction = wrongValue;
    if (hit && !contradiction) {
      if (hit.match.typo) typoOnly = true;
      return {
        point: p.point,
        hit: true,
        matched: hit.phrase.text,
        evidence: evidenceOf(hit.match, hit.phrase.negative),
      };
    }
    return {
      point: p.point,
      hit: false,
      ...(contradiction
        ? {
            contradiction: {
              matched: contradiction.phrase.text,
              evidence: evidenceOf(contradiction.match, !contradiction.match.affirmed || contradiction.phrase.negative),
            },
          }
        : {}),
    };
  });
  const misconceptions: MisconceptionResult[] = [];
  for (const m of compiled.misconceptions) {
    for (const phrase of m.phrases) {
      const found = matcher.find(phrase).find((x) => x.affirmed);
      if (found) {
        misconceptions.push({ note: m.note, matched: phrase.text, evidence: evidenceOf(found) });
        break;
      }
    }
  }
  const hits = points.filter((p) => p.hit).length;
  const total = points.length;
  const contradicted = misconceptions.length > 0 || points.some((p) => p.contradiction);
  const suggested = suggestOpenRating(hits, total, contradicted, seconds <= easySeconds(question));
  const words = points.filter((p) => p.hit).map((p) => (p.evidence ?? '').split(/\s+/).length);
  // Thin: every point earned by a lone word, or a point earned only through the typo allowance.
  const thin = hits > 0 && hits < total && (typoOnly || words.every((n) => n <= 1));
  return {
    kind: 'open',
    correct: hits === total && total > 0 && !contradicted,
    points,
    hits,
    misconceptions,
    empty: index.tokens.length === 0,
    suggested,
    sure: !contradicted && !thin,
  };
}
