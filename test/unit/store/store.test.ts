import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice, type DocSpec } from '../../../src/store/store.js';
import { cardsSpec, historySpec } from '../../../src/store/documents.js';
import { applyReview, revertReview, type UndoToken } from '../../../src/quiz/schedule.js';
import { attempt, review } from '../../helpers/records.js';
import { overlayCards } from '../../../src/store/reviews-log.js';
import { idMap } from '../../../src/store/validate.js';
import { cardOf, setCard } from '../../../src/quiz/cards.js';
import type { StoredCard } from '../../../src/quiz/types.js';

const homes: string[] = [];
function makeStore(onNotice?: (n: StoreNotice) => void) {
  const home = mkdtempSync(join(tmpdir(), 'pitch-store-'));
  homes.push(home);
  return { home, store: new Store({ home, onNotice, now: () => new Date('2026-11-26T10:00:00Z') }) };
}
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const quiz = (id: string) => ({
  id,
  startedAt: '2026-11-26T10:00:00.000Z',
  endedAt: '2026-11-26T10:05:00.000Z',
  topics: [],
  mode: 'mixed',
  cram: false,
  interrupted: false,
  reviews: [],
});
const rate = (store: Store, questionId: string, at: string, rating: 1 | 2 | 3 | 4 = 3) =>
  store.updateCards((s) =>
    applyReview(s, { questionId, topic: 't', kind: 'mcq', rating, seconds: 2, session: 's', now: new Date(at) }),
  );

describe('the event log', () => {
  it('returns empty data before anything is written, without creating files', () => {
    const { home, store } = makeStore();
    expect(store.read(historySpec)).toEqual({ version: 2, rehearsals: [], quizzes: [], interviews: [] });
    expect(store.readCards()).toEqual({});
    expect(readdirSync(home)).toEqual([]);
  });

  it('appends one versioned JSON line per change after a header, user-only permissions, no temp or lock left', () => {
    const { home, store } = makeStore();
    store.update(historySpec, (doc) => void doc.quizzes.push(quiz('q1')));
    store.update(historySpec, (doc) => void doc.rehearsals.push(attempt('a1')));
    expect(readdirSync(home)).toEqual(['history.jsonl']);
    expect(statSync(join(home, 'history.jsonl')).mode & 0o777).toBe(0o600);
    const [header, ...events] = lines(join(home, 'history.jsonl')).map((l) => JSON.parse(l));
    expect(header).toMatchObject({ v: 1, type: 'log', id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(events).toEqual([
      { v: 1, type: 'quiz', record: quiz('q1') },
      { v: 1, type: 'rehearsal', record: attempt('a1') },
    ]);
    expect(store.read(historySpec)).toMatchObject({ quizzes: [{ id: 'q1' }], rehearsals: [{ id: 'a1' }] });
  });

  it('a removed record is a tombstone; bringing it back puts it in its place again', () => {
    const { home, store } = makeStore();
    for (const id of ['a', 'b', 'c']) store.update(historySpec, (d) => void d.rehearsals.push(attempt(id)));
    let removed: unknown;
    store.update(historySpec, (d) => void (removed = d.rehearsals.splice(1, 1)[0]));
    expect(store.read(historySpec).rehearsals.map((a) => a.id)).toEqual(['a', 'c']);
    expect(lines(join(home, 'history.jsonl')).at(-1)).toBe('{"v":1,"type":"delete","list":"rehearsals","id":"b"}');
    store.update(historySpec, (d) => void d.rehearsals.push(removed as never));
    expect(store.read(historySpec).rehearsals.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('an edited record is written again whole and read back in its place', () => {
    const { store } = makeStore();
    for (const id of ['a', 'b']) store.update(historySpec, (d) => void d.rehearsals.push(attempt(id)));
    store.update(historySpec, (d) => void (d.rehearsals[0]!.kind = 'practice'));
    expect(store.read(historySpec).rehearsals.map((a) => [a.id, a.kind])).toEqual([
      ['a', 'practice'],
      ['b', 'complete'],
    ]);
  });

  it('refuses to write a malformed record rather than a line every read would ignore', () => {
    const { store } = makeStore();
    expect(() => store.update(historySpec, (d) => void d.rehearsals.push({ id: 'x' } as never))).toThrow(/malformed/);
    expect(store.read(historySpec).rehearsals).toEqual([]);
  });

  it('drops a torn last line with a notice, keeps its bytes aside, and every line before it', () => {
    const notices: StoreNotice[] = [];
    const { home, store } = makeStore((n) => notices.push(n));
    for (const id of ['a', 'b']) store.update(historySpec, (d) => void d.rehearsals.push(attempt(id)));
    appendFileSync(join(home, 'history.jsonl'), '{"v":1,"type":"rehearsal","record":{"id":"c","sta');
    expect(store.read(historySpec).rehearsals.map((a) => a.id)).toEqual(['a', 'b']);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'damaged-lines', reason: expect.stringMatching(/torn/) }),
    ]);
    expect(readFileSync(notices[0]!.copy, 'utf8')).toContain('"id":"c","sta');
    expect(readFileSync(join(home, 'history.jsonl'), 'utf8').endsWith('\n')).toBe(true);
    // The next append starts on a line of its own.
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('d')));
    expect(new Store({ home }).read(historySpec).rehearsals.map((a) => a.id)).toEqual(['a', 'b', 'd']);
    expect(notices).toHaveLength(1);
  });

  it('moves aside a damaged line in the middle (not JSON, null, a malformed record) and keeps the rest', () => {
    const notices: StoreNotice[] = [];
    const { home, store } = makeStore((n) => notices.push(n));
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('a')));
    appendFileSync(join(home, 'history.jsonl'), 'garbage\nnull\n{"v":1,"type":"rehearsal","record":{"id":"x"}}\n');
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('b')));
    expect(store.read(historySpec).rehearsals.map((a) => a.id)).toEqual(['a', 'b']);
    expect(notices).toEqual([expect.objectContaining({ kind: 'damaged-lines', reason: '3 damaged line(s)' })]);
    expect(lines(notices[0]!.copy)).toEqual(['garbage', 'null', '{"v":1,"type":"rehearsal","record":{"id":"x"}}']);
    expect(lines(join(home, 'history.jsonl'))).toHaveLength(3);
  });

  it('refuses a log written by a newer pitch and leaves it untouched', () => {
    const { home, store } = makeStore();
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('a')));
    appendFileSync(join(home, 'history.jsonl'), '{"v":2,"type":"rehearsal","record":{"future":true}}\n');
    const before = readFileSync(join(home, 'history.jsonl'), 'utf8');
    expect(() => store.update(historySpec, () => {})).toThrow(
      expect.objectContaining({ key: 'store.newerVersion', kind: 'failure' }),
    );
    expect(() => store.read(historySpec)).toThrow(expect.objectContaining({ key: 'store.newerVersion' }));
    expect(readFileSync(join(home, 'history.jsonl'), 'utf8')).toBe(before);
  });

  it('history --json text is exactly JSON.stringify of the history, streamed in chunks', () => {
    const { store } = makeStore();
    expect([...store.historyJson()].join('')).toBe(
      `${JSON.stringify({ rehearsals: [], quizzes: [], interviews: [] }, null, 2)}\n`,
    );
    for (let i = 0; i < 300; i++) store.update(historySpec, (d) => void d.rehearsals.push(attempt(`a${i}`)));
    store.update(historySpec, (d) => {
      d.quizzes.push(quiz('q'));
      d.rehearsals.splice(3, 1);
      d.rehearsals[0]!.words = 99;
    });
    const { rehearsals, quizzes, interviews } = store.read(historySpec);
    const chunks = [...store.historyJson()];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(`${JSON.stringify({ rehearsals, quizzes, interviews }, null, 2)}\n`);
  });
});

describe('card states and reviews', () => {
  it('a rating is one line with the review and the card after it; undo is one line that takes both back', () => {
    const { home, store } = makeStore();
    rate(store, 'q1', '2026-11-20T10:00:00Z');
    const after1 = store.readCards().q1;
    const token = rate(store, 'q1', '2026-11-21T10:00:00Z', 1);
    const events = lines(join(home, 'reviews.jsonl')).map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(['log', 'review', 'review']);
    expect(events[2].card).toEqual(store.readCards().q1);
    store.updateCards((s) => revertReview(s, token as UndoToken));
    expect(
      lines(join(home, 'reviews.jsonl'))
        .map((l) => JSON.parse(l).type)
        .at(-1),
    ).toBe('unreview');
    const fresh = new Store({ home });
    expect(fresh.readCards().q1).toEqual(after1);
    expect(fresh.read(cardsSpec).reviews.map((r) => r.reviewedAt)).toEqual(['2026-11-20T10:00:00.000Z']);
  });

  it('card states come from a snapshot plus the tail, and are rebuilt when the snapshot is missing or stale', () => {
    const { home, store } = makeStore();
    for (let i = 0; i < 400; i++)
      rate(store, `q${i % 37}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString());
    const whole = new Store({ home }).read(cardsSpec).cards;
    expect(new Store({ home }).readCards()).toEqual(whole);
    expect(readdirSync(join(home, 'cache'))).toContain('cards-state.json');
    // A snapshot of another log (or a damaged one) is ignored.
    writeFileSync(
      join(home, 'cache', 'cards-state.json'),
      JSON.stringify({ key: 'v1', data: { log: 'other', offset: 10, cards: {} } }),
    );
    expect(new Store({ home }).readCards()).toEqual(whole);
    writeFileSync(join(home, 'cache', 'cards-state.json'), '{ broken');
    expect(new Store({ home }).readCards()).toEqual(whole);
  });

  it('two stores in one home see each other’s ratings', () => {
    const { home, store } = makeStore();
    const other = new Store({ home });
    rate(store, 'q1', '2026-11-20T10:00:00Z');
    rate(other, 'q2', '2026-11-20T11:00:00Z');
    rate(store, 'q3', '2026-11-20T12:00:00Z');
    expect(Object.keys(other.readCards()).sort()).toEqual(['q1', 'q2', 'q3']);
  });

  it('the generic update of cards appends only the difference', () => {
    const { home, store } = makeStore();
    store.update(cardsSpec, (d) => void d.reviews.push(review('q1')));
    store.update(cardsSpec, (d) => void d.reviews.splice(0, 1));
    expect(store.read(cardsSpec).reviews).toEqual([]);
    expect(lines(join(home, 'reviews.jsonl'))).toHaveLength(3);
  });
});

describe('other documents and the lock', () => {
  it('migrates a versioned JSON document step by step', () => {
    const spec: DocSpec<{ version: number; items: string[] }> = {
      file: 'doc.json',
      version: 3,
      empty: () => ({ version: 3, items: [] }),
      validate: (d) => (Array.isArray((d as { items?: unknown }).items) ? null : 'no items'),
      migrations: {
        1: (d) => ({ ...d, list: [String(d.single)] }),
        2: (d) => ({ items: d.list }),
      },
    };
    const { home, store } = makeStore();
    writeFileSync(join(home, 'doc.json'), JSON.stringify({ version: 1, single: 'a' }));
    expect(store.read(spec)).toEqual({ version: 3, items: ['a'] });
  });

  it('takes over a stale lock left by a dead process (pitch 0.1 lock format too)', () => {
    const { home, store } = makeStore();
    store.update(historySpec, () => {});
    writeFileSync(join(home, 'history.jsonl.lock'), '999999999\n');
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('a')));
    expect(readdirSync(home).sort()).toEqual(['history.jsonl']);
  });
});

describe('a rating over a large card map', () => {
  it('sees the base through an overlay that records what it touched and never writes to the base', () => {
    const card = (due: string) => ({ ...review('x'), due }) as unknown as StoredCard;
    const base = idMap<StoredCard>([
      ['a', card('2026-01-01')],
      ['b', card('2026-01-02')],
      ['__proto__', card('2026-01-03')],
    ]);
    const { cards, touched } = overlayCards(base);
    setCard(cards, 'c', card('2026-02-01'));
    delete cards.a;
    setCard(cards, 'constructor', card('2026-02-02'));
    expect(Object.keys(cards).sort()).toEqual(['__proto__', 'b', 'c', 'constructor']);
    expect(cardOf(cards, 'a')).toBeUndefined();
    expect(cardOf(cards, '__proto__')).toBe(cardOf(base, '__proto__'));
    expect(cardOf(cards, 'c')).toMatchObject({ due: '2026-02-01' });
    expect([...touched].sort()).toEqual(['a', 'c', 'constructor']);
    expect(Object.keys(base).sort()).toEqual(['__proto__', 'a', 'b']);
    setCard(cards, 'a', card('2026-03-01'));
    expect(cardOf(cards, 'a')).toMatchObject({ due: '2026-03-01' });
  });

  it('appends only the cards a rating or an undo changed, and later reads see them', () => {
    const { home, store } = makeStore();
    for (let i = 0; i < 50; i++) rate(store, `q${i}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString());
    const token = rate(store, 'q7', '2026-02-01T10:00:00Z', 1) as UndoToken;
    const last = JSON.parse(lines(join(home, 'reviews.jsonl')).at(-1)!);
    expect(last).toMatchObject({ type: 'review', review: { questionId: 'q7' }, card: { lapses: 0 } });
    store.updateCards((s) => revertReview(s, token));
    const undo = JSON.parse(lines(join(home, 'reviews.jsonl')).at(-1)!);
    expect(undo).toMatchObject({ type: 'unreview', questionId: 'q7' });
    expect(Object.keys(undo.card ?? {})).not.toContain('q8');
    const fresh = new Store({ home }).read(cardsSpec);
    expect(store.readCards()).toEqual({ ...fresh.cards });
    expect(Object.keys(fresh.cards)).toHaveLength(50);
  });
});
