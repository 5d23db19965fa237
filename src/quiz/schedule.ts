import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS } from 'ts-fsrs';
import type { QuestionKind, RatingValue, ReviewLogEntry, StoredCard } from './types.js';
import { cardOf, setCard } from './cards.js';

export { cardOf, setCard };

/** Reviews aim at a 90 % chance of still knowing the answer when it comes back. */
export const DESIRED_RETENTION = 0.9;
const DAY_MS = 86_400_000;

let scheduler: FSRS | undefined;
/** Fuzz off: the same reviews at the same times always give the same schedule (tests, undo). */
function getScheduler(): FSRS {
  scheduler ??= fsrs(generatorParameters({ request_retention: DESIRED_RETENTION, enable_fuzz: false }));
  return scheduler;
}

/** The part of cards.json the scheduler works on. */
export interface CardState {
  cards: Record<string, StoredCard>;
  reviews: ReviewLogEntry[];
}

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export function fromStored(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review ? new Date(stored.last_review) : undefined,
  } as Card;
}

/** The card after one rating; a question never seen before starts as a new card. */
export function reviewCard(stored: StoredCard | undefined, now: Date, rating: RatingValue): StoredCard {
  const card = stored ? fromStored(stored) : createEmptyCard(now);
  return toStored(getScheduler().next(card, now, rating).card);
}

/** When the card would come back for each rating (shown next to the rating keys). */
export function previewDue(stored: StoredCard | undefined, now: Date): Record<RatingValue, Date> {
  const card = stored ? fromStored(stored) : createEmptyCard(now);
  const preview = getScheduler().repeat(card, now);
  return { 1: preview[1].card.due, 2: preview[2].card.due, 3: preview[3].card.due, 4: preview[4].card.due };
}

export function isDue(card: StoredCard | undefined, now: Date): boolean {
  return card !== undefined && Date.parse(card.due) <= now.getTime();
}

/** Chance of recalling the card now, in [0, 1]; 0 for a card never reviewed. */
export function recallChance(card: StoredCard | undefined, now: Date): number {
  if (!card || card.state === 0) return 0;
  return getScheduler().get_retrievability(fromStored(card), now, false);
}

export interface ReviewInput {
  questionId: string;
  topic: string;
  kind: QuestionKind;
  rating: RatingValue;
  seconds: number;
  session: string;
  now: Date;
}

/** What is needed to take a rating back exactly. */
export interface UndoToken {
  questionId: string;
  previous: StoredCard | undefined;
  reviewedAt: string;
  session: string;
}

/** Records one rating: new card state plus a log entry. Mutates `state` (the caller holds the store lock). */
export function applyReview(state: CardState, input: ReviewInput): UndoToken {
  const previous = cardOf(state.cards, input.questionId);
  const reviewedAt = input.now.toISOString();
  const lastReview = previous?.last_review ? Date.parse(previous.last_review) : NaN;
  setCard(state.cards, input.questionId, reviewCard(previous, input.now, input.rating));
  state.reviews.push({
    questionId: input.questionId,
    topic: input.topic,
    kind: input.kind,
    rating: input.rating,
    state: previous?.state ?? 0,
    reviewedAt,
    elapsedDays: Number.isNaN(lastReview) ? 0 : Math.round(((input.now.getTime() - lastReview) / DAY_MS) * 100) / 100,
    seconds: input.seconds,
    session: input.session,
    cram: false,
  });
  return {
    questionId: input.questionId,
    previous: previous ? { ...previous } : undefined,
    reviewedAt,
    session: input.session,
  };
}

/** Takes a rating back: the card returns to its exact previous state and its log entry goes. */
export function revertReview(state: CardState, token: UndoToken): void {
  if (token.previous) setCard(state.cards, token.questionId, { ...token.previous });
  else delete state.cards[token.questionId];
  for (let i = state.reviews.length - 1; i >= 0; i--) {
    const r = state.reviews[i]!;
    if (r.questionId === token.questionId && r.reviewedAt === token.reviewedAt && r.session === token.session) {
      state.reviews.splice(i, 1);
      break;
    }
  }
}
