import type { ReviewLogEntry } from '../quiz/types.js';
import { columnAt, type TypedConstructor } from './history-table.js';

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

  /** Takes back the latest review of this question at this moment (a rating undone in the quiz); false when none. */
  remove(questionId: string, reviewedAt: string, _session?: string): boolean {
    const q = this.questions.get(questionId);
    const at = Date.parse(reviewedAt);
    if (q === undefined) return false;
    for (let i = this.size - 1; i >= 0; i--) {
      if (this.question[i] !== q || this.at[i] !== at) continue;
      for (const column of [this.at, this.rating, this.state, this.cram, this.question, this.topic])
        column.copyWithin(i, i + 1, this.size);
      this.size--;
      return true;
    }
    return false;
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

  /**
   * The builder's state as bytes (a JSON line with the sizes and ids, then the columns), so a table built
   * from a long review log can be kept as a snapshot and extended later with the reviews logged since.
   */
  toBytes(): Uint8Array {
    const n = this.size;
    const head = Buffer.from(
      `${JSON.stringify({ n, questions: [...this.questions.keys()], topics: [...this.topics.keys()] })}\n`,
      'utf8',
    );
    // Float64 columns first, at an offset that keeps them aligned.
    const pad = (8 - (head.length % 8)) % 8;
    const out = Buffer.alloc(head.length + pad + n * (8 + 3 + 4 + 4));
    head.copy(out, 0);
    let at = head.length + pad;
    for (const column of [this.at, this.question, this.topic, this.rating, this.state, this.cram]) {
      const bytes = Buffer.from(column.buffer, column.byteOffset, n * column.BYTES_PER_ELEMENT);
      bytes.copy(out, at);
      at += bytes.length;
    }
    return out;
  }

  /** A builder from toBytes() output; null when the bytes are not such a snapshot. */
  static fromBytes(bytes: Uint8Array): ReviewTableBuilder | null {
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      const nl = buffer.indexOf(0x0a);
      const head = JSON.parse(buffer.toString('utf8', 0, nl)) as { n: number; questions: string[]; topics: string[] };
      const n = head.n;
      let at = nl + 1 + ((8 - ((nl + 1) % 8)) % 8);
      if (buffer.length !== at + n * 19) return null;
      const b = new ReviewTableBuilder();
      // Read in place when aligned; a review of the log's tail grows the columns (a copy) when it comes.
      const take = <A extends Float64Array | Int32Array | Uint8Array>(type: TypedConstructor): A => {
        const column = columnAt(type, buffer, at, n) as A;
        at += n * column.BYTES_PER_ELEMENT;
        return column;
      };
      b.at = take(Float64Array);
      b.question = take(Int32Array);
      b.topic = take(Int32Array);
      b.rating = take(Uint8Array);
      b.state = take(Uint8Array);
      b.cram = take(Uint8Array);
      b.size = n;
      for (const id of head.questions) intern(b.questions, id);
      for (const id of head.topics) intern(b.topics, id);
      return b;
    } catch {
      return null;
    }
  }

  private grow(): void {
    const size = Math.max(1024, this.at.length * 2);
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

/** Store.foldReviews's description of the table: kept as cache/review-table.bin. */
export const REVIEW_TABLE_FOLD = {
  name: 'review-table',
  version: '1',
  empty: () => new ReviewTableBuilder(),
  save: (b: ReviewTableBuilder) => b.toBytes(),
  load: (bytes: Uint8Array) => ReviewTableBuilder.fromBytes(bytes),
};
