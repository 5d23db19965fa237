import type { Question, StoredCard, Topic } from '../quiz/types.js';
import { cardOf, isDue, recallChance } from '../quiz/schedule.js';
import { shuffle } from '../quiz/grade.js';

export interface InterviewSelectOptions {
  /** Technical topics to draw from, in any order. */
  topics: readonly Topic[];
  /** Topic of behavioural questions, one of which closes the interview (null: none). */
  behavioral: Topic | null;
  cards: Readonly<Record<string, StoredCard>>;
  now: Date;
  count: number;
  rng: () => number;
  /**
   * Follow-up questions on the pitch just delivered (already narrowed to that pitch): one or two of them
   * come first, as an interviewer reacts to what was said before moving to the stack.
   */
  followUps?: readonly Question[] | undefined;
}

/** The topic of follow-up questions on the pitch (bundled: data/questions/pitch-followups.yaml). */
export const FOLLOW_UP_TOPIC = 'pitch-followups';

/**
 * How many follow-ups an interview of `count` questions opens with: none for a single question, one for a
 * short interview, one or two (drawn) from five questions on, so the stack keeps most of the time.
 */
export function followUpCount(count: number, rng: () => number): number {
  if (count < 2) return 0;
  if (count < 5) return 1;
  return rng() < 0.5 ? 1 : 2;
}

/**
 * The follow-ups that fit the pitch delivered: their `pitchRef` names one of its sections. The bundled ones
 * speak of the bundled pitch only (a pitch of your own gets your own packs' follow-ups); bundled packs are
 * the ones named by a bare file name.
 */
export function followUpsFor(
  topic: Topic | undefined,
  sectionNumbers: ReadonlySet<string>,
  bundledPitch: boolean,
): Question[] {
  return (topic?.questions ?? []).filter(
    (q) =>
      isSpeakable(q) &&
      q.pitchRef !== undefined &&
      sectionNumbers.has(q.pitchRef) &&
      (bundledPitch || /[\\/]/.test(q.origin)),
  );
}

/** Only questions answered by speaking and checked against key points make sense in a mock interview. */
export const isSpeakable = (q: Question): boolean => q.kind === 'open' && (q.keyPoints?.length ?? 0) > 0;

/**
 * How much an interviewer "wants" a question: due cards first (more the longer overdue), then weak ones
 * (lapses, low recall chance), then never-seen ones. Always positive.
 */
export function interviewWeight(q: Question, cards: Readonly<Record<string, StoredCard>>, now: Date): number {
  const card = cardOf(cards, q.id);
  if (!card) return 1;
  const overdueDays = Math.max(0, (now.getTime() - Date.parse(card.due)) / 86_400_000);
  const due = isDue(card, now) ? 4 + Math.min(4, overdueDays) : 0;
  const weak = card.lapses * 1.5 + (1 - recallChance(card, now)) * 2;
  return 0.5 + due + weak;
}

/**
 * Questions as an interviewer would ask them: topics take turns (in a random order), each turn draws a
 * question weighted towards due and weak cards, never two of the same narrow subject in a row, and one
 * behavioural question closes the interview. Pure: randomness comes from `rng`.
 */
export function selectInterviewQuestions(o: InterviewSelectOptions): Question[] {
  const wantBehavioral = o.behavioral && o.behavioral.questions.some(isSpeakable) && o.count > 1 ? 1 : 0;
  const followUps = (o.followUps ?? []).filter(isSpeakable);
  // The rng is only drawn from when there are follow-ups, so an interview without them is drawn as before.
  const wantFollowUps = followUps.length ? Math.min(followUpCount(o.count, o.rng), followUps.length) : 0;
  const technical = Math.max(0, o.count - wantBehavioral - wantFollowUps);
  const picked: Question[] = [];
  const used = new Set<string>();
  for (let i = 0; i < wantFollowUps; i++) {
    const last = picked[picked.length - 1];
    const choice = weightedPick(
      followUps.filter((q) => !used.has(q.id) && !(last && sameSubject(q, last))),
      (q) => interviewWeight(q, o.cards, o.now),
      o.rng,
    );
    if (!choice) break;
    used.add(choice.id);
    picked.push(choice);
  }
  const pools = shuffle(
    o.topics.map((t) => t.questions.filter(isSpeakable)).filter((p) => p.length > 0),
    o.rng,
  );
  let turn = 0;
  let misses = 0;
  while (picked.length < wantFollowUps + technical && misses < pools.length) {
    const pool = pools[turn % pools.length]!;
    turn++;
    const last = picked[picked.length - 1];
    const choice = weightedPick(
      pool.filter((q) => !used.has(q.id) && !(last && sameSubject(q, last))),
      (q) => interviewWeight(q, o.cards, o.now),
      o.rng,
    );
    if (!choice) {
      misses++;
      continue;
    }
    misses = 0;
    used.add(choice.id);
    picked.push(choice);
  }
  if (wantBehavioral) {
    const last = picked[picked.length - 1];
    const closing = weightedPick(
      o.behavioral!.questions.filter((q) => isSpeakable(q) && !(last && sameSubject(q, last))),
      (q) => interviewWeight(q, o.cards, o.now),
      o.rng,
    );
    if (closing) picked.push(closing);
  }
  return picked;
}

export function sameSubject(a: Question, b: Question): boolean {
  return a.topic === b.topic && (a.subject ?? a.id) === (b.subject ?? b.id);
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, rng: () => number): T | undefined {
  if (!items.length) return undefined;
  const weights = items.map(weight);
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}
