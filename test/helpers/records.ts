// Small valid records for store tests (fields as the commands write them).
import type { Attempt } from '../../src/rehearsal/types.js';
import type { ReviewLogEntry } from '../../src/quiz/types.js';

export function attempt(id: string, at = '2026-11-20T10:00:00.000Z'): Attempt {
  return {
    id,
    startedAt: at,
    sectionId: '1-pitch-court',
    sectionTitle: 'Pitch court',
    targetSeconds: 120,
    promptLevel: 'full',
    kind: 'complete',
    totalSeconds: 100,
    splits: [{ key: '1-a', title: 'a', budgetSeconds: 120, seconds: 100, words: 10 }],
    words: 10,
  };
}

export function review(questionId: string, at = '2026-11-20T10:00:00.000Z'): ReviewLogEntry {
  return {
    questionId,
    topic: 'spark',
    kind: 'mcq',
    rating: 3,
    state: 0,
    reviewedAt: at,
    elapsedDays: 0,
    seconds: 4,
    session: 's1',
    cram: false,
  };
}

import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';

/** What the store holds for `home` (history and cards as documents), read through the store itself. */
export function storedData(home: string) {
  const store = new Store({ home });
  return { history: store.read(historySpec), cards: store.read(cardsSpec) };
}
