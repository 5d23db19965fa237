import type { MessageKey, Params } from '../i18n/index.js';
import type { KeyPoint, Misconception, PackIssue, PackSource, Question, QuestionKind } from './types.js';
import { PITCH_TOPIC, QUESTION_KINDS } from './types.js';
import { lineOfKey, parseYamlLite, type NodeLines } from './yaml-lite.js';
import { closestMatches } from '../core/did-you-mean.js';

/** A pack's YAML as plain data, with the line of every mapping key and sequence item. */
export interface ParsedPack {
  name: string;
  value: unknown;
  lines: WeakMap<object, NodeLines>;
  issues: PackIssue[];
}

/** One valid pack (its invalid questions left out and reported). */
export interface PackData {
  file: string;
  topic: string;
  title: string;
  aliases: string[];
  synonyms: string[][];
  questions: Question[];
  /** Line of `topic:`, for messages about the pack as a whole. */
  line: number;
}

/** Topic ids and aliases: what a person types after --topic. */
export const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Question ids: stable keys, so plain and lowercase. */
export const QUESTION_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

const PACK_KEYS = ['topic', 'title', 'aliases', 'synonyms', 'questions'];
const COMMON_KEYS = ['id', 'kind', 'difficulty', 'subject', 'prompt', 'explanation', 'source', 'checked', 'pitchRef'];
const KIND_KEYS: Record<QuestionKind, string[]> = {
  mcq: ['options', 'answer'],
  open: ['keyPoints', 'misconceptions', 'modelAnswer'],
  flash: ['modelAnswer'],
  cloze: ['answer', 'accept'],
};
/** A key point: its text, what counts as saying it, what it is about, what says the opposite. */
const KEY_POINT_KEYS = ['point', 'accept', 'about', 'contradicts'];
const ALL_KEYS = [...new Set([...COMMON_KEYS, ...Object.values(KIND_KEYS).flat()])];
/** What the grader can match on: a letter or a digit (tokenize() keeps nothing else). */
const HAS_WORD = /[\p{L}\p{N}]/u;
const URL_LIKE = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;
/** `checked`: the month a question was last checked against its source, then what it was checked against. */
export const CHECKED = /^(\d{4})-(0[1-9]|1[0-2])(?:\s+(\S.*))?$/;
/** `pitchRef`: a section number of the pitch ("1", "2.3.1"). */
export const PITCH_REF = /^\d+(?:\.\d+)*$/;

/**
 * Text → data. The fast subset reader handles packs written the usual way; anything else
 * (anchors, flow mappings, multi-line quoted strings, syntax errors) goes through the `yaml`
 * package, loaded only then, whose errors carry their line.
 */
export async function parsePack(source: PackSource): Promise<ParsedPack> {
  const lite = parseYamlLite(source.text);
  if (lite) return { name: source.name, ...lite, issues: [] };
  try {
    return await parseWithYaml(source);
  } catch (error) {
    if (error instanceof YamlLimit) {
      const issue: PackIssue = { file: source.name, line: error.line, key: error.key, params: { max: error.max } };
      return { name: source.name, value: null, lines: new WeakMap(), issues: [issue] };
    }
    if (!(error instanceof RangeError)) throw error;
    const issue: PackIssue = { file: source.name, line: 1, key: 'pack.tooDeep', params: { max: YAML_LIMITS.depth } };
    return { name: source.name, value: null, lines: new WeakMap(), issues: [issue] };
  }
}

/**
 * What one pack may make the YAML reader build. Aliases are the danger: each `*name` copies its anchor's
 * whole tree, so ten nested levels of ten aliases turn 600 bytes into 10¹⁰ nodes (the "billion laughs").
 * Every expansion is counted, nested ones included, so such a pack stops after `aliases` expansions and
 * `nodes` nodes at most, in milliseconds. The bundled packs use no alias and at most ~15,000 nodes.
 */
export const YAML_LIMITS = { aliases: 1000, nodes: 200_000, depth: 200 } as const;

class YamlLimit extends Error {
  constructor(
    readonly key: 'pack.tooManyAliases' | 'pack.tooManyNodes' | 'pack.tooDeep',
    readonly max: number,
    readonly line: number,
  ) {
    super(key);
  }
}

async function parseWithYaml(source: PackSource): Promise<ParsedPack> {
  // yaml is CommonJS: bundled, its exports sit on `default`; run from source, Node also names them.
  const loaded = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const { parseDocument, LineCounter, isMap, isSeq, isScalar, isAlias } = loaded.default ?? loaded;
  const counter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lines = new WeakMap<object, NodeLines>();
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line);
  if (doc.errors.length) {
    const issues = doc.errors.map((e): PackIssue => {
      const line = e.linePos?.[0]?.line ?? lineAt(e.pos[0]);
      // The parser itself runs out of stack on deep enough nesting, and says so in JavaScript's words.
      if (/call stack/i.test(e.message))
        return { file: source.name, line, key: 'pack.tooDeep', params: { max: YAML_LIMITS.depth } };
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { file: source.name, line, key: 'pack.yaml', params: { message } };
    });
    return { name: source.name, value: null, lines, issues };
  }
  let depth = 0;
  let nodes = 0;
  let expansions = 0;
  // Finding an alias's anchor walks the document: once per alias node, not once per expansion.
  const targets = new Map<unknown, unknown>();
  const toPlain = (node: unknown): unknown => {
    const at = () => lineAt((node as { range?: [number] } | null)?.range?.[0]);
    if (++depth > YAML_LIMITS.depth) throw new YamlLimit('pack.tooDeep', YAML_LIMITS.depth, at());
    if (++nodes > YAML_LIMITS.nodes) throw new YamlLimit('pack.tooManyNodes', YAML_LIMITS.nodes, at());
    try {
      if (isAlias(node)) {
        if (++expansions > YAML_LIMITS.aliases) throw new YamlLimit('pack.tooManyAliases', YAML_LIMITS.aliases, at());
        if (!targets.has(node)) targets.set(node, node.resolve(doc));
        return toPlain(targets.get(node));
      }
      if (isMap(node)) {
        const obj: Record<string, unknown> = {};
        const names: string[] = [];
        const numbers: number[] = [];
        lines.set(obj, { line: lineAt(node.range?.[0]), names, numbers });
        for (const pair of node.items) {
          const keyNode = pair.key;
          const key = isScalar(keyNode) ? String(keyNode.value) : String(toPlain(keyNode));
          names.push(key);
          numbers.push(lineAt(isScalar(keyNode) ? keyNode.range?.[0] : node.range?.[0]));
          Object.defineProperty(obj, key, {
            value: toPlain(pair.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return obj;
      }
      if (isSeq(node)) {
        const arr: unknown[] = [];
        const items: number[] = [];
        lines.set(arr, { line: lineAt(node.range?.[0]), items });
        for (const item of node.items) {
          items.push(lineAt((item as { range?: [number] } | null)?.range?.[0] ?? node.range?.[0]));
          arr.push(toPlain(item));
        }
        return arr;
      }
      if (isScalar(node)) return node.value;
      return node ?? null;
    } finally {
      depth--;
    }
  };
  return { name: source.name, value: toPlain(doc.contents), lines, issues: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const NOT_BLANK = /\S/;
/** A non-blank string (tested without trimming: explanations are long). */
const isText = (v: unknown): v is string => typeof v === 'string' && NOT_BLANK.test(v);
/** Options, answers and phrasings may be written as bare numbers (`- 200`): YAML reads those as numbers. */
const asText = (v: unknown): string | null =>
  typeof v === 'string'
    ? NOT_BLANK.test(v)
      ? v
      : null
    : typeof v === 'number' && Number.isFinite(v)
      ? String(v)
      : null;

/**
 * Checks a parsed pack against the format (docs/question-format.md) and turns it into questions.
 * Pure. A broken question is reported and left out; the rest of the pack stays usable.
 */
export function validatePack(parsed: ParsedPack): { pack: PackData | null; issues: PackIssue[] } {
  const issues: PackIssue[] = [...parsed.issues];
  if (parsed.issues.length) return { pack: null, issues };
  const file = parsed.name;
  const root = parsed.value;
  const report = (line: number, key: MessageKey, params: Params = {}, questionId?: string) =>
    issues.push({ file, line, key, params, ...(questionId ? { questionId } : {}) });
  if (!isObject(root)) {
    report(1, 'pack.notMapping');
    return { pack: null, issues };
  }
  const at = (obj: object, key?: string): number => {
    const info = parsed.lines.get(obj);
    return (key !== undefined ? lineOfKey(info, key) : info?.line) ?? 1;
  };
  const itemAt = (arr: unknown[], index: number): number => parsed.lines.get(arr)?.items?.[index] ?? at(arr);

  for (const key of Object.keys(root)) {
    if (!PACK_KEYS.includes(key)) unknownKey(key, PACK_KEYS, (k, p) => report(at(root, key), k, p));
  }
  const topic = root.topic;
  let ok = true;
  if (!isText(topic)) {
    report(at(root, 'topic'), topic === undefined ? 'pack.missing' : 'pack.notText', { key: 'topic' });
    ok = false;
  } else if (!TOPIC_ID.test(topic)) {
    report(at(root, 'topic'), 'pack.badTopicId', { key: 'topic', value: topic });
    ok = false;
  } else if (topic === PITCH_TOPIC) {
    report(at(root, 'topic'), 'pack.reservedTopic', { value: topic });
    ok = false;
  }
  const title = root.title;
  if (!isText(title)) {
    report(at(root, 'title'), title === undefined ? 'pack.missing' : 'pack.notText', { key: 'title' });
    ok = false;
  }
  const aliases: string[] = [];
  if (root.aliases !== undefined && root.aliases !== null) {
    if (!Array.isArray(root.aliases)) report(at(root, 'aliases'), 'pack.notList', { key: 'aliases' });
    else
      root.aliases.forEach((alias, i) => {
        if (typeof alias === 'string' && TOPIC_ID.test(alias)) aliases.push(alias);
        else report(itemAt(root.aliases as unknown[], i), 'pack.badTopicId', { key: 'aliases', value: String(alias) });
      });
  }
  const synonyms: string[][] = [];
  if (root.synonyms !== undefined && root.synonyms !== null) {
    if (!Array.isArray(root.synonyms)) report(at(root, 'synonyms'), 'pack.notList', { key: 'synonyms' });
    else
      root.synonyms.forEach((group, i) => {
        const words = Array.isArray(group) ? group.map(asText) : [];
        if (words.length < 2 || words.some((w) => w === null))
          report(itemAt(root.synonyms as unknown[], i), 'pack.badSynonyms', { index: i + 1 });
        else synonyms.push(words as string[]);
      });
  }
  const questions: Question[] = [];
  const list = root.questions;
  if (!Array.isArray(list) || list.length === 0) {
    report(at(root, 'questions'), list === undefined ? 'pack.missing' : 'pack.noQuestions', { key: 'questions' });
    ok = false;
  } else if (ok) {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const line = itemAt(list, index);
      if (!isObject(item)) {
        report(line, 'pack.questionNotMapping', { index: index + 1 });
        return;
      }
      const question = validateQuestion(item, index, topic as string, file, at, itemAt, report, seen);
      if (question) questions.push(question);
    });
  }
  // Reported in reading order, the way an editor lists them.
  issues.sort((a, b) => a.line - b.line);
  if (!ok) return { pack: null, issues };
  return {
    pack: {
      file,
      topic: topic as string,
      title: (title as string).trim(),
      aliases,
      synonyms,
      questions,
      line: at(root, 'topic'),
    },
    issues,
  };
}

type Report = (line: number, key: MessageKey, params?: Params, questionId?: string) => void;

function unknownKey(key: string, allowed: readonly string[], report: (key: MessageKey, params: Params) => void): void {
  const close = closestMatches(allowed, key.toLowerCase(), (k) => [k.toLowerCase()], 1)[0];
  if (close) report('pack.unknownKeyDidYouMean', { key, suggestion: close });
  else report('pack.unknownKey', { key });
}

function validateQuestion(
  q: Record<string, unknown>,
  index: number,
  topic: string,
  file: string,
  at: (obj: object, key?: string) => number,
  itemAt: (arr: unknown[], index: number) => number,
  report: Report,
  seen: Map<string, number>,
): Question | null {
  const rawId = q.id;
  const id = typeof rawId === 'string' ? rawId : undefined;
  const problems: Array<[number, MessageKey, Params]> = [];
  const bad = (line: number, key: MessageKey, params: Params = {}) => void problems.push([line, key, params]);
  const line = at(q);

  if (rawId === undefined) bad(line, 'pack.missingInQuestion', { key: 'id', index: index + 1 });
  else if (!id || !QUESTION_ID.test(id)) bad(at(q, 'id'), 'pack.badId', { value: String(rawId) });
  else if (seen.has(id)) bad(at(q, 'id'), 'pack.duplicateId', { value: id, origin: `${file}:${seen.get(id)}` });
  else seen.set(id, at(q, 'id'));

  const kind = q.kind;
  const knownKind =
    typeof kind === 'string' && (QUESTION_KINDS as readonly string[]).includes(kind) ? (kind as QuestionKind) : null;
  if (kind === undefined) bad(line, 'pack.missing', { key: 'kind' });
  else if (!knownKind) bad(at(q, 'kind'), 'pack.badKind', { value: String(kind) });

  for (const key of Object.keys(q)) {
    if (!ALL_KEYS.includes(key)) unknownKey(key, ALL_KEYS, (k, p) => bad(at(q, key), k, p));
    else if (knownKind && !COMMON_KEYS.includes(key) && !KIND_KEYS[knownKind].includes(key)) {
      const kinds = QUESTION_KINDS.filter((k) => KIND_KEYS[k].includes(key)).join(', ');
      bad(at(q, key), 'pack.keyWrongKind', { key, kind: knownKind, kinds });
    }
  }

  const difficulty = q.difficulty;
  if (difficulty === undefined) bad(line, 'pack.missing', { key: 'difficulty' });
  else if (difficulty !== 1 && difficulty !== 2 && difficulty !== 3)
    bad(at(q, 'difficulty'), 'pack.badDifficulty', { value: String(difficulty) });

  const text = (key: string, required: boolean): string | undefined => {
    const v = q[key];
    if (v === undefined || v === null) {
      if (required) bad(line, 'pack.missing', { key });
      return undefined;
    }
    if (!isText(v)) {
      bad(at(q, key), 'pack.notText', { key });
      return undefined;
    }
    return v;
  };
  const prompt = text('prompt', true);
  const subject = text('subject', false);
  const explanation = text('explanation', false);
  const source = text('source', false);
  if (source !== undefined && !isUrl(source)) bad(at(q, 'source'), 'pack.badSource', { value: source });
  const checked = text('checked', false);
  if (checked !== undefined && !CHECKED.test(checked.trim()))
    bad(at(q, 'checked'), 'pack.badChecked', { value: checked });
  // A bare `pitchRef: 2` is read by YAML as a number, and so is `2.10`, which would silently become 2.1:
  // a whole number is taken as written, any other number must be quoted.
  const rawRef = q.pitchRef;
  const pitchRef = Number.isInteger(rawRef)
    ? String(rawRef)
    : typeof rawRef === 'number'
      ? undefined
      : text('pitchRef', false);
  if (typeof rawRef === 'number' && pitchRef === undefined)
    bad(at(q, 'pitchRef'), 'pack.badPitchRef', { value: String(rawRef) });
  else if (pitchRef !== undefined && !PITCH_REF.test(pitchRef.trim()))
    bad(at(q, 'pitchRef'), 'pack.badPitchRef', { value: pitchRef });

  /** `wordsOnly`: phrasings of key points and misconceptions are matched word by word, so they need a word. */
  const phrases = (v: unknown, key: string, wordsOnly: boolean): string[] | null => {
    if (!Array.isArray(v) || v.length === 0) return null;
    const out: string[] = [];
    v.forEach((p, i) => {
      const s = asText(p);
      if (s === null) bad(itemAt(v, i), 'pack.notText', { key });
      else if (wordsOnly && !HAS_WORD.test(s)) bad(itemAt(v, i), 'pack.phraseEmpty', { value: s });
      else out.push(s);
    });
    return out;
  };

  const question: Question = {
    id: id ?? '',
    topic,
    kind: knownKind ?? 'flash',
    difficulty: (difficulty as 1 | 2 | 3) ?? 1,
    prompt: prompt ?? '',
    origin: `${file}:${line}`,
    ...(subject !== undefined ? { subject } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(checked !== undefined ? { checked: checked.trim() } : {}),
    ...(pitchRef !== undefined ? { pitchRef: pitchRef.trim() } : {}),
  };

  switch (knownKind) {
    case 'mcq': {
      const options = q.options;
      if (options === undefined) bad(line, 'pack.missing', { key: 'options' });
      else if (!Array.isArray(options) || options.length < 2 || options.length > 6) {
        bad(at(q, 'options'), 'pack.optionCount', { count: Array.isArray(options) ? options.length : 0 });
      } else {
        const texts: string[] = [];
        options.forEach((o, i) => {
          const s = asText(o);
          if (s === null) bad(itemAt(options, i), 'pack.notText', { key: 'options' });
          else if (texts.includes(s)) bad(itemAt(options, i), 'pack.optionDuplicate', { value: s });
          else texts.push(s);
        });
        question.options = texts;
        const answer = q.answer;
        const answers = Array.isArray(answer) ? answer.map(asText) : [asText(answer)];
        if (answer === undefined || answer === null) bad(line, 'pack.missing', { key: 'answer' });
        else if (answers.length === 0) bad(at(q, 'answer'), 'pack.missing', { key: 'answer' });
        else if (answers.some((a) => a === null || !texts.includes(a)))
          bad(at(q, 'answer'), 'pack.answerNotOption', {});
        else if (new Set(answers).size !== answers.length) bad(at(q, 'answer'), 'pack.answerDuplicate', {});
        else question.answers = answers as string[];
      }
      break;
    }
    case 'open': {
      const points = q.keyPoints;
      if (points === undefined) bad(line, 'pack.missing', { key: 'keyPoints' });
      else if (!Array.isArray(points) || points.length < 1 || points.length > 5) {
        bad(at(q, 'keyPoints'), 'pack.keyPointCount', { count: Array.isArray(points) ? points.length : 0 });
      } else {
        const keyPoints: KeyPoint[] = [];
        points.forEach((p, i) => {
          const where = itemAt(points, i);
          if (!isObject(p) || !isText(p.point)) return bad(where, 'pack.keyPointShape', { index: i + 1 });
          for (const k of Object.keys(p))
            if (!KEY_POINT_KEYS.includes(k)) unknownKey(k, KEY_POINT_KEYS, (key, params) => bad(at(p, k), key, params));
          const accept = phrases(p.accept, 'accept', true);
          if (!accept) return bad(at(p, 'accept'), 'pack.keyPointShape', { index: i + 1 });
          const keyPoint: KeyPoint = { point: p.point, accept };
          for (const key of ['about', 'contradicts'] as const) {
            if (p[key] === undefined || p[key] === null) continue;
            const list = phrases(p[key], key, true);
            if (list) keyPoint[key] = list;
            else bad(at(p, key), 'pack.notList', { key });
          }
          keyPoints.push(keyPoint);
        });
        question.keyPoints = keyPoints;
      }
      const wrong = q.misconceptions;
      if (wrong !== undefined && wrong !== null) {
        if (!Array.isArray(wrong)) bad(at(q, 'misconceptions'), 'pack.notList', { key: 'misconceptions' });
        else {
          const list: Misconception[] = [];
          wrong.forEach((m, i) => {
            const where = itemAt(wrong, i);
            if (!isObject(m) || !isText(m.note)) return bad(where, 'pack.misconceptionShape', { index: i + 1 });
            for (const k of Object.keys(m))
              if (k !== 'note' && k !== 'accept')
                unknownKey(k, ['note', 'accept'], (key, params) => bad(at(m, k), key, params));
            const accept = phrases(m.accept, 'accept', true);
            if (!accept) return bad(where, 'pack.misconceptionShape', { index: i + 1 });
            list.push({ note: m.note, accept });
          });
          question.misconceptions = list;
        }
      }
      const model = text('modelAnswer', true);
      if (model !== undefined) question.modelAnswer = model;
      break;
    }
    case 'flash': {
      const model = text('modelAnswer', true);
      if (model !== undefined) question.modelAnswer = model;
      break;
    }
    case 'cloze': {
      if (prompt !== undefined) {
        const blanks = prompt.split('___').length - 1;
        if (blanks !== 1 || /____/.test(prompt)) bad(at(q, 'prompt'), 'pack.clozeBlanks', { count: blanks });
      }
      const answer = asText(q.answer);
      if (q.answer === undefined || q.answer === null) bad(line, 'pack.missing', { key: 'answer' });
      else if (answer === null) bad(at(q, 'answer'), 'pack.notText', { key: 'answer' });
      const accept = q.accept === undefined || q.accept === null ? [] : phrases(q.accept, 'accept', false);
      if (accept === null) bad(at(q, 'accept'), 'pack.notList', { key: 'accept' });
      if (answer !== null) question.answers = [answer, ...(accept ?? [])];
      break;
    }
    default:
      break;
  }

  for (const [where, key, params] of problems) report(where, key, params, id);
  return problems.length ? null : question;
}

function isUrl(value: string): boolean {
  return URL_LIKE.test(value);
}
