// The statistics' history snapshot (cache/history-table.bin) against the log itself: whatever state the
// snapshot is in — fresh, missing, stale, of another log, damaged, of other rules — and after history
// edits (delete, undo, a record brought back, a fast run confirmed), `pitch stats` computes the same
// report as from the records read straight from history.jsonl.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice } from '../../../src/store/store.js';
import { historySpec } from '../../../src/store/documents.js';
import { appendRehearsal, confirmRehearsal, deleteRehearsal } from '../../../src/store/history-edits.js';
import { computeStats } from '../../../src/stats/compute.js';
import {
  attemptsOf,
  attemptTable,
  HISTORY_TABLE_FOLD,
  HistoryTableBuilder,
  latestRecorded,
} from '../../../src/stats/history-table.js';
import type { Attempt, AttemptKind } from '../../../src/rehearsal/types.js';
import { normalizeAttempt } from '../../../src/rehearsal/records.js';
import { review, statsInput } from './fixture.js';
import { ReviewTableBuilder } from '../../../src/stats/review-table.js';

const homes: string[] = [];
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

function makeHome() {
  const home = mkdtempSync(join(tmpdir(), 'pitch-history-table-'));
  homes.push(home);
  return home;
}

/** A varied history: kinds, legacy records (no `end`, no `suspect`), implausibly fast taps, two pitches, speech, recordings. */
function varied(i: number): Attempt {
  const kinds: AttemptKind[] = ['complete', 'complete', 'practice', 'incomplete', 'aborted', 'complete'];
  const kind = kinds[i % kinds.length]!;
  const fast = i % 11 === 0; // 5 s for 90 words: a tap, suspect by the plausibility rule
  const keys = ['1-bonjour', '2-mission', '3-motivation'];
  const splits = keys.map((key, k) => ({
    key,
    title: `Partie ${k + 1}`,
    budgetSeconds: 40 + (i % 3),
    seconds: kind === 'incomplete' && k === 2 ? null : fast ? 5 : 35 + ((i * 7 + k * 3) % 15) + (i % 10) / 10,
    words: 90,
    ...(i % 4 === 0 ? {} : { end: kind === 'incomplete' && k === 2 ? ('unreached' as const) : ('said' as const) }),
    ...(i % 5 === 0 ? {} : { at: k * 40 }),
  }));
  return {
    id: `a${i}`,
    startedAt: new Date(Date.UTC(2026, 5, 1) + i * 7 * 3_600_000).toISOString(),
    sectionId: i % 7 === 0 ? '2-pitch-long' : '1-pitch-court',
    sectionTitle: i % 7 === 0 ? 'Pitch long' : 'Pitch court',
    targetSeconds: i % 9 === 0 ? 180 : 120,
    promptLevel: 'cues',
    kind,
    totalSeconds: splits.reduce((n, s) => n + (s.seconds ?? 0), 0),
    splits,
    words: 270,
    ...(i % 6 === 1 ? {} : { suspect: fast }),
    ...(i % 8 === 0 ? {} : { pitchFile: i % 13 === 0 ? '/home/u/autre.md' : '/home/u/pitch.md' }),
    ...(i % 3 === 0
      ? { speech: { wordsPerMinute: 120 + (i % 50), longestPauseSeconds: (i % 30) / 10, rangeSemitones: 4 + (i % 5) } }
      : {}),
    ...(i % 17 === 0 ? { recording: { file: `recordings/${i}.wav`, splitEnds: [40, 80, 120], clockStart: 0.5 } } : {}),
  };
}

function fill(home: string, count: number): Store {
  const store = new Store({ home, now: () => new Date('2026-11-26T10:00:00Z') });
  for (let i = 0; i < count; i++) {
    appendRehearsal(store, varied(i));
    if (i % 10 === 0)
      store.update(historySpec, (d) => {
        d.quizzes.push({
          id: `q${i}`,
          startedAt: new Date(Date.UTC(2026, 5, 1) + i * 7 * 3_600_000).toISOString(),
          endedAt: new Date(Date.UTC(2026, 5, 1) + i * 7 * 3_600_000 + 600_000).toISOString(),
          topics: ['spark'],
          mode: 'mixed',
          cram: false,
          interrupted: false,
          reviews: [{ questionId: 'x', topic: i % 20 ? 'argo' : 'spark', rating: 3, seconds: 4 }],
        } as never);
      });
  }
  return store;
}

/** The report from the records as history.jsonl holds them (the log alone, no snapshot involved). */
function fromLog(home: string) {
  const history = new Store({ home }).read(historySpec);
  const sessions = history.quizzes.map((q) => ({
    at: Date.parse(q.startedAt),
    topics: [...new Set([...q.topics, ...q.reviews.map((r) => r.topic)])],
  }));
  return report(history.rehearsals, sessions, history.interviews);
}

/** The report as `pitch stats` reads it: the snapshot (when there is one) and the log's tail. */
function fromSnapshot(home: string, notices: StoreNotice[] = []) {
  const history = new Store({ home, onNotice: (n) => notices.push(n) }).foldHistory(HISTORY_TABLE_FOLD).build();
  return report(history.attempts, history.sessions, history.interviews);
}

function report(
  attempts: Parameters<typeof computeStats>[0]['attempts'],
  sessions: never[] | object[],
  interviews: unknown[],
) {
  const base = statsInput();
  // Two pitch languages and legacy records given to the bundled pitch: per-pitch records and bands agree too.
  const pitchLangs = { '/home/u/pitch.md': 'fr', '/home/u/autre.md': 'en' } as const;
  const input = {
    ...base,
    attempts,
    sessions: sessions as never,
    interviews,
    pitchLangs,
    legacyPitchFile: '/home/u/autre.md',
  };
  return [
    computeStats(input),
    computeStats({ ...input, sinceDay: 20_700 }),
    computeStats({ ...input, sectionId: '2-pitch-long' }),
  ];
}

const SNAPSHOT = (home: string) => join(home, 'cache', 'history-table.bin');

describe('the history snapshot of the statistics', () => {
  it('gives the same statistics as the log alone: fresh, then read back with a tail', () => {
    const home = makeHome();
    const store = fill(home, 300);
    const expected = fromLog(home);
    expect(fromSnapshot(home)).toEqual(expected);
    expect(existsSync(SNAPSHOT(home))).toBe(true);
    expect(fromSnapshot(home)).toEqual(expected);
    appendRehearsal(store, varied(300));
    expect(fromSnapshot(home)).toEqual(fromLog(home));
    expect(fromSnapshot(home)).not.toEqual(expected);
  });

  it('reads only the tail after its snapshot: the records it covers are not parsed again', () => {
    const home = makeHome();
    fill(home, 200);
    const expected = fromSnapshot(home);
    const log = join(home, 'history.jsonl');
    const bytes = readFileSync(log);
    // Damage a record well inside the part the snapshot covers, keeping its size: a full read would move it aside.
    const at = bytes.indexOf('"id":"a5"');
    bytes.write('"id":"a5\u0000', at, 'latin1');
    writeFileSync(log, bytes);
    const notices: StoreNotice[] = [];
    expect(fromSnapshot(home, notices)).toEqual(expected);
    expect(notices).toEqual([]);
  });

  it('is rebuilt from the log when missing, damaged, of another log, of another format or rules, or past the log’s end', () => {
    const home = makeHome();
    fill(home, 200);
    const expected = fromLog(home);
    fromSnapshot(home);
    const good = readFileSync(SNAPSHOT(home));
    const nl = good.indexOf(0x0a);
    const meta = JSON.parse(good.toString('utf8', 0, nl));
    const withMeta = (m: object) => Buffer.concat([Buffer.from(`${JSON.stringify(m)}\n`), good.subarray(nl + 1)]);
    const variants: Array<[string, Buffer | null]> = [
      ['missing', null],
      ['truncated', good.subarray(0, Math.floor(good.length * 0.7))],
      ['garbage', Buffer.from('not a snapshot at all\n\u0000\u0001')],
      ['columns cut', good.subarray(0, good.length - 5)],
      ['another log', withMeta({ ...meta, log: 'ffffffffffffffff' })],
      ['another version', withMeta({ ...meta, version: '0/old-rules' })],
      ['past the end', withMeta({ ...meta, offset: meta.offset + 10_000_000 })],
    ];
    for (const [, bytes] of variants) {
      if (bytes) writeFileSync(SNAPSHOT(home), bytes);
      else rmSync(SNAPSHOT(home), { force: true });
      expect(fromSnapshot(home)).toEqual(expected);
    }
  });

  it('is rebuilt when its line of ids (read only when the log has a tail) is damaged', () => {
    const home = makeHome();
    const store = fill(home, 200);
    fromSnapshot(home);
    const bytes = readFileSync(SNAPSHOT(home));
    const ids = bytes.indexOf('{"ids":[');
    expect(ids).toBeGreaterThan(0);
    bytes.write('#', ids + 8, 'latin1'); // the first id's opening quote: no longer JSON
    writeFileSync(SNAPSHOT(home), bytes);
    expect(fromSnapshot(home)).toEqual(fromLog(home));
    deleteRehearsal(store, 'a3');
    appendRehearsal(store, varied(500));
    expect(fromSnapshot(home)).toEqual(fromLog(home));
  });

  it('follows history edits: delete, undo, a record brought back in its place, a fast run confirmed', () => {
    const home = makeHome();
    const store = fill(home, 250);
    fromSnapshot(home); // the snapshot covers everything so far: the edits below are its tail
    expect(existsSync(SNAPSHOT(home))).toBe(true);
    const removed = deleteRehearsal(store, 'a40')!;
    expect(fromSnapshot(home)).toEqual(fromLog(home));
    deleteRehearsal(store, 'a249'); // pitch history undo: the last one saved
    expect(fromSnapshot(home)).toEqual(fromLog(home));
    appendRehearsal(store, removed); // the same id again: back in its place
    expect(fromSnapshot(home)).toEqual(fromLog(home));
    expect(confirmRehearsal(store, 'a11')).not.toBeNull(); // a suspect tap kept as a record
    const after = fromSnapshot(home);
    expect(after).toEqual(fromLog(home));
    // Same again once a new snapshot covers the edits (each from scratch, then from the snapshot).
    rmSync(SNAPSHOT(home));
    expect(fromSnapshot(home)).toEqual(after);
    expect(fromSnapshot(home)).toEqual(after);
  });
});

describe('the attempt table', () => {
  it('keeps every attempt as normalizeAttempt reads it, through its bytes and back', () => {
    const attempts = Array.from({ length: 60 }, (_, i) => varied(i));
    const builder = new HistoryTableBuilder();
    for (const a of attempts) builder.put('rehearsals', a as never);
    const back = HistoryTableBuilder.fromBytes(builder.toBytes())!;
    for (const table of [builder.build().attempts, back.build().attempts, attemptTable(attempts)]) {
      const read = attemptsOf(table);
      expect(read).toHaveLength(attempts.length);
      for (const [i, a] of attempts.entries()) {
        const n = normalizeAttempt(a);
        expect(read[i]).toMatchObject({
          id: n.id,
          startedAt: n.startedAt,
          kind: n.kind,
          suspect: n.suspect,
          pitchFile: n.pitchFile,
          totalSeconds: n.totalSeconds,
          splits: n.splits,
          ...(n.speech ? { speech: n.speech } : {}),
          ...(n.recording ? { recording: n.recording } : {}),
        });
      }
      expect(latestRecorded(table)?.id).toBe('a51');
      expect(table.id(3)).toBe('a3');
    }
  });

  it('reads its columns in place when aligned and copies them when not; either grows with the tail', () => {
    const attempts = Array.from({ length: 30 }, (_, i) => varied(i));
    const builder = new HistoryTableBuilder();
    for (const a of attempts.slice(0, 20)) builder.put('rehearsals', a as never);
    const bytes = builder.toBytes();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    for (const view of [bytes, shifted.subarray(3)]) {
      const back = HistoryTableBuilder.fromBytes(view)!;
      for (const a of attempts.slice(20)) back.put('rehearsals', a as never);
      back.remove('rehearsals', 'a4');
      const expected = attempts.filter((a) => a.id !== 'a4').map((a) => a.id);
      const table = back.build().attempts;
      expect(Array.from(table.rows, (r) => table.id(r))).toEqual(expected);
      expect(attemptsOf(table).map((a) => a.totalSeconds)).toEqual(
        attempts.filter((a) => a.id !== 'a4').map((a) => a.totalSeconds),
      );
    }
    for (const n of [0, 5]) {
      const reviews = new ReviewTableBuilder();
      for (let i = 0; i < n; i++) reviews.add(review(`2026-11-2${i}T10:00:00Z`, `q${i}`, 'spark', 3));
      const raw = reviews.toBytes();
      const odd = new Uint8Array(raw.length + 1);
      odd.set(raw, 1);
      for (const view of [raw, odd.subarray(1)]) {
        const back = ReviewTableBuilder.fromBytes(view)!;
        for (let i = 0; i < 1500; i++) back.add(review('2026-11-26T10:00:00Z', `t${i}`, 'argo', 1));
        const table = back.build();
        expect(table.length).toBe(n + 1500);
        expect(table.questionIds[table.question[table.length - 1]!]).toBe('t1499');
        if (n) expect(table.questionIds[table.question[0]!]).toBe('q0');
      }
    }
  });

  it('refuses bytes that are not its snapshot', () => {
    expect(HistoryTableBuilder.fromBytes(Buffer.from('{"n":3,"m":0}\n'))).toBeNull();
    expect(HistoryTableBuilder.fromBytes(new Uint8Array())).toBeNull();
  });
});
