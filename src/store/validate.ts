/**
 * Checks of stored records, one item at a time, deep enough that whatever passes can be read by
 * history, stats and export without a crash: a record that parses but holds null where a split
 * should be is damaged like one that does not parse. Unknown extra fields are allowed (newer records
 * gain fields; older code must not reject them). Each check returns null when fine, else a short reason.
 */

type Obj = Record<string, unknown>;
type Check = (item: Obj) => string | null;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** An ISO date as the store writes them is recognised without Date.parse (a year of reviews is 100,000 dates). */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const isDate = (v: unknown): boolean => isString(v) && (ISO.test(v) || !Number.isNaN(Date.parse(v)));

/** A check of an object's fields, built once (each check runs for every record of a year of data). */
function fields(spec: Record<string, (v: unknown) => boolean>): Check {
  const entries = Object.entries(spec);
  return (item) => {
    for (const [key, ok] of entries) if (!ok(item[key])) return `"${key}"`;
    return null;
  };
}

const optional =
  (ok: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === undefined || v === null || ok(v);

function listOf(check: Check): (v: unknown) => boolean {
  return (v) => Array.isArray(v) && v.every((item) => isObject(item) && check(item) === null);
}

const checkSplit: Check = fields({
  key: isString,
  title: isString,
  budgetSeconds: isNumber,
  seconds: (v) => v === null || isNumber(v),
  words: isNumber,
});

export const checkAttempt: Check = fields({
  id: isString,
  startedAt: isDate,
  sectionId: isString,
  sectionTitle: isString,
  targetSeconds: isNumber,
  kind: isString,
  totalSeconds: isNumber,
  splits: listOf(checkSplit),
  words: isNumber,
  recording: optional(isObject),
  speech: optional(isObject),
});

const checkSessionReview: Check = fields({
  questionId: isString,
  topic: isString,
  rating: isNumber,
  seconds: optional(isNumber),
});

export const checkQuiz: Check = fields({
  id: isString,
  startedAt: isDate,
  topics: (v) => Array.isArray(v) && v.every(isString),
  reviews: listOf(checkSessionReview),
});

const checkAnswer: Check = fields({
  questionId: isString,
  topic: isString,
  keyPoints: (v) => Array.isArray(v) && v.every(isString),
  covered: (v) => Array.isArray(v),
});

export const checkInterview: Check = fields({ id: isString, startedAt: isDate, answers: listOf(checkAnswer) });

export const checkReview: Check = fields({
  questionId: isString,
  topic: isString,
  rating: isNumber,
  state: isNumber,
  reviewedAt: isDate,
  seconds: optional(isNumber),
});

export const checkCard: Check = fields({ due: isDate, state: isNumber, stability: optional(isNumber) });

/** The first malformed item of a list, as a reason naming the list and the item's position. */
export function checkList(list: unknown, what: string, check: Check): string | null {
  if (!Array.isArray(list)) return `"${what}" is not a list`;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const bad = isObject(item) ? check(item) : 'not an object';
    if (bad) return `"${what}" item ${i + 1} is malformed (${bad})`;
  }
  return null;
}

/** Ids as keys of a null-prototype object: "constructor" or "__proto__" are ordinary ids. */
export function idMap<T>(entries?: Iterable<[string, T]>): Record<string, T> {
  const map = Object.create(null) as Record<string, T>;
  if (entries) for (const [id, value] of entries) map[id] = value;
  return map;
}
