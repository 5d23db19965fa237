import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice } from '../../../src/store/store.js';
import { cardsSpec, historySpec } from '../../../src/store/documents.js';
import { streamDocument, type ListSink } from '../../../src/store/stream-read.js';
import { attempt, review } from './fixture.js';

const root = mkdtempSync(join(tmpdir(), 'pitch-stream-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function freshStore(): { store: Store; notices: StoreNotice[] } {
  const notices: StoreNotice[] = [];
  return { store: new Store({ home: join(root, `h${++n}`), onNotice: (x) => notices.push(x) }), notices };
}

/** Sinks that collect what they receive, and count batches and resets. */
function collect(...keys: string[]) {
  const got: Record<string, unknown[]> = {};
  let batches = 0;
  let resets = 0;
  const sinks: Record<string, ListSink> = {};
  for (const key of keys) {
    sinks[key] = {
      add(items) {
        batches++;
        (got[key] ??= []).push(...items);
      },
      reset() {
        resets++;
        delete got[key];
      },
    };
  }
  return { sinks, got, stats: () => ({ batches, resets }) };
}

const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    attempt(
      new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      i % 5 ? 'complete' : 'practice',
      [30 + (i % 7), null, 41.5],
      {
        sectionTitle: `Titre « ${i} », avec "guillemets", \\ et ]\n  },\n { faux`,
      },
    ),
  );

describe('reading a document a batch at a time', () => {
  it('gives the same items as Store.read for a document written by the store, in many batches', () => {
    const { store } = freshStore();
    const attempts = many(3000); // ~3 MB: several read chunks and many batches
    store.update(historySpec, (doc) => {
      doc.rehearsals.push(...attempts);
      doc.quizzes.push({
        id: 'q1',
        startedAt: '2026-11-20T10:00:00Z',
        endedAt: '2026-11-20T10:10:00Z',
        topics: ['spark'],
        mode: 'mixed',
        cram: false,
        interrupted: false,
        reviews: [],
      });
    });
    const { sinks, got, stats } = collect('rehearsals', 'interviews');
    const rest = streamDocument(store, historySpec, sinks);
    const whole = store.read(historySpec);
    expect(got.rehearsals).toEqual(whole.rehearsals);
    expect(got.interviews).toEqual([]);
    expect(rest).toEqual({ version: historySpec.version, quizzes: whole.quizzes });
    expect(stats().resets).toBe(0);
    expect(stats().batches).toBeGreaterThan(20);
  });

  it('reads the review log and the card states of cards.json', () => {
    const { store } = freshStore();
    store.update(cardsSpec, (doc) => {
      for (let i = 0; i < 2000; i++)
        doc.reviews.push(
          review(
            new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
            `q-${i % 50}`,
            'demo',
            ((i % 4) + 1) as 1 | 2 | 3 | 4,
          ),
        );
      doc.cards['q-1'] = {
        due: '2026-12-01T00:00:00Z',
        stability: 1,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
      };
    });
    const { sinks, got, stats } = collect('reviews');
    const rest = streamDocument(store, cardsSpec, sinks);
    expect(got.reviews).toEqual(store.read(cardsSpec).reviews);
    expect(rest.cards).toEqual(store.read(cardsSpec).cards);
    expect(stats().resets).toBe(0);
  });

  it('holds any text the store wrote (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ title: fc.string({ unit: 'binary', maxLength: 40 }), key: fc.string({ maxLength: 10 }) }),
          { maxLength: 8 },
        ),
        (texts) => {
          const { store } = freshStore();
          const attempts = texts.map((x, i) =>
            attempt('2026-11-20T10:00:00Z', 'complete', [i, 2, 3], { sectionTitle: x.title, sectionId: x.key }),
          );
          store.update(historySpec, (doc) => void doc.rehearsals.push(...attempts));
          const { sinks, got, stats } = collect('rehearsals');
          streamDocument(store, historySpec, sinks);
          expect(got.rehearsals).toEqual(store.read(historySpec).rehearsals);
          expect(stats().resets).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the empty document when there is no file', () => {
    const { store } = freshStore();
    const { sinks, got } = collect('rehearsals', 'quizzes');
    expect(streamDocument(store, historySpec, sinks)).toEqual({ version: historySpec.version, interviews: [] });
    expect(got).toEqual({ rehearsals: [], quizzes: [] });
  });

  it('falls back to Store.read for another layout, and the sinks start over', () => {
    const { store } = freshStore();
    const doc = { version: historySpec.version, rehearsals: many(5), quizzes: [], interviews: [] };
    store.writeAtomic('history.json', JSON.stringify(doc));
    const { sinks, got, stats } = collect('rehearsals');
    streamDocument(store, historySpec, sinks);
    expect(got.rehearsals).toEqual(doc.rehearsals);
    expect(stats().resets).toBe(1);
  });

  it('migrates an older version through Store.read', () => {
    const { store } = freshStore();
    store.writeAtomic('history.json', JSON.stringify({ version: 1, rehearsals: many(3), quizzes: [] }, null, 1));
    const { sinks, got } = collect('rehearsals', 'interviews');
    streamDocument(store, historySpec, sinks);
    expect(got.rehearsals).toHaveLength(3);
    expect(got.interviews).toEqual([]);
  });

  it('moves a damaged file aside exactly as Store.read does, and reads on with an empty document', () => {
    for (const damage of [
      (text: string) => text.replace('"id": "', '"ident": "'), // an item without its id: fails validation
      (text: string) => text.slice(0, Math.floor(text.length / 2)), // cut in the middle of an item
      (text: string) => text.replace('"totalSeconds": ', '"totalSeconds": ,'), // a syntax error in one batch
    ]) {
      const { store, notices } = freshStore();
      store.update(historySpec, (doc) => void doc.rehearsals.push(...many(200)));
      const file = store.path('history.json');
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      const { sinks, got } = collect('rehearsals');
      streamDocument(store, historySpec, sinks);
      expect(got.rehearsals).toEqual([]);
      expect(notices).toHaveLength(1);
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(store.home).some((f) => f.startsWith('history.json.corrupt-'))).toBe(true);
    }
  });

  it('refuses a document from a newer version, as every command does', () => {
    const { store } = freshStore();
    store.writeAtomic(
      'history.json',
      JSON.stringify({ version: 99, rehearsals: [], quizzes: [], interviews: [] }, null, 1),
    );
    expect(() => streamDocument(store, historySpec, collect('rehearsals').sinks)).toThrow(
      expect.objectContaining({ key: 'store.newerVersion' }),
    );
  });
});
