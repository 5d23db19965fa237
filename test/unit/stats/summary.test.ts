// Statistics' summary (cache/stats-summary.bin): `pitch stats` without --since/--section/--topic reads it and
// the logs' tails instead of every attempt and review. Whatever the history — kinds, targets a hair apart,
// several pitch files, repeated split keys, voice figures, dates out of order or unreadable, edits, undone
// ratings — and wherever the snapshot was cut, the report is the one computed from all the records at once,
// to the byte of `--json`; a snapshot that is damaged, stale, of another log, zone or rules is never used.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeStats, summaryReport } from '../../../src/stats/compute.js';
import { statsJson } from '../../../src/stats/report-json.js';
import { createDayClock } from '../../../src/stats/days.js';
import { HistoryTableBuilder } from '../../../src/stats/history-table.js';
import { ReviewTableBuilder } from '../../../src/stats/review-table.js';
import {
  deriveSummary,
  statsSummaryFold,
  summaryFromBytes,
  summaryTail,
  summaryToBytes,
} from '../../../src/stats/summary.js';
import { Store } from '../../../src/store/store.js';
import { cardsSpec, historySpec } from '../../../src/store/documents.js';
import { appendRehearsal, deleteRehearsal } from '../../../src/store/history-edits.js';
import type { Attempt, AttemptKind } from '../../../src/rehearsal/types.js';
import type { ReviewLogEntry } from '../../../src/quiz/types.js';
import { card, review } from './fixture.js';

const clock = createDayClock('Europe/Paris');
const NOW = new Date('2026-12-01T09:00:00.000Z');
const LEGACY = '/pitch/bundled.md';
const PITCH_LANGS = { '/pitch/en.md': 'en', [LEGACY]: 'fr' } as const;
const TOPICS = ['demo', 'other', 'constructor'].map((id) => ({
  id,
  title: id,
  questions: [1, 2, 3].map((n) => ({ id: `${id}-${n}`, prompt: `${id} ${n} ?` })),
}));

// ---------------------------------------------------------------- events

type HistoryEvent =
  | { kind: 'put'; list: 'rehearsals' | 'quizzes' | 'interviews'; record: Record<string, unknown> }
  | { kind: 'delete'; list: 'rehearsals' | 'quizzes' | 'interviews'; id: string };
type ReviewEvent = { kind: 'review'; review: ReviewLogEntry } | { kind: 'unreview'; questionId: string; at: string };
type Event = HistoryEvent | ReviewEvent;

const KEYS = ['1-a', '2-b', '3-c'];

function attemptRecord(
  id: string,
  startedAt: string,
  kind: AttemptKind,
  times: Array<number | null>,
  o: { section: number; target: number; file: string | null | undefined; speech: number[] | null; repeat: boolean },
): Attempt {
  const keys = o.repeat ? ['1-a', '2-b', '1-a'] : KEYS;
  const splits = times.map((seconds, k) => ({
    key: keys[k % keys.length]!,
    title: `Partie ${k + 1}`,
    budgetSeconds: 30 + k,
    seconds,
    words: 60,
  }));
  const [wpm, pause, range, sps] = o.speech ?? [];
  return {
    id,
    startedAt,
    sectionId: o.section ? '2-long' : '1-court',
    sectionTitle: o.section ? 'Long' : 'Court',
    targetSeconds: o.target,
    promptLevel: 'cues',
    kind,
    totalSeconds: Math.round(times.reduce<number>((n, s) => n + (s ?? 0), 0) * 10) / 10,
    splits,
    words: 60 * times.length,
    ...(o.file === undefined ? {} : { pitchFile: o.file }),
    ...(o.speech
      ? {
          speech: {
            wordsPerMinute: wpm!,
            longestPauseSeconds: pause!,
            ...(range! > 0 ? { rangeSemitones: range } : {}),
            ...(sps! > 0 ? { syllablesPerSecond: sps } : {}),
          },
        }
      : {}),
  } as Attempt;
}

const BASE = Date.parse('2026-06-01T06:00:00.000Z');

/** A random stream of history and review events, mostly appended in time order, some edits and oddities. */
const events = fc
  .array(
    fc.record({
      what: fc.integer({ min: 0, max: 99 }),
      step: fc.integer({ min: 0, max: 40 * 3600 }),
      pick: fc.nat(),
      kind: fc.constantFrom<AttemptKind>('complete', 'complete', 'complete', 'practice', 'incomplete', 'aborted'),
      times: fc.array(
        fc.option(
          fc.integer({ min: 1, max: 600 }).map((t) => t / 10),
          { freq: 6 },
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      section: fc.integer({ min: 0, max: 1 }),
      target: fc.constantFrom(120, 120, 120.04, 119.97, 180),
      file: fc.constantFrom<string | null | undefined>(undefined, '', '/pitch/en.md', '/pitch/fr.md', LEGACY),
      speech: fc.option(
        fc.tuple(
          fc.integer({ min: -5, max: 220 }),
          fc.integer({ min: -1, max: 50 }).map((p) => p / 10),
          fc.integer({ min: 0, max: 90 }).map((r) => r / 10),
          fc.integer({ min: 0, max: 80 }).map((s) => s / 10),
        ),
      ),
      repeat: fc.boolean(),
      rating: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 3, 4),
      state: fc.integer({ min: 0, max: 3 }),
      cram: fc.boolean(),
    }),
    { maxLength: 160 },
  )
  .map((drafts) => {
    const out: Event[] = [];
    let at = BASE;
    let n = 0;
    const ids: string[] = [];
    const reviews: Array<{ questionId: string; at: string }> = [];
    for (const d of drafts) {
      at += d.step * 1000;
      const iso = new Date(at).toISOString();
      const w = d.what;
      if (w < 35) {
        // A new rehearsal; now and then started earlier than the latest, or at an unreadable date.
        const when = w === 0 ? 'hier soir' : w < 3 ? new Date(at - 3 * 86_400_000).toISOString() : iso;
        const id = `r${n++}`;
        ids.push(id);
        const record = attemptRecord(id, when, d.kind, d.times, { ...d, speech: d.speech });
        out.push({ kind: 'put', list: 'rehearsals', record: record as unknown as Record<string, unknown> });
      } else if (w < 38 && ids.length) {
        // An edit: a rehearsal written again (confirmed, or changed), or deleted and maybe brought back.
        const id = ids[d.pick % ids.length]!;
        if (w === 35) out.push({ kind: 'delete', list: 'rehearsals', id });
        else {
          const record = attemptRecord(id, iso, d.kind, d.times, { ...d, speech: null });
          out.push({ kind: 'put', list: 'rehearsals', record: record as unknown as Record<string, unknown> });
        }
      } else if (w < 45) {
        const id = `q${n++}`;
        const record = {
          id,
          startedAt: w === 44 ? 'pas une date' : iso,
          endedAt: iso,
          topics: [TOPICS[d.pick % 3]!.id],
          mode: 'mixed',
          cram: false,
          interrupted: false,
          reviews: [],
        };
        out.push({ kind: 'put', list: 'quizzes', record });
      } else if (w < 47) {
        out.push({ kind: 'put', list: 'interviews', record: { id: `i${d.pick % 5}`, startedAt: iso } });
      } else if (w < 49) {
        out.push({
          kind: 'delete',
          list: w === 47 ? 'quizzes' : 'interviews',
          id: w === 47 ? `q${d.pick % 9}` : `i${d.pick % 5}`,
        });
      } else if (w < 95 || !reviews.length) {
        const topic = TOPICS[d.pick % 3]!;
        const questionId = `${topic.id}-${1 + (d.pick % 4)}`;
        reviews.push({ questionId, at: iso });
        out.push({ kind: 'review', review: review(iso, questionId, topic.id, d.rating, d.state, { cram: d.cram }) });
      } else {
        // An undone rating: usually the latest, sometimes an older one.
        const undone = w < 98 ? reviews.pop()! : reviews[d.pick % reviews.length]!;
        out.push({ kind: 'unreview', questionId: undone.questionId, at: undone.at });
      }
    }
    return out;
  });

function applyTo(
  sinks: {
    history: { put(l: string, r: Record<string, unknown>): void; remove(l: string, id: string): void };
    reviews: { add(r: ReviewLogEntry): void; remove(q: string, at: string): unknown };
  },
  list: readonly Event[],
): void {
  for (const e of list) {
    if (e.kind === 'put') sinks.history.put(e.list, e.record);
    else if (e.kind === 'delete') sinks.history.remove(e.list, e.id);
    else if (e.kind === 'review') sinks.reviews.add(e.review);
    else sinks.reviews.remove(e.questionId, e.at);
  }
}

function builders(list: readonly Event[]) {
  const history = new HistoryTableBuilder();
  const reviews = new ReviewTableBuilder();
  applyTo({ history: history as never, reviews }, list);
  return { history, reviews };
}

const CARDS = { 'demo-1': card('2026-12-01T20:00:00.000Z', 2, 2), 'other-2': card('2026-12-03T09:00:00.000Z', 1, 1) };

/**
 * `pitch stats --json` of the summary, as the command writes it: the sections' runs from the text the summary
 * keeps (written anew, read back or appended to by a tail), the rest stringified.
 */
function fromSummary(summary: ReturnType<typeof deriveSummary>): string {
  const input = { now: NOW, clock, cards: CARDS, topics: TOPICS, pitchLangs: PITCH_LANGS, legacyPitchFile: LEGACY };
  return statsJson(summaryReport(summary, input), 'f47ac10b-58cc-4372-a567-0e02b2c3d479').join('');
}

/** `pitch stats --json` computed from every record at once (no summary, no snapshot). */
function fromRecords(list: readonly Event[]): string {
  const { history, reviews } = builders(list);
  const table = history.build();
  return fullReport({
    attempts: table.attempts,
    reviews: reviews.build(),
    cards: CARDS,
    sessions: table.sessions,
    interviews: table.interviews,
  });
}

type Parts = Pick<Parameters<typeof computeStats>[0], 'attempts' | 'reviews' | 'cards' | 'sessions' | 'interviews'>;

/** `pitch stats --json`'s report computed at once from these records, with the tests' fixed settings. */
function fullReport(parts: Parts): string {
  const report = computeStats({
    now: NOW,
    clock,
    ...parts,
    topics: TOPICS,
    sinceDay: null,
    sectionId: null,
    topicIds: null,
    pitchLangs: PITCH_LANGS,
    legacyPitchFile: LEGACY,
  });
  return JSON.stringify(report, null, 2);
}

/** The events of the case fast-check found (see the property below). */
function putDeleteInTail(): Event[] {
  const o = { section: 0, target: 120, file: undefined, speech: null, repeat: false };
  const put = (id: string, at: string): Event => ({
    kind: 'put',
    list: 'rehearsals',
    record: attemptRecord(id, at, 'complete', [null], o) as never,
  });
  return [
    put('r0', '2026-06-01T06:00:00.000Z'),
    put('r1', 'hier soir'),
    put('r2', 'hier soir'),
    put('r3', '2026-05-29T06:00:00.000Z'),
    { kind: 'delete', list: 'rehearsals', id: 'r3' },
    put('r4', 'hier soir'),
  ];
}

/** Whether a tail holds only what the summary takes as it comes (else it is computed anew). */
function appendsOnly(head: readonly Event[], tail: readonly Event[]): boolean {
  const known = new Set<string>();
  // The rehearsals the summary holds: the head's, less those it deleted.
  const held = new Map<string, number>();
  for (const e of head) {
    // A deletion of an id never put does nothing, and does not make it known.
    if (e.kind === 'put') known.add(`${e.list}/${e.record.id}`);
    if (e.kind === 'put' && e.list === 'rehearsals')
      held.set(e.record.id as string, Date.parse(e.record.startedAt as string));
    if (e.kind === 'delete' && e.list === 'rehearsals') held.delete(e.id);
  }
  let latest = Number.NEGATIVE_INFINITY;
  for (const at of held.values()) if (at > latest) latest = at;
  const pending: string[] = [];
  // Records new to the summary that the tail puts, less those it deletes again: only what is left of
  // them enters it (a rehearsal put and deleted in the same tail never counts, however old).
  const added = new Map<string, Event>();
  for (const e of tail) {
    if ((e.kind === 'put' || e.kind === 'delete') && known.has(`${e.list}/${e.kind === 'put' ? e.record.id : e.id}`))
      return false;
    if (e.kind === 'put') added.set(`${e.list}/${e.record.id}`, e);
    if (e.kind === 'delete') added.delete(`${e.list}/${e.id}`);
    if (e.kind === 'review') pending.push(`${e.review.questionId}@${e.review.reviewedAt}`);
    if (e.kind === 'unreview') {
      const i = pending.lastIndexOf(`${e.questionId}@${e.at}`);
      if (i < 0) return false;
      pending.splice(i, 1);
    }
  }
  for (const e of added.values())
    if (e.kind === 'put' && e.list === 'rehearsals' && Date.parse(e.record.startedAt as string) < latest) return false;
  return true;
}

describe('statistics’ summary', () => {
  it('gives, snapshot cut anywhere and its tail added, the report computed from every record (fast-check)', () => {
    fc.assert(
      fc.property(events, fc.nat(), (list, cut) => {
        const k = list.length ? cut % (list.length + 1) : 0;
        const expected = fromRecords(list);
        // Computed at once from the columns: the same report.
        const whole = builders(list);
        expect(fromSummary(deriveSummary(whole.history, whole.reviews, clock, LEGACY))).toBe(expected);
        // Kept as bytes at event k, read back, the rest added as a tail.
        const head = builders(list.slice(0, k));
        const bytes = summaryToBytes(deriveSummary(head.history, head.reviews, clock, LEGACY));
        const summary = summaryFromBytes(bytes, LEGACY)!;
        expect(summary).not.toBeNull();
        const tail = summaryTail(summary, clock);
        applyTo(tail as never, list.slice(k));
        const taken = tail.finish();
        // Appends are always taken; an edit never is (the store then computes the summary anew).
        expect(taken).toBe(appendsOnly(list.slice(0, k), list.slice(k)));
        if (taken) {
          expect(fromSummary(summary)).toBe(expected);
          // Written again after its tail, it reads back the same.
          expect(fromSummary(summaryFromBytes(summaryToBytes(summary), LEGACY)!)).toBe(expected);
        }
      }),
      {
        numRuns: 250,
        // Found by fast-check: an old rehearsal put and deleted in the same tail, after one held, among
        // undated ones; the tail is taken, and the report is the same as from every record.
        examples: [[putDeleteInTail(), 1]],
      },
    );
  });

  it('refuses bytes that are not a summary', () => {
    const whole = builders([]);
    const bytes = Buffer.from(summaryToBytes(deriveSummary(whole.history, whole.reviews, clock, LEGACY)));
    expect(summaryFromBytes(bytes, LEGACY)).not.toBeNull();
    expect(summaryFromBytes(bytes.subarray(0, bytes.length - 8), LEGACY)).toBeNull();
    expect(summaryFromBytes(Buffer.from('{"not":"a summary"}\n'), LEGACY)).toBeNull();
    expect(summaryFromBytes(Buffer.alloc(0), LEGACY)).toBeNull();
  });
});

// ---------------------------------------------------------------- kept by the store

const homes: string[] = [];
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

function makeHome() {
  const home = mkdtempSync(join(tmpdir(), 'pitch-summary-'));
  homes.push(home);
  return home;
}

let serial = 0;
function rehearsalAt(at: string, kind: AttemptKind = 'complete', file: string | undefined = '/pitch/en.md'): Attempt {
  return attemptRecord(`s${serial++}`, at, kind, [30.5, 31.2, 29.8 + (serial % 7) / 10], {
    section: 0,
    target: 120,
    file,
    speech: [140, 1.5, 4.5, 0],
    repeat: false,
  });
}

function fill(home: string): Store {
  serial = 0;
  const store = new Store({ home, now: () => NOW });
  for (let i = 0; i < 40; i++) {
    const at = new Date(BASE + i * 5 * 3_600_000).toISOString();
    appendRehearsal(store, rehearsalAt(at, i % 5 ? 'complete' : 'practice', i % 7 ? '/pitch/en.md' : undefined));
    addReviews(store, [review(at, `demo-${1 + (i % 3)}`, 'demo', i % 4 === 0 ? 1 : 3)]);
    if (i % 6 === 0) addSession(store, `q${i}`, at);
  }
  return store;
}

function addReviews(store: Store, reviews: ReviewLogEntry[]): void {
  store.update(cardsSpec, (doc) => {
    doc.reviews.push(...reviews);
    for (const r of reviews) doc.cards[r.questionId] = card(r.reviewedAt, 2, r.rating === 1 ? 1 : 0);
  });
}

function addSession(store: Store, id: string, at: string): void {
  store.update(historySpec, (doc) => {
    doc.quizzes.push({
      id,
      startedAt: at,
      endedAt: at,
      topics: ['demo'],
      mode: 'mixed',
      cram: false,
      interrupted: false,
      reviews: [],
    } as never);
  });
}

/** The report from the records as the logs hold them, read whole (no snapshot). */
function fromLogs(home: string): string {
  const store = new Store({ home });
  const history = store.read(historySpec);
  const cards = store.read(cardsSpec);
  const reviews = new ReviewTableBuilder();
  for (const r of cards.reviews) reviews.add(r);
  return fullReport({
    attempts: history.rehearsals,
    reviews: reviews.build(),
    cards: cards.cards,
    sessions: history.quizzes.map((q) => ({ at: Date.parse(q.startedAt), topics: q.topics })),
    interviews: history.interviews,
  });
}

/** The report as `pitch stats` computes it (the summary and the tails), and whether it was derived anew. */
function fromStore(home: string, zone = clock): { json: string; derived: number } {
  const store = new Store({ home, now: () => NOW });
  const fold = statsSummaryFold(zone, 'tz-test', LEGACY);
  let derived = 0;
  const counted = {
    ...fold,
    derive: (...args: Parameters<typeof fold.derive>) => {
      derived++;
      return fold.derive(...args);
    },
  };
  const summary = store.foldBoth(counted);
  const input = {
    now: NOW,
    clock,
    cards: store.readCards(),
    topics: TOPICS,
    pitchLangs: PITCH_LANGS,
    legacyPitchFile: LEGACY,
  };
  return { json: JSON.stringify(summaryReport(summary, input), null, 2), derived };
}

const SNAPSHOT = (home: string) => join(home, 'cache', 'stats-summary.bin');

describe('statistics’ summary kept by the store', () => {
  it('is written once, then brought up to date with new rehearsals, sessions and ratings, never recomputed', () => {
    const home = makeHome();
    const store = fill(home);
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 1 });
    const written = readFileSync(SNAPSHOT(home));
    // A rating, then stats; a rehearsal and a session, then stats: the tails are added, the snapshot kept.
    addReviews(store, [review('2026-11-30T10:00:00.000Z', 'other-1', 'other', 1)]);
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 0 });
    appendRehearsal(store, rehearsalAt('2026-11-30T11:00:00.000Z'));
    addSession(store, 'q-new', '2026-11-30T11:30:00.000Z');
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 0 });
    expect(readFileSync(SNAPSHOT(home)).equals(written)).toBe(true);
  });

  it('writes a new snapshot when the tails grow long, and reads it back', () => {
    const home = makeHome();
    const store = fill(home);
    fromStore(home);
    const before = statSync(SNAPSHOT(home)).size;
    for (let i = 0; i < 150; i++)
      appendRehearsal(store, rehearsalAt(new Date(Date.parse('2026-11-30T00:00:00Z') + i * 60_000).toISOString()));
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 0 });
    expect(statSync(SNAPSHOT(home)).size).toBeGreaterThan(before);
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 0 });
  });

  it('is computed anew after an edit it cannot add: a deletion, a rehearsal older than the latest, an older rating undone', () => {
    const home = makeHome();
    const store = fill(home);
    fromStore(home);
    deleteRehearsal(store, 's3');
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 1 });
    appendRehearsal(store, rehearsalAt('2026-06-02T00:00:00.000Z'));
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 1 });
    // The quiz's undo of a rating the snapshot already holds.
    store.update(cardsSpec, (doc) => {
      doc.reviews.splice(doc.reviews.length - 1, 1);
    });
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 1 });
    expect(fromStore(home)).toEqual({ json: fromLogs(home), derived: 0 });
  });

  it('never uses a snapshot that is damaged, of other logs, of another zone or past the logs’ end', () => {
    const home = makeHome();
    fill(home);
    const expected = fromLogs(home);
    fromStore(home);
    const good = readFileSync(SNAPSHOT(home));
    const damages: Array<[string, (b: Buffer) => Buffer]> = [
      ['truncated', (b) => b.subarray(0, b.length - 100)],
      [
        'a number changed',
        (b) => {
          const c = Buffer.from(b);
          c[c.length - 200]! ^= 0x40;
          return c;
        },
      ],
      ['a start changed', (b) => Buffer.from(b.toString('latin1').replace('2026-06-0', '2026-07-0'), 'latin1')],
      ['not a snapshot', () => Buffer.from('garbage\n')],
      [
        'past the end',
        (b) =>
          Buffer.from(b.toString('latin1').replace(/"logs":\[\["([^"]+)",\d+\]/, '"logs":[["$1",999999999]'), 'latin1'),
      ],
      [
        'of another log',
        (b) => Buffer.from(b.toString('latin1').replace(/"logs":\[\["[^"]+"/, '"logs":[["0000000000000000"'), 'latin1'),
      ],
    ];
    for (const [what, damage] of damages) {
      writeFileSync(SNAPSHOT(home), damage(good));
      expect({ what, ...fromStore(home) }).toEqual({ what, json: expected, derived: 1 });
    }
    // Counted in another zone: its days are not these.
    expect(fromStore(home, createDayClock('America/New_York')).derived).toBe(1);
    expect(fromStore(home)).toEqual({ json: expected, derived: 1 });
  });
});
