import type { Pitch, Section } from '../pitch/model.js';
import { allBlocks, flattenSections } from '../pitch/model.js';
import { defaultRehearsalSection } from '../pitch/lookup.js';
import { slugify, splitSentences } from '../pitch/text.js';
import { countWords } from '../pitch/words.js';
import type { Question, Topic } from './types.js';
import { PITCH_TOPIC } from './pack.js';

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

/**
 * The user's pitch as a topic: every bold key term blanked in its sentence (cloze), and every list
 * of the short pitch to recite (flash). Ids come from the section id and the term, so editing the
 * words around a term keeps its progress.
 */
export function pitchTopic(pitch: Pitch, labels: PitchCardLabels): Topic {
  const questions: Question[] = [];
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
  for (const section of flattenSections(pitch.sections)) {
    const units = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items.map((i) => i.text)));
    const before = sentencesBefore(units);
    for (const { term, sentence } of section.keyTerms) {
      const prompt = blankTerm(withContext(sentence, before), term);
      if (!prompt) continue;
      questions.push({
        id: uniqueId(`pitch-${section.id}-${slugify(term) || 'terme'}`),
        topic: PITCH_TOPIC,
        kind: 'cloze',
        difficulty: 1,
        subject: section.id,
        prompt,
        answers: [term],
        where: labels.where(section),
        origin: `${pitch.file} § ${section.number || section.id}`,
      });
    }
  }
  const short = defaultRehearsalSection(pitch.sections);
  if (short) questions.push(...recallCards(short, pitch.file, labels, uniqueId));
  return { id: PITCH_TOPIC, title: labels.title, aliases: [], synonyms: [], questions };
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
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let out = '';
  let from = 0;
  let found = false;
  for (let at = sentence.indexOf(term); at >= 0; at = sentence.indexOf(term, at + term.length)) {
    if (isWordChar(sentence[at - 1]) || isWordChar(sentence[at + term.length])) continue;
    out += sentence.slice(from, at) + BLANK;
    from = at + term.length;
    found = true;
  }
  if (!found) return null;
  out += sentence.slice(from);
  return countWords(out.replaceAll(BLANK, '')) >= 2 ? out : null;
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
