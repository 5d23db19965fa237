// A user-data folder for the report tests: rehearsals (the latest recorded, its WAV on disk), quiz
// reviews and one mock interview, dated from today (UTC) and written by the real store.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { attempt, card, review } from '../unit/stats/fixture.js';

const DAY = 86_400_000;
const startOfToday = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (k: number, minutes = 0) => new Date(startOfToday - k * DAY + minutes * 60_000).toISOString();

/** Rehearsals (the latest one recorded, its WAV on disk), quiz reviews and one mock interview. */
export function populatedReportHome(home: string): string {
  mkdirSync(join(home, 'recordings'), { recursive: true });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'audio', 'clean.wav'), join(home, 'recordings', 'a6.wav'));
  const store = new Store({ home });
  store.update(historySpec, (doc) => {
    doc.rehearsals.push(
      attempt(daysAgo(10), 'complete', [42, 45, 41], { id: 'a1' }),
      attempt(daysAgo(6), 'complete', [38, 46, 37], { id: 'a2' }),
      attempt(daysAgo(5), 'practice', [30, 30, 30], { id: 'a3' }),
      attempt(daysAgo(1), 'complete', [39, 47, 38], { id: 'a5' }),
      attempt(daysAgo(0), 'complete', [3.5, 2.5, 3.3], {
        id: 'a6',
        sectionTitle: 'Pitch « enregistré »',
        recording: { file: 'recordings/a6.wav', splitEnds: [3.2, 6.2, 9.3], clockStart: 0 },
        speech: { wordsPerMinute: 150, longestPauseSeconds: 2.6 },
      }),
    );
    doc.interviews = [
      {
        id: 'i1',
        startedAt: daysAgo(1, 30),
        endedAt: daysAgo(1, 50),
        pitchAttemptId: 'a5',
        answerSeconds: 90,
        interrupted: false,
        answers: [
          {
            questionId: 'spark-lazy-1',
            topic: 'spark',
            prompt: 'Quand Spark exécute-t-il réellement un calcul ?',
            seconds: 64.2,
            keyPoints: ['transformations paresseuses', 'une action déclenche un job'],
            covered: [true, true],
            suggested: 3,
            rating: 3,
          },
        ],
      },
    ];
  });
  store.update(cardsSpec, (doc) => {
    doc.reviews.push(review(daysAgo(6), 'spark-lazy-1', 'spark', 3), review(daysAgo(1), 'spark-lazy-1', 'spark', 1));
    doc.cards['spark-lazy-1'] = card(daysAgo(-1), 3, 1);
  });
  return home;
}
