import type { DocSpec } from './store.js';
import type { Attempt } from '../rehearsal/types.js';
import type { QuizSessionRecord, ReviewLogEntry, StoredCard } from '../quiz/types.js';
import type { InterviewRecord } from '../interview/types.js';
import {
  checkAttempt,
  checkCard,
  checkInterview,
  checkList,
  checkQuiz,
  checkReview,
  idMap,
  isObject,
} from './validate.js';

export interface HistoryDoc {
  version: number;
  rehearsals: Attempt[];
  quizzes: QuizSessionRecord[];
  /** Mock interviews (since schema version 2). */
  interviews: InterviewRecord[];
}

export interface CardsDoc {
  version: number;
  /** FSRS state per question id (a null-prototype object): progress survives edits to a question's text. */
  cards: Record<string, StoredCard>;
  reviews: ReviewLogEntry[];
}

export const historySpec: DocSpec<HistoryDoc> = {
  file: 'history.json',
  version: 2,
  empty: () => ({ version: 2, rehearsals: [], quizzes: [], interviews: [] }),
  validate(doc) {
    if (!isObject(doc)) return 'not an object';
    return (
      checkList(doc.rehearsals, 'rehearsals', checkAttempt) ??
      checkList(doc.quizzes, 'quizzes', checkQuiz) ??
      checkList(doc.interviews, 'interviews', checkInterview)
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
  empty: () => ({ version: 1, cards: idMap(), reviews: [] }),
  validate(doc) {
    if (!isObject(doc)) return 'not an object';
    if (!isObject(doc.cards)) return '"cards" is not an object';
    for (const [id, card] of Object.entries(doc.cards)) {
      if (!isObject(card) || checkCard(card)) return `card "${id}" is malformed`;
    }
    return checkList(doc.reviews, 'reviews', checkReview);
  },
  // JSON.parse gives "__proto__" as an own key; copying into a null-prototype object keeps it an ordinary id.
  revive: (doc) => ({ ...(doc as unknown as CardsDoc), cards: idMap(Object.entries(doc.cards as object)) }),
  migrations: {},
};
