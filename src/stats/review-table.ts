import type { ReviewLogEntry } from '../quiz/types.js';

/**
 * The review log in columns: a year of daily drilling is 100,000 reviews, and ten typed arrays
 * weigh a few megabytes where 100,000 objects weigh tens (statistics must run in little memory).
 * Question and topic ids are interned: `question[i]` indexes `questionIds`.
 */
export interface ReviewTable {
  readonly length: number;
  /** When, in ms since the epoch. */
  readonly at: Float64Array;
  /** 1 Again … 4 Easy. */
  readonly rating: Uint8Array;
  /** The card's FSRS state before the review (0 New, 1 Learning, 2 Review, 3 Relearning). */
  readonly state: Uint8Array;
  /** 1 for a cram review (outside the schedule). */
  readonly cram: Uint8Array;
  readonly question: Int32Array;
  readonly topic: Int32Array;
  readonly questionIds: readonly string[];
  readonly topicIds: readonly string[];
}

/** The fields of a review the statistics read; a stored ReviewLogEntry has them all. */
export type ReviewFields = Pick<ReviewLogEntry, 'questionId' | 'topic' | 'rating' | 'state' | 'reviewedAt' | 'cram'>;

/** Builds a ReviewTable one review at a time (in the order they were logged). */
export class ReviewTableBuilder {
  private size = 0;
  private at = new Float64Array(1024);
  private rating = new Uint8Array(1024);
  private state = new Uint8Array(1024);
  private cram = new Uint8Array(1024);
  private question = new Int32Array(1024);
  private topic = new Int32Array(1024);
  private readonly questions = new Map<string, number>();
  private readonly topics = new Map<string, number>();

  /** Adds a review; one without a readable date cannot be placed in time and is left out. */
  add(review: ReviewFields): void {
    const at = Date.parse(review.reviewedAt);
    if (!Number.isFinite(at)) return;
    if (this.size === this.at.length) this.grow();
    const i = this.size++;
    this.at[i] = at;
    this.rating[i] = review.rating;
    this.state[i] = review.state;
    this.cram[i] = review.cram ? 1 : 0;
    this.question[i] = intern(this.questions, String(review.questionId));
    this.topic[i] = intern(this.topics, String(review.topic));
  }

  build(): ReviewTable {
    const n = this.size;
    return {
      length: n,
      at: this.at.subarray(0, n),
      rating: this.rating.subarray(0, n),
      state: this.state.subarray(0, n),
      cram: this.cram.subarray(0, n),
      question: this.question.subarray(0, n),
      topic: this.topic.subarray(0, n),
      questionIds: [...this.questions.keys()],
      topicIds: [...this.topics.keys()],
    };
  }

  private grow(): void {
    const size = this.at.length * 2;
    const bigger = <A extends Float64Array | Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.at = bigger(this.at, (n) => new Float64Array(n));
    this.rating = bigger(this.rating, (n) => new Uint8Array(n));
    this.state = bigger(this.state, (n) => new Uint8Array(n));
    this.cram = bigger(this.cram, (n) => new Uint8Array(n));
    this.question = bigger(this.question, (n) => new Int32Array(n));
    this.topic = bigger(this.topic, (n) => new Int32Array(n));
  }
}

function intern(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

/** A table from plain review objects (tests, small logs). */
export function reviewTable(reviews: Iterable<ReviewFields>): ReviewTable {
  const builder = new ReviewTableBuilder();
  for (const r of reviews) builder.add(r);
  return builder.build();
}
