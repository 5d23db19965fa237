import { usageError } from '../core/errors.js';
import { PITCH_TOPIC } from '../quiz/types.js';
import { applyReview, cardOf, previewDue, revertReview, type CardState, type UndoToken } from '../quiz/schedule.js';
import { selectCram, selectSession } from '../quiz/select.js';
import { buildItems, runSession, type SessionPorts } from '../quiz/session.js';
import { summarizeSession, toSessionRecord, type SessionSummary } from '../quiz/summary.js';
import type { QuizMode, QuizSessionRecord, RatingValue, StoredCard, Topic } from '../quiz/types.js';

/** What a quiz asks of the terminal: the session's questions and ratings, and the words around them. */
export interface QuizScreen extends Pick<SessionPorts, 'ask' | 'showGrade' | 'showUndone'> {
  /** The pitch's cards are in play: the shell names the pitch they come from. */
  namePitch(): Promise<void>;
  /** Nothing is due: says so (with when the next card is, if any) and asks whether to drill anyway. */
  offerCram(topics: string, next: string | null): Promise<boolean>;
  declined(): void;
  /** The session starts: a cram session (nothing saved), or `count` questions of which `due` were due. */
  starting(info: { cram: boolean; count: number; due: number }): void;
  /** The rating; `preview.due` is when each rating would bring the card back (absent in a cram session). */
  rate(
    ...args: [...Parameters<SessionPorts['rate']>, preview: DuePreview | undefined]
  ): ReturnType<SessionPorts['rate']>;
}

export interface DuePreview {
  now: Date;
  due: Record<RatingValue, Date>;
}

export interface QuizPorts {
  screen: QuizScreen;
  cards: {
    read(): Readonly<Record<string, StoredCard>>;
    /** One rating or its undo, as one change of the card states (quiz/schedule.ts). */
    update<R>(change: (state: CardState) => R): R;
  };
  history: { addQuiz(record: QuizSessionRecord): void };
  now(): Date;
  rng(): number;
  newId(): string;
}

export interface QuizPlan {
  topics: Topic[];
  /** Every topic was asked for (no --topic): the record names none. */
  all: boolean;
  count: number;
  newCap: number;
  mode: QuizMode;
}

export type QuizOutcome =
  | { kind: 'declined' }
  | { kind: 'interrupted'; rated: number; signal: NodeJS.Signals | null }
  | { kind: 'done'; summary: SessionSummary };

/**
 * A quiz session: the selection (due cards first, new ones up to the cap, or a cram session when nothing
 * is due and the user wants one), then quiz/session.ts asks, grades and rates, each rating saved as it is
 * given; the session's record goes to history whatever ended it.
 */
export async function runQuiz(ports: QuizPorts, plan: QuizPlan): Promise<QuizOutcome> {
  const { topics, count, mode, rng } = { ...plan, rng: ports.rng };
  if (plan.all && !topics.some((topic) => topic.questions.length))
    throw usageError('quiz.emptyBank', {}, 'quiz.emptyBankHint');
  const cards = ports.cards.read();
  const now = ports.now();
  const names = topics.map((topic) => topic.id).join(', ');
  const selection = selectSession({ topics, cards, now, count, newCap: plan.newCap, mode, rng });
  if (selection.pool === 0) throw usageError('quiz.noQuestions', { mode, topics: names }, 'quiz.noQuestionsHint');

  if (topics.some((topic) => topic.id === PITCH_TOPIC)) await ports.screen.namePitch();
  let questions = selection.questions;
  const cram = !questions.length;
  if (cram) {
    if (!(await ports.screen.offerCram(names, earliestDue(topics, cards)))) {
      ports.screen.declined();
      return { kind: 'declined' };
    }
    questions = selectCram({ topics, cards, now, count, mode, rng });
  }
  ports.screen.starting({ cram, count: questions.length, due: Math.min(selection.due, questions.length) });

  const synonyms = new Map(topics.map((topic) => [topic.id, topic.synonyms]));
  const session = ports.newId();
  const result = await runSession(buildItems(questions, rng), sessionPorts(ports, cards, cram, session), {
    cram,
    synonyms: (id) => synonyms.get(id) ?? [],
  });
  if (result.rated.length) {
    const record = toSessionRecord(result, session, plan.all ? [] : topics.map((topic) => topic.id), mode);
    try {
      ports.history.addQuiz(record);
    } catch (error) {
      throw result.saveError ?? error;
    }
  }
  // A rating that could not be saved ends the session: its sentence, after the session's record is kept.
  if (result.saveError) throw result.saveError;
  if (result.interrupted) return { kind: 'interrupted', rated: result.rated.length, signal: result.signal ?? null };
  return { kind: 'done', summary: summarizeSession(result, topics, ports.cards.read(), ports.now()) };
}

/** quiz/session.ts's ports: the screen asks and rates, each rating is one change of the card states. */
function sessionPorts(
  ports: QuizPorts,
  cards: Readonly<Record<string, StoredCard>>,
  cram: boolean,
  session: string,
): SessionPorts {
  const { screen } = ports;
  const preview = (card: StoredCard | undefined): DuePreview => {
    const now = ports.now();
    return { now, due: previewDue(card, now) };
  };
  return {
    now: ports.now,
    ask: (item, index, total) => screen.ask(item, index, total),
    showGrade: (item, grade) => screen.showGrade(item, grade),
    showUndone: (item) => screen.showUndone(item),
    rate: (item, request) => screen.rate(item, request, cram ? undefined : preview(cardOf(cards, item.question.id))),
    save: (item, rating, seconds) =>
      ports.cards.update((state) =>
        applyReview(state, {
          questionId: item.question.id,
          topic: item.question.topic,
          kind: item.question.kind,
          rating,
          seconds,
          session,
          now: ports.now(),
        }),
      ),
    unsave: (token) => ports.cards.update((state) => revertReview(state, token as UndoToken)),
  };
}

/** When the first of these topics' cards comes due again, or null when none was ever reviewed. */
function earliestDue(topics: readonly Topic[], cards: Readonly<Record<string, StoredCard>>): string | null {
  let best: string | null = null;
  for (const topic of topics) {
    for (const q of topic.questions) {
      const due = cardOf(cards, q.id)?.due;
      if (due && (best === null || Date.parse(due) < Date.parse(best))) best = due;
    }
  }
  return best;
}
