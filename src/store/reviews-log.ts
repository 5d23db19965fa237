import type { ReviewLogEntry, StoredCard } from '../quiz/types.js';
import { EVENT_VERSION } from './log.js';
import { checkCard, checkReview, idMap, isObject } from './validate.js';

/**
 * Events of reviews.jsonl (each line also carries "v"):
 * - {"type":"review","review":{…},"card":{…}} one rating, and the card's FSRS state after it
 *   ("card" is absent for reviews migrated from cards.json, whose states come in one "cards" event);
 * - {"type":"unreview","questionId","reviewedAt","session","card":{…}|null} a rating taken back (quiz undo):
 *   its review leaves the log, the card returns to the state given (null: a card never reviewed);
 * - {"type":"cards","cards":{id: card|null}} card states set (null removes);
 * - {"type":"batch","events":[…]} several of these as one line: they land together or not at all.
 */
type ReviewEvent =
  | { v: number; type: 'review'; review: ReviewLogEntry; card?: StoredCard | null }
  | { v: number; type: 'unreview'; questionId: string; reviewedAt: string; session?: string; card?: StoredCard | null }
  | { v: number; type: 'cards'; cards: Record<string, StoredCard | null> }
  | { v: number; type: 'batch'; events: ReviewEvent[] };

/** Where replayed reviews go: a list (export, history), columns (stats), or nowhere (card states only). */
export interface ReviewSink {
  add(review: ReviewLogEntry): void;
  /** Takes back the latest review with this identity. */
  remove(questionId: string, reviewedAt: string, session: string | undefined): void;
}

/** A review's identity: one card, one moment, one session. */
export const reviewKey = (r: { questionId: string; reviewedAt: string; session?: string | undefined }) =>
  `${r.questionId}\u0000${r.reviewedAt}\u0000${r.session ?? ''}`;

export function listSink(list: ReviewLogEntry[]): ReviewSink {
  return {
    add: (r) => void list.push(r),
    remove(questionId, reviewedAt, session) {
      const key = reviewKey({ questionId, reviewedAt, session });
      for (let i = list.length - 1; i >= 0; i--)
        if (reviewKey(list[i]!) === key) {
          list.splice(i, 1);
          return;
        }
    },
  };
}

/** Card states by question id (a null-prototype object), with replayed reviews handed to a sink. */
export class CardsState {
  constructor(
    readonly cards: Record<string, StoredCard> = idMap(),
    private readonly sink: ReviewSink | null = null,
  ) {}

  apply(event: unknown): string | null {
    const bad = checkEvent(event);
    if (bad) return bad;
    this.applyChecked(event as ReviewEvent);
    return null;
  }

  private applyChecked(event: ReviewEvent): void {
    switch (event.type) {
      case 'review':
        this.sink?.add(event.review);
        if (event.card !== undefined) this.setCard(event.review.questionId, event.card);
        return;
      case 'unreview':
        this.sink?.remove(event.questionId, event.reviewedAt, event.session);
        if (event.card !== undefined) this.setCard(event.questionId, event.card);
        return;
      case 'cards':
        for (const [id, card] of Object.entries(event.cards)) this.setCard(id, card);
        return;
      case 'batch':
        for (const e of event.events) this.applyChecked(e);
    }
  }

  private setCard(id: string, card: StoredCard | null): void {
    if (card === null) delete this.cards[id];
    else this.cards[id] = card;
  }
}

const cardOk = (c: unknown) => c === undefined || c === null || (isObject(c) && checkCard(c) === null);

function checkEvent(event: unknown): string | null {
  if (!isObject(event)) return 'not an object';
  if (typeof event.v !== 'number' || event.v > EVENT_VERSION) return 'unknown event version';
  switch (event.type) {
    case 'review': {
      if (!isObject(event.review)) return 'review without a review';
      const bad = checkReview(event.review);
      if (bad) return `malformed review (${bad})`;
      return cardOk(event.card) ? null : 'malformed card';
    }
    case 'unreview':
      if (typeof event.questionId !== 'string' || typeof event.reviewedAt !== 'string') return 'malformed unreview';
      return cardOk(event.card) ? null : 'malformed card';
    case 'cards':
      if (!isObject(event.cards)) return 'malformed cards';
      for (const card of Object.values(event.cards)) if (!cardOk(card)) return 'malformed card';
      return null;
    case 'batch':
      if (!Array.isArray(event.events)) return 'batch without events';
      for (const e of event.events) {
        const bad = checkEvent(e);
        if (bad) return bad;
      }
      return null;
    default:
      return `unknown event type ${JSON.stringify(String(event.type)).slice(0, 40)}`;
  }
}

/** The parts of the card state a change is compared with: each card's JSON, and the reviews it could see. */
export interface CardsBefore {
  cards: Map<string, string>;
  reviews: Map<string, number>;
}

/** `ids`: only these cards (the ones a change touched); all of them without it. */
export function cardsBefore(
  cards: Record<string, StoredCard>,
  reviews: readonly ReviewLogEntry[],
  ids?: Iterable<string>,
): CardsBefore {
  const counts = new Map<string, number>();
  for (const r of reviews) counts.set(reviewKey(r), (counts.get(reviewKey(r)) ?? 0) + 1);
  const json = new Map<string, string>();
  for (const id of ids ?? Object.keys(cards)) if (Object.hasOwn(cards, id)) json.set(id, JSON.stringify(cards[id]));
  return { cards: json, reviews: counts };
}

/**
 * Card states over `base` that record which ids a change set or removed, without copying or writing to
 * `base` (a year's card map is thousands of entries; a rating changes one). The changes live in the
 * proxy's own target until the caller applies them.
 */
export function overlayCards(base: Record<string, StoredCard>): {
  cards: Record<string, StoredCard>;
  touched: Set<string>;
} {
  const own = idMap<StoredCard>();
  const touched = new Set<string>();
  const gone = new Set<string>();
  const has = (id: string) => Object.hasOwn(own, id) || (!gone.has(id) && Object.hasOwn(base, id));
  const value = (id: string) => (Object.hasOwn(own, id) ? own[id] : gone.has(id) ? undefined : base[id]);
  const write = (id: string | symbol) => {
    if (typeof id !== 'string') return;
    touched.add(id);
    gone.delete(id);
  };
  const cards = new Proxy(own, {
    get: (_, id) => (typeof id === 'string' && has(id) ? value(id) : undefined),
    has: (_, id) => typeof id === 'string' && has(id),
    getOwnPropertyDescriptor: (_, id) =>
      typeof id === 'string' && has(id)
        ? { value: value(id), writable: true, enumerable: true, configurable: true }
        : undefined,
    defineProperty(target, id, descriptor) {
      write(id);
      return Reflect.defineProperty(target, id, descriptor);
    },
    set(target, id, card) {
      write(id);
      return Reflect.set(target, id, card);
    },
    deleteProperty(target, id) {
      if (typeof id === 'string') {
        touched.add(id);
        gone.add(id);
      }
      return Reflect.deleteProperty(target, id);
    },
    ownKeys: () => [...new Set([...Object.keys(base), ...Object.keys(own)])].filter(has),
  });
  return { cards, touched };
}

/**
 * The one event (a line) that turns `before` into the changed state: a single rating is one "review"
 * line with its card, a single undo one "unreview" line; anything else a batch. Null when nothing changed.
 */
export function cardsEvent(
  before: CardsBefore,
  cards: Record<string, StoredCard>,
  reviews: readonly ReviewLogEntry[],
  ids?: Iterable<string>,
): ReviewEvent | null {
  const changed: Record<string, StoredCard | null> = idMap();
  let anyChange = false;
  for (const id of ids ?? new Set([...Object.keys(cards), ...before.cards.keys()])) {
    if (!Object.hasOwn(cards, id)) {
      if (before.cards.has(id)) {
        changed[id] = null;
        anyChange = true;
      }
      continue;
    }
    const card = cards[id];
    if (!isObject(card) || checkCard(card)) throw new Error(`refusing to store a malformed card "${id}"`);
    if (before.cards.get(id) !== JSON.stringify(card)) {
      changed[id] = card;
      anyChange = true;
    }
  }
  const left = new Map(before.reviews);
  const added: ReviewLogEntry[] = [];
  for (const r of reviews) {
    const key = reviewKey(r);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else {
      if (!isObject(r) || checkReview(r as unknown as Record<string, unknown>))
        throw new Error('refusing to store a malformed review');
      added.push(r);
    }
  }
  const removed: string[] = [];
  for (const [key, n] of left) for (let i = 0; i < n; i++) removed.push(key);
  const changedIds = Object.keys(changed);
  const v = EVENT_VERSION;
  if (added.length === 1 && !removed.length && changedIds.every((id) => id === added[0]!.questionId)) {
    const review = added[0]!;
    return changedIds.length
      ? { v, type: 'review', review, card: changed[review.questionId] }
      : { v, type: 'review', review };
  }
  const unreview = (key: string, card?: StoredCard | null): ReviewEvent => {
    const [questionId, reviewedAt, session] = key.split('\u0000') as [string, string, string];
    return {
      v,
      type: 'unreview',
      questionId,
      reviewedAt,
      ...(session ? { session } : {}),
      ...(card !== undefined ? { card } : {}),
    };
  };
  if (removed.length === 1 && !added.length) {
    const questionId = removed[0]!.split('\u0000')[0]!;
    if (changedIds.every((id) => id === questionId))
      return unreview(removed[0]!, changedIds.length ? changed[questionId] : undefined);
  }
  const events: ReviewEvent[] = [
    ...removed.map((key) => unreview(key)),
    ...added.map((review): ReviewEvent => ({ v, type: 'review', review })),
  ];
  if (anyChange) events.push({ v, type: 'cards', cards: changed });
  if (!events.length) return null;
  return events.length === 1 ? events[0]! : { v, type: 'batch', events };
}
