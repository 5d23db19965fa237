import type { HistoryDoc } from './documents.js';
import { EVENT_VERSION } from './log.js';
import { checkAttempt, checkInterview, checkQuiz, isObject } from './validate.js';

/** The lists of history and the event type that adds (or replaces, by id) one record of each. */
export const HISTORY_LISTS = { rehearsals: 'rehearsal', quizzes: 'quiz', interviews: 'interview' } as const;
export type HistoryList = keyof typeof HISTORY_LISTS;
type RecordType = (typeof HISTORY_LISTS)[HistoryList];
const LIST_OF: Record<RecordType, HistoryList> = { rehearsal: 'rehearsals', quiz: 'quizzes', interview: 'interviews' };
const CHECKS = { rehearsals: checkAttempt, quizzes: checkQuiz, interviews: checkInterview };

/**
 * Events of history.jsonl (each line also carries "v"):
 * - {"type":"rehearsal"|"quiz"|"interview","record":{…}} adds a record, or replaces the one with its id
 *   (in place: a deleted record brought back by undo returns to its place in the list);
 * - {"type":"delete","list":"rehearsals"|…,"id":"…"} hides a record (a tombstone: the record stays in
 *   the file, so undoing a deletion is one more event, and nothing is ever rewritten);
 * - {"type":"batch","events":[…]} several of these written as one line, so they land together or not at all.
 */
export type HistoryEvent =
  | { v: number; type: RecordType; record: Record<string, unknown> }
  | { v: number; type: 'delete'; list: HistoryList; id: string }
  | { v: number; type: 'batch'; events: HistoryEvent[] };

/** Where a record's latest version is in the file: the line holding it (history --json reads it back). */
export interface RecordAt {
  start: number;
  end: number;
}

/**
 * Where replayed history goes: each record added or replaced (by id), each tombstone. HistoryState keeps
 * the records; statistics keep columns of them (stats/history-table.ts) through Store.foldHistory.
 */
export interface HistorySink {
  put(list: HistoryList, record: Record<string, unknown>): void;
  /** A tombstone: the record leaves its list (a later put with its id brings it back in its place). */
  remove(list: HistoryList, id: string): void;
}

/**
 * Checks one parsed line of history.jsonl and hands what it does to `sink`; returns a reason when it is
 * not a valid event (the line is then ignored whole).
 */
export function applyHistoryEvent(event: unknown, sink: HistorySink): string | null {
  if (!isObject(event)) return 'not an object';
  if (typeof event.v !== 'number' || event.v > EVENT_VERSION) return 'unknown event version';
  if (event.type === 'batch') {
    if (!Array.isArray(event.events)) return 'batch without events';
    // All or nothing: a batch with one bad event is ignored whole.
    for (const e of event.events) {
      const bad = checkEvent(e);
      if (bad) return bad;
    }
    for (const e of event.events) dispatch(e as HistoryEvent, sink);
    return null;
  }
  const bad = checkEvent(event);
  if (bad) return bad;
  dispatch(event as HistoryEvent, sink);
  return null;
}

function dispatch(event: HistoryEvent, sink: HistorySink): void {
  if (event.type === 'batch') return;
  if (event.type === 'delete') sink.remove(event.list, event.id);
  else sink.put(LIST_OF[event.type], event.record);
}

/**
 * Records by list, in the order they were first added, each with its latest version (null once deleted).
 * With `positionsOnly`, the records themselves are not kept, only where their line is (set `at` before
 * each apply): `history --json` streams them back one at a time instead of holding them all.
 */
export class HistoryState implements HistorySink {
  readonly lists: Record<HistoryList, Map<string, Record<string, unknown> | RecordAt | null>> = {
    rehearsals: new Map(),
    quizzes: new Map(),
    interviews: new Map(),
  };
  at: RecordAt = { start: 0, end: 0 };

  constructor(private readonly positionsOnly = false) {}

  /** Applies one parsed line; returns a reason when it is not a valid event (the line is then ignored). */
  apply(event: unknown): string | null {
    return applyHistoryEvent(event, this);
  }

  put(list: HistoryList, record: Record<string, unknown>): void {
    this.lists[list].set(record.id as string, this.positionsOnly ? this.at : record);
  }

  remove(list: HistoryList, id: string): void {
    const records = this.lists[list];
    if (records.has(id)) records.set(id, null);
  }

  toDoc(): HistoryDoc {
    const alive = (list: HistoryList) => [...this.lists[list].values()].filter((r) => r !== null);
    return {
      version: 2,
      rehearsals: alive('rehearsals') as unknown as HistoryDoc['rehearsals'],
      quizzes: alive('quizzes') as unknown as HistoryDoc['quizzes'],
      interviews: alive('interviews') as unknown as HistoryDoc['interviews'],
    };
  }
}

function checkEvent(event: unknown): string | null {
  if (!isObject(event)) return 'not an object';
  if (event.type === 'delete') {
    if (!(typeof event.list === 'string' && event.list in HISTORY_LISTS) || typeof event.id !== 'string')
      return 'malformed delete';
    return null;
  }
  const list = LIST_OF[event.type as RecordType];
  if (!list) return `unknown event type ${JSON.stringify(String(event.type)).slice(0, 40)}`;
  if (!isObject(event.record)) return 'no record';
  const bad = CHECKS[list](event.record);
  return bad ? `malformed ${event.type} (${bad})` : null;
}

/** Each record's JSON by id, per list: what a change is compared with. */
export function fingerprint(doc: HistoryDoc): Record<HistoryList, Map<string, string>> {
  const of = (list: readonly { id: string }[]) => new Map(list.map((r) => [r.id, JSON.stringify(r)]));
  return { rehearsals: of(doc.rehearsals), quizzes: of(doc.quizzes), interviews: of(doc.interviews) };
}

/**
 * The events that turn `before` into `doc`: new or changed records are (re)written, records gone from a
 * list get a tombstone. A record that fails its check is a bug in the caller: it throws rather than write
 * a line every later read would ignore.
 */
export function historyEvents(before: Record<HistoryList, Map<string, string>>, doc: HistoryDoc): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const list of Object.keys(HISTORY_LISTS) as HistoryList[]) {
    const seen = new Set<string>();
    for (const record of doc[list] as unknown as Record<string, unknown>[]) {
      const bad = isObject(record) ? CHECKS[list](record) : 'not an object';
      if (bad) throw new Error(`refusing to store a malformed ${list} record (${bad})`);
      const id = record.id as string;
      seen.add(id);
      const json = JSON.stringify(record);
      if (before[list].get(id) !== json) events.push({ v: EVENT_VERSION, type: HISTORY_LISTS[list], record });
    }
    for (const id of before[list].keys())
      if (!seen.has(id)) events.push({ v: EVENT_VERSION, type: 'delete', list, id });
  }
  return events;
}

/** One line per update: a single event as it is, several as a batch. */
export function asOneLine(events: HistoryEvent[]): HistoryEvent {
  return events.length === 1 ? events[0]! : { v: EVENT_VERSION, type: 'batch', events };
}
