import { PitchError } from '../core/errors.js';
import type { Question, RatingValue } from './types.js';
import {
  compileOpen,
  gradeCloze,
  gradeFlash,
  gradeMcq,
  gradeOpen,
  shuffleMcq,
  type Grade,
  type ShownMcq,
} from './grade.js';
import { compileSynonyms } from './match.js';

/** What the user gave for one question. */
export type Answer = { kind: 'choice'; chosen: number[] } | { kind: 'text'; text: string } | { kind: 'revealed' };

/** One question of a session and what happened to it so far. */
export interface SessionItem {
  question: Question;
  /** An mcq's options in the order shown (shuffled once, when the session is built). */
  shown?: ShownMcq | undefined;
  answer?: Answer | undefined;
  grade?: Grade | undefined;
  seconds?: number | undefined;
  rating?: RatingValue | undefined;
  /** Its rating was taken back (or the one before it was): it is rated again without being asked again. */
  again?: boolean | undefined;
}

/**
 * What a session needs from the outside: the terminal (ask, show, rate), the store (save, unsave)
 * and the clock. The command wires the real ones; tests wire scripted ones.
 */
export interface SessionPorts {
  ask(item: SessionItem, index: number, total: number): Promise<Answer>;
  showGrade(item: SessionItem, grade: Grade): void;
  /** The rating for an answered question, or 'undo' to take back the previous rating. */
  rate(
    item: SessionItem,
    request: {
      suggestion: RatingValue;
      /** False when the grader is unsure (thin evidence, a contradiction): nothing is pre-selected. */
      preselect: boolean;
      canUndo: boolean;
      again: boolean;
      index: number;
      total: number;
    },
  ): Promise<RatingValue | 'undo'>;
  showUndone(item: SessionItem): void;
  /** Saves one rating as soon as it is given and returns what undoes it. Never called in a cram session. */
  save(item: SessionItem, rating: RatingValue, seconds: number): unknown;
  unsave(token: unknown): void;
  now(): Date;
}

export interface SessionResult {
  startedAt: Date;
  endedAt: Date;
  /** Rated questions, in the order they were rated. */
  rated: SessionItem[];
  interrupted: boolean;
  /** The signal (SIGTERM, SIGHUP) that interrupted the session; absent or null for Ctrl-C. */
  signal?: NodeJS.Signals | null;
  cram: boolean;
  /**
   * Why saving a rating failed (a full disk…): the session stopped there. The ratings saved before
   * it are in `rated`, so the caller can still keep the session's record before reporting the failure.
   */
  saveError?: unknown;
}

/** Session items, with each mcq's options shuffled once by the injected random source. */
export function buildItems(questions: readonly Question[], rng: () => number): SessionItem[] {
  return questions.map((question) =>
    question.kind === 'mcq' ? { question, shown: shuffleMcq(question, rng) } : { question },
  );
}

export function gradeAnswer(
  item: SessionItem,
  answer: Answer,
  seconds: number,
  synonyms: readonly (readonly string[])[],
): Grade {
  const q = item.question;
  switch (q.kind) {
    case 'mcq':
      return gradeMcq(q, item.shown ?? shuffleMcq(q, () => 0), answer.kind === 'choice' ? answer.chosen : [], seconds);
    case 'cloze':
      return gradeCloze(q, answer.kind === 'text' ? answer.text : '', seconds, compileSynonyms(synonyms));
    case 'open':
      return gradeOpen(q, compileOpen(q, synonyms), answer.kind === 'text' ? answer.text : '', seconds);
    case 'flash':
      return gradeFlash();
  }
}

/**
 * Runs a session: ask, grade, show, rate, save — one question at a time, each rating saved as it is
 * given so an interruption loses none. 'undo' takes back the previous rating and asks it again.
 * Ctrl-C (a PitchError of kind 'interrupted' from a port) ends the session with what was rated.
 */
export async function runSession(
  items: SessionItem[],
  ports: SessionPorts,
  options: { cram: boolean; synonyms: (topic: string) => readonly (readonly string[])[] },
): Promise<SessionResult> {
  const startedAt = ports.now();
  const done: Array<{ item: SessionItem; token: unknown }> = [];
  let interrupted = false;
  let signal: NodeJS.Signals | null = null;
  const finish = (): SessionResult => ({
    startedAt,
    endedAt: ports.now(),
    rated: done.map((d) => d.item),
    interrupted,
    signal,
    cram: options.cram,
  });
  try {
    let i = 0;
    while (i < items.length) {
      const item = items[i]!;
      if (!item.answer || !item.grade) {
        const shownAt = ports.now();
        const answer = await ports.ask(item, i, items.length);
        const seconds = Math.max(0, Math.round((ports.now().getTime() - shownAt.getTime()) / 100) / 10);
        item.answer = answer;
        item.seconds = seconds;
        item.grade = gradeAnswer(item, answer, seconds, options.synonyms(item.question.topic));
        ports.showGrade(item, item.grade);
      }
      const choice = await ports.rate(item, {
        suggestion: item.grade.suggested,
        preselect: item.grade.kind === 'open' ? item.grade.sure : true,
        canUndo: done.length > 0,
        again: Boolean(item.again),
        index: i,
        total: items.length,
      });
      if (choice === 'undo') {
        const last = done.pop();
        if (!last) continue; // the adapter only offers undo when there is something to undo
        if (!options.cram) ports.unsave(last.token);
        last.item.rating = undefined;
        last.item.again = true;
        item.again = true;
        ports.showUndone(last.item);
        i = items.indexOf(last.item);
        continue;
      }
      let token: unknown = null;
      try {
        if (!options.cram) token = ports.save(item, choice, item.seconds ?? 0);
      } catch (error) {
        return { ...finish(), saveError: error };
      }
      item.rating = choice;
      done.push({ item, token });
      i++;
    }
  } catch (error) {
    if (!(error instanceof PitchError && error.kind === 'interrupted')) throw error;
    interrupted = true;
    signal = error.signal;
  }
  return finish();
}
