// Migration of pitch 0.1's documents (history.json v1/v2, cards.json v1) into the logs, on a store the
// size of a year of daily practice: every record must come back identical.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice } from '../../../src/store/store.js';
import { cardsSpec, historySpec } from '../../../src/store/documents.js';
import { seededRandom } from '../../helpers/random.js';

const root = mkdtempSync(join(tmpdir(), 'pitch-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = new Date('2026-11-30T12:00:00Z');

/** A pitch 0.1 store: history.json v2 and cards.json v1 with the given numbers of records, written as 0.1 wrote them. */
function legacyStore(home: string, attempts: number, reviews: number) {
  const random = seededRandom(17);
  const t0 = Date.parse('2025-11-30T08:00:00Z');
  const rehearsals = Array.from({ length: attempts }, (_, i) => ({
    id: `a-${i}`,
    startedAt: new Date(t0 + i * 3_000_000).toISOString(),
    sectionId: i % 7 ? '1-pitch-court' : '2-3-actions-cles',
    sectionTitle: i % 7 ? 'Pitch court (≈ 2 min)' : 'Actions clés',
    targetSeconds: 120,
    promptLevel: ['full', 'cues', 'initials', 'none'][i % 4],
    kind: random() < 0.1 ? 'practice' : 'complete',
    totalSeconds: Math.round(random() * 1300) / 10,
    splits: Array.from({ length: 5 }, (_, k) => ({
      key: `${k + 1}-s`,
      title: `Étape ${k + 1} « ${i} »`,
      budgetSeconds: 24,
      seconds: random() < 0.05 ? null : Math.round(random() * 300) / 10,
      words: 50 + k,
    })),
    words: 260,
    ...(i % 5 === 0 ? { speech: { wordsPerMinute: 120 + (i % 40), longestPauseSeconds: 1.5 } } : {}),
    ...(i % 50 === 0 ? { recording: { file: `recordings/a-${i}.wav`, splitEnds: [1, 2, 3], clockStart: 0.4 } } : {}),
  }));
  const log = Array.from({ length: reviews }, (_, i) => ({
    questionId: i % 97 === 0 ? 'constructor' : `q-${i % 331}`,
    topic: ['spark', 'argo', 'k8s'][i % 3],
    kind: 'mcq',
    rating: 1 + Math.floor(random() * 4),
    state: Math.floor(random() * 4),
    reviewedAt: new Date(t0 + i * 300_000).toISOString(),
    elapsedDays: Math.round(random() * 1000) / 100,
    seconds: Math.round(random() * 300) / 10,
    session: `s-${Math.floor(i / 20)}`,
    cram: i % 11 === 0,
  }));
  const cards: Record<string, unknown> = {};
  for (const r of log)
    cards[r.questionId] = {
      due: new Date(Date.parse(r.reviewedAt) + 86_400_000).toISOString(),
      stability: random() * 30,
      difficulty: random() * 10,
      elapsed_days: 1,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      last_review: r.reviewedAt,
    };
  const quizzes = Array.from({ length: Math.ceil(reviews / 20) }, (_, i) => ({
    id: `s-${i}`,
    startedAt: log[i * 20]!.reviewedAt,
    endedAt: log[Math.min(i * 20 + 19, reviews - 1)]!.reviewedAt,
    topics: [],
    mode: 'mixed',
    cram: false,
    interrupted: i % 9 === 0,
    reviews: log.slice(i * 20, i * 20 + 3).map((r) => ({
      questionId: r.questionId,
      topic: r.topic,
      kind: 'mcq',
      rating: r.rating,
      correct: true,
      seconds: r.seconds,
    })),
  }));
  const interviews = [
    {
      id: 'i-1',
      startedAt: '2026-10-01T10:00:00.000Z',
      endedAt: '2026-10-01T10:30:00.000Z',
      pitchAttemptId: 'a-3',
      answerSeconds: 90,
      answers: [
        {
          questionId: 'q-1',
          topic: 'spark',
          prompt: 'Pourquoi ?',
          seconds: 40,
          keyPoints: ['a'],
          covered: [true],
          suggested: 3,
          rating: 3,
        },
      ],
      interrupted: false,
    },
  ];
  const history = { version: 2, rehearsals, quizzes, interviews };
  const cardsDoc = { version: 1, cards, reviews: log };
  writeFileSync(join(home, 'history.json'), `${JSON.stringify(history, null, 1)}\n`);
  writeFileSync(join(home, 'cards.json'), `${JSON.stringify(cardsDoc, null, 1)}\n`);
  return { history, cards: cardsDoc };
}

describe('migration from pitch 0.1', () => {
  it('a 10,000-attempt / 100,000-review store: every record identical, originals kept as *.migrated-<date>', () => {
    const home = mkdtempSync(join(root, 'big-'));
    const original = legacyStore(home, 10_000, 100_000);
    const historyText = readFileSync(join(home, 'history.json'), 'utf8');
    const cardsText = readFileSync(join(home, 'cards.json'), 'utf8');
    const notices: StoreNotice[] = [];
    const store = new Store({ home, now: () => NOW, onNotice: (n) => notices.push(n) });

    const history = store.read(historySpec);
    expect(history.rehearsals).toEqual(original.history.rehearsals);
    expect(history.quizzes).toEqual(original.history.quizzes);
    expect(history.interviews).toEqual(original.history.interviews);
    const cards = store.read(cardsSpec);
    expect(cards.reviews).toEqual(original.cards.reviews);
    expect({ ...cards.cards }).toEqual(original.cards.cards);
    expect({ ...store.readCards() }).toEqual(original.cards.cards);

    expect(readdirSync(home).sort()).toEqual([
      'cache', // the card-state snapshot (rebuilt from the log when missing)
      'cards.json.migrated-2026-11-30',
      'history.json.migrated-2026-11-30',
      'history.jsonl',
      'reviews.jsonl',
    ]);
    expect(readFileSync(join(home, 'history.json.migrated-2026-11-30'), 'utf8')).toBe(historyText);
    expect(readFileSync(join(home, 'cards.json.migrated-2026-11-30'), 'utf8')).toBe(cardsText);
    expect(notices.map((n) => n.kind)).toEqual(['migrated', 'migrated']);
    // A second process sees the same, with nothing more to do.
    const again = new Store({ home, onNotice: (n) => expect.fail(n.reason) });
    expect(again.read(historySpec)).toEqual(history);
    expect([...again.historyJson()].join('')).toBe(
      `${JSON.stringify({ rehearsals: history.rehearsals, quizzes: history.quizzes, interviews: history.interviews }, null, 2)}\n`,
    );
  }, 120_000);

  it('a version-1 history (before mock interviews) becomes a log with an empty interview list', () => {
    const home = mkdtempSync(join(root, 'v1-'));
    const { history } = legacyStore(home, 3, 5);
    writeFileSync(
      join(home, 'history.json'),
      JSON.stringify({ version: 1, rehearsals: history.rehearsals, quizzes: [] }),
    );
    const read = new Store({ home, now: () => NOW }).read(historySpec);
    expect(read).toEqual({ version: 2, rehearsals: history.rehearsals, quizzes: [], interviews: [] });
  });

  it('a migration cut short between writing the log and renaming the original is finished, not repeated', () => {
    const home = mkdtempSync(join(root, 'cut-'));
    const { history } = legacyStore(home, 20, 30);
    new Store({ home, now: () => NOW }).read(historySpec);
    // As if the process died before the rename: the original is back under its name, same size and date.
    renameSync(join(home, 'history.json.migrated-2026-11-30'), join(home, 'history.json'));
    const read = new Store({ home, now: () => NOW }).read(historySpec);
    expect(read.rehearsals).toEqual(history.rehearsals);
    expect(readdirSync(home).filter((f) => f.startsWith('history.json'))).toEqual([
      'history.json.migrated-2026-11-30',
      'history.jsonl',
    ]);
  });

  it('a damaged or malformed 0.1 document is moved aside as before, and an empty log is started', () => {
    const home = mkdtempSync(join(root, 'bad-'));
    writeFileSync(
      join(home, 'history.json'),
      JSON.stringify({ version: 2, rehearsals: [null], quizzes: [], interviews: [] }),
    );
    const notices: StoreNotice[] = [];
    const store = new Store({ home, now: () => NOW, onNotice: (n) => notices.push(n) });
    expect(store.read(historySpec).rehearsals).toEqual([]);
    expect(notices.map((n) => n.kind)).toEqual(['moved-aside']);
    expect(readdirSync(home).some((f) => f.startsWith('history.json.corrupt-'))).toBe(true);
  });

  it('a 0.1 document from a newer pitch is refused and left untouched', () => {
    const home = mkdtempSync(join(root, 'newer-'));
    const text = JSON.stringify({ version: 99, rehearsals: [], quizzes: [] });
    writeFileSync(join(home, 'history.json'), text);
    expect(() => new Store({ home }).read(historySpec)).toThrow(expect.objectContaining({ key: 'store.newerVersion' }));
    expect(readdirSync(home)).toEqual(['history.json']);
  });
});
