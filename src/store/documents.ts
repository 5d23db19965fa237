import type { DocSpec } from './store.js';
import type { Attempt } from '../rehearsal/types.js';
import type { QuizSessionRecord, ReviewLogEntry, StoredCard } from '../quiz/types.js';
import type { InterviewRecord } from '../interview/types.js';

export interface HistoryDoc {
  version: number;
  rehearsals: Attempt[];
  quizzes: QuizSessionRecord[];
  /** Mock interviews (since schema version 2). */
  interviews: InterviewRecord[];
}

export interface CardsDoc {
  version: number;
  /** FSRS state per question id: progress survives edits to a question's text. */
  cards: Record<string, StoredCard>;
  reviews: ReviewLogEntry[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkItems(list: unknown, what: string, check: (item: Record<string, unknown>) => boolean): string | null {
  if (!Array.isArray(list)) return `"${what}" is not a list`;
  const bad = list.findIndex((item) => !isObject(item) || !check(item));
  return bad >= 0 ? `"${what}" item ${bad + 1} is malformed` : null;
}

export const historySpec: DocSpec<HistoryDoc> = {
  file: 'history.json',
  version: 2,
  empty: () => ({ version: 2, rehearsals: [], quizzes: [], interviews: [] }),
  validate(doc) {
    if (!isObject(doc)) return 'not an object';
    return (
      checkItems(
        doc.rehearsals,
        'rehearsals',
        (a) =>
          typeof a.id === 'string' &&
          typeof a.sectionId === 'string' &&
          typeof a.startedAt === 'string' &&
          typeof a.totalSeconds === 'number' &&
          Array.isArray(a.splits),
      ) ??
      checkItems(doc.quizzes, 'quizzes', (q) => typeof q.id === 'string' && Array.isArray(q.reviews)) ??
      checkItems(doc.interviews, 'interviews', (i) => typeof i.id === 'string' && Array.isArray(i.answers))
    );
  },
  migrations: {
    // Version 2 added mock interviews.
    1: (doc) => ({ ...doc, interviews: [] }),
  },
};

export const cardsSpec: DocSpec<CardsDoc> = {
  file: 'cards.json',
  version: 1,
  empty: () => ({ version: 1, cards: {}, reviews: [] }),
  validate(doc) {
    if (!isObject(doc)) return 'not an object';
    if (!isObject(doc.cards)) return '"cards" is not an object';
    for (const [id, card] of Object.entries(doc.cards)) {
      if (!isObject(card) || typeof card.due !== 'string' || typeof card.state !== 'number')
        return `card "${id}" is malformed`;
    }
    return checkItems(doc.reviews, 'reviews', (r) => typeof r.questionId === 'string' && typeof r.rating === 'number');
  },
  migrations: {},
};
