import type { Pitch, Section } from '../pitch/model.js';
import { allBlocks, flattenSections } from '../pitch/model.js';
import { defaultRehearsalSection } from '../pitch/lookup.js';
import { slugify, splitSentences } from '../pitch/text.js';
import { countWords } from '../pitch/words.js';
import type { Question, Topic } from './types.js';
import { PITCH_TOPIC } from './types.js';

/** The sentences the generator needs in the user's language (the core does not translate). */
export interface PitchCardLabels {
  title: string;
  /** Prompt of a recall card: the words that introduce a list, and how many items it has. */
  recallPrompt(intro: string, count: number): string;
  /** Where the answer is read: "§ 1 Pitch court". */
  where(section: Section): string;
}

const BLANK = '___';
/** A blanked sentence shorter than this borrows the sentence before it, so the blank has context. */
const MIN_CONTEXT_WORDS = 4;

/** A key term at its first bold place in the pitch, with the prompt that blanks it there. */
interface Candidate {
  term: string;
  sentence: string;
  section: Section;
  prompt: string;
  /** The sentence borrowed before a short one, when there is one. */
  context: string | undefined;
}

/**
 * The user's pitch as a topic: one cloze card per bold key term, and every list of the short pitch
 * to recite (flash). A term bold in several sections gets one card, at its first place in the pitch
 * (so the id, and the progress kept under it, stay what they were). Cards are ordered in pitch order,
 * except that two cards never come from the same sentence in a row (when the pitch allows it), and
 * what a card shows besides its own sentence — borrowed context, the completed sentence under
 * « Pourquoi » — masks the other cards' answers bold there. Ids come from the section id and the term,
 * so editing the words around a term keeps its progress.
 */
export function pitchTopic(pitch: Pitch, labels: PitchCardLabels): Topic {
  // Each step below is linear in the pitch: a pitch with 8,000 bold terms builds its cards in milliseconds.
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const uniqueId = (base: string) => {
    let n = nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (used.has(id)) id = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    used.add(id);
    return id;
  };
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  for (const section of flattenSections(pitch.sections)) {
    const units = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items.map((i) => i.text)));
    const before = sentencesBefore(units);
    for (const { term, sentence } of section.keyTerms) {
      const key = term.toLowerCase();
      if (seen.has(key)) continue;
      const withBefore = withContext(sentence, before);
      const prompt = blankTerm(withBefore, term);
      if (!prompt) continue;
      seen.add(key);
      const context = withBefore === sentence ? undefined : before.get(sentence);
      chosen.push({ term, sentence, section, prompt, context });
    }
  }
  const mask = answerMasker(chosen.map((c) => c.term));
  const questions: Question[] = orderCards(chosen).map((c) => {
    const own = replaceWord(c.sentence, c.term, BLANK) ?? c.sentence;
    const prompt =
      c.context === undefined ? c.prompt : `${mask(replaceWord(c.context, c.term, BLANK) ?? c.context, c.term)} ${own}`;
    return {
      id: uniqueId(`pitch-${c.section.id}-${slugify(c.term) || 'terme'}`),
      topic: PITCH_TOPIC,
      kind: 'cloze',
      difficulty: 1,
      subject: c.section.id,
      prompt,
      answers: [c.term],
      explanation: mask(c.sentence, c.term),
      where: labels.where(c.section),
      origin: `${pitch.file} § ${c.section.number || c.section.id}`,
    };
  });
  const short = defaultRehearsalSection(pitch.sections);
  if (short) questions.push(...recallCards(short, pitch.file, labels, uniqueId));
  return { id: PITCH_TOPIC, title: labels.title, aliases: [], synonyms: [], questions };
}

/**
 * Pitch order, but never two cards from the same sentence in a row: each step takes the earliest card
 * from another sentence than the last one — unless one sentence holds so many of the cards left that
 * it must be served now for the rule to hold to the end (the classic no-two-adjacent schedule).
 * Counts are kept in buckets, so each step costs the few cards of the last sentence it skips.
 */
export function orderCards<T extends { sentence: string }>(cards: readonly T[]): T[] {
  const count = new Map<string, number>();
  const queue = new Map<string, number[]>();
  cards.forEach((c, i) => {
    count.set(c.sentence, (count.get(c.sentence) ?? 0) + 1);
    queue.set(c.sentence, [...(queue.get(c.sentence) ?? []), i]);
  });
  const bucket = new Map<number, Set<string>>();
  let max = 0;
  for (const [sentence, n] of count) {
    if (!bucket.has(n)) bucket.set(n, new Set());
    bucket.get(n)!.add(sentence);
    max = Math.max(max, n);
  }
  const head = new Map<string, number>();
  const taken = new Uint8Array(cards.length);
  const out: T[] = [];
  let start = 0;
  let previous: string | undefined;
  for (let remaining = cards.length; remaining > 0; remaining--) {
    while (max > 0 && !bucket.get(max)?.size) max--;
    let pick = -1;
    // A sentence holding more than half of what is left must go now (if it may).
    if (max > (remaining - 1) / 2)
      for (const sentence of bucket.get(max)!)
        if (sentence !== previous) {
          const q = queue.get(sentence)!;
          let h = head.get(sentence) ?? 0;
          while (taken[q[h]!]) h++;
          head.set(sentence, h);
          pick = q[h]!;
          break;
        }
    if (pick < 0) {
      while (taken[start]) start++;
      for (let i = start; i < cards.length; i++)
        if (!taken[i] && cards[i]!.sentence !== previous) {
          pick = i;
          break;
        }
    }
    if (pick < 0) pick = start; // only cards of the last sentence remain: the pitch leaves no choice
    taken[pick] = 1;
    const sentence = cards[pick]!.sentence;
    const n = count.get(sentence)!;
    bucket.get(n)!.delete(sentence);
    count.set(sentence, n - 1);
    if (n > 1) {
      if (!bucket.has(n - 1)) bucket.set(n - 1, new Set());
      bucket.get(n - 1)!.add(sentence);
    }
    previous = sentence;
    out.push(cards[pick]!);
  }
  return out;
}

/**
 * Masks, with « … », every whole-word occurrence of another card's answer in a text — bold there or
 * not — but not the words of the card's own answer (« Argo » inside « Argo Workflows »). Answers are
 * looked up by their first word at each word start, longest first, so masking stays linear in the text.
 */
function answerMasker(answers: readonly string[]): (text: string, own: string) => string {
  const byFirstWord = new Map<string, string[]>();
  for (const answer of answers) {
    const first = /^[\p{L}\p{N}]+/u.exec(answer)?.[0];
    if (!first) continue;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), answer]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return (text, own) => {
    const ownLower = own.toLowerCase();
    let out = '';
    let from = 0;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const at = m.index;
      if (at < from || isWordChar(text[at - 1])) continue;
      const hit = byFirstWord
        .get(m[0])
        ?.find(
          (answer) =>
            !ownLower.includes(answer.toLowerCase()) &&
            text.startsWith(answer, at) &&
            !isWordChar(text[at + answer.length]),
        );
      if (!hit) continue;
      out += `${text.slice(from, at)}…`;
      from = at + hit.length;
    }
    return out + text.slice(from);
  };
}

/**
 * For each sentence of a section, the sentence before it: in the first paragraph or item where the
 * sentence first appears other than first. Built once per section, so a lookup is a map access.
 */
function sentencesBefore(units: readonly string[]): Map<string, string> {
  const before = new Map<string, string>();
  for (const unit of units) {
    const sentences = splitSentences(unit);
    const seen = new Set<string>();
    sentences.forEach((sentence, at) => {
      if (seen.has(sentence)) return;
      seen.add(sentence);
      if (at > 0 && !before.has(sentence)) before.set(sentence, sentences[at - 1]!);
    });
  }
  return before;
}

/** The sentence, preceded by the one before it when it is too short to stand alone ("Acquisition, Calcul et Distribution."). */
function withContext(sentence: string, before: ReadonlyMap<string, string>): string {
  if (countWords(sentence) >= MIN_CONTEXT_WORDS + 1) return sentence;
  const previous = before.get(sentence);
  return previous === undefined ? sentence : `${previous} ${sentence}`;
}

/** Every occurrence of the term that stands as a word (not inside "SparkSession") becomes a blank. */
export function blankTerm(sentence: string, term: string): string | null {
  const out = replaceWord(sentence, term, BLANK);
  return out !== null && countWords(out.replaceAll(BLANK, '')) >= 2 ? out : null;
}

/** The text with every whole-word occurrence of `term` replaced, or null when there is none. */
function replaceWord(text: string, term: string, by: string): string | null {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let out = '';
  let from = 0;
  let found = false;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + term.length])) continue;
    out += text.slice(from, at) + by;
    from = at + term.length;
    found = true;
  }
  return found ? out + text.slice(from) : null;
}

/**
 * Recall cards of the short pitch: each list (introduced by the sentence before it), and each
 * enumeration announced by a colon ("trois sous-projets : Acquisition, Calcul et Distribution").
 */
function recallCards(
  section: Section,
  file: string,
  labels: PitchCardLabels,
  uniqueId: (base: string) => string,
): Question[] {
  const out: Question[] = [];
  const blocks = allBlocks(section);
  const termsOf = new Map<string, string[]>();
  for (const { term, sentence } of section.keyTerms) {
    const list = termsOf.get(sentence);
    if (list) list.push(term);
    else termsOf.set(sentence, [term]);
  }
  const add = (intro: string, items: string[]) => {
    out.push({
      id: uniqueId(`pitch-${section.id}-liste-${out.length + 1}`),
      topic: PITCH_TOPIC,
      kind: 'flash',
      difficulty: 2,
      subject: section.id,
      prompt: labels.recallPrompt(intro, items.length),
      modelAnswer: items.map((i) => `• ${i}`).join('\n'),
      where: labels.where(section),
      origin: `${file} § ${section.number || section.id}`,
    });
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'list') {
      const before = blocks[index - 1];
      const intro = before?.kind === 'paragraph' ? (splitSentences(before.text).at(-1) ?? '') : '';
      add(
        intro,
        block.items.filter((i) => i.depth === 0).map((i) => i.text.replace(/\s*[;.]$/u, '')),
      );
      return;
    }
    const sentences = splitSentences(block.text);
    sentences.forEach((sentence, k) => {
      const next = sentences[k + 1];
      if (!sentence.endsWith(':') || !next) return;
      const terms = termsOf.get(next) ?? [];
      if (terms.length >= 3) add(sentence, terms);
    });
  });
  return out;
}
