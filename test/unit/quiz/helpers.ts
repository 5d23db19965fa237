import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackSource, Question, Topic } from '../../../src/quiz/types.js';
import { loadBank } from '../../../src/quiz/bank.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BUNDLED_DIR = join(ROOT, 'data', 'questions');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'questions');

/** The .yaml files of a directory as loader inputs, named "<dir>/<file>" like the CLI names --bank files. */
export function sourcesIn(dir: string, prefix = ''): PackSource[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: prefix + f, text: readFileSync(join(dir, f), 'utf8') }));
}

export async function fixtureBank(...dirs: string[]) {
  return loadBank(dirs.flatMap((d) => sourcesIn(join(FIXTURES, d), `${d}/`)));
}

let serial = 0;
/** A question with sensible defaults; tests override what they are about. */
export function makeQuestion(over: Partial<Question> = {}): Question {
  serial++;
  return {
    id: `q${serial}`,
    topic: 't',
    kind: 'flash',
    difficulty: 1,
    prompt: `Question ${serial}`,
    modelAnswer: 'answer',
    origin: `t.yaml:${serial}`,
    ...over,
  };
}

export function makeTopic(id: string, questions: Question[], over: Partial<Topic> = {}): Topic {
  return {
    id,
    title: id.toUpperCase(),
    aliases: [],
    synonyms: [],
    questions: questions.map((q) => ({ ...q, topic: id })),
    ...over,
  };
}

export { seededRandom as seeded } from '../../helpers/random.js';
