import type { PackIssue, PackSource, Question, Topic } from './types.js';
import { parsePack, validatePack, type PackData } from './pack.js';

/** Every topic from every pack, merged, with everything wrong that was found on the way. */
export interface Bank {
  topics: Topic[];
  issues: PackIssue[];
  /** Pack files read. */
  packs: number;
}

/**
 * Parses, validates and merges packs, in the order given (bundled, then the user's, then --bank):
 * packs with the same topic merge; the first one names it; a question id may appear only once.
 */
export async function loadBank(sources: readonly PackSource[]): Promise<Bank> {
  const parsed = await Promise.all(sources.map(parsePack));
  const issues: PackIssue[] = [];
  const packs: PackData[] = [];
  for (const p of parsed) {
    const { pack, issues: found } = validatePack(p);
    issues.push(...found);
    if (pack) packs.push(pack);
  }
  return { ...mergePacks(packs, issues), packs: sources.length };
}

export function mergePacks(packs: readonly PackData[], earlier: readonly PackIssue[] = []): Omit<Bank, 'packs'> {
  const issues = [...earlier];
  const topics = new Map<string, Topic>();
  const owners = new Map<string, string>(); // question id → origin
  for (const pack of packs) {
    let topic = topics.get(pack.topic);
    if (!topic) {
      topic = { id: pack.topic, title: pack.title, aliases: [], synonyms: [], questions: [] };
      topics.set(pack.topic, topic);
    }
    topic.synonyms.push(...pack.synonyms);
    for (const q of pack.questions) {
      const owner = owners.get(q.id);
      if (owner) {
        issues.push({
          file: pack.file,
          line: lineOf(q),
          questionId: q.id,
          key: 'pack.duplicateId',
          params: { value: q.id, origin: owner },
        });
        continue;
      }
      owners.set(q.id, q.origin);
      topic.questions.push(q);
    }
  }
  // Aliases once every topic id is known, so an alias can never hide a topic.
  const names = new Map<string, string>([...topics.keys()].map((id) => [id, id]));
  for (const pack of packs) {
    const topic = topics.get(pack.topic)!;
    for (const alias of pack.aliases) {
      const taken = names.get(alias);
      if (taken === undefined) {
        names.set(alias, topic.id);
        topic.aliases.push(alias);
      } else if (taken !== topic.id) {
        issues.push({ file: pack.file, line: pack.line, key: 'pack.aliasTaken', params: { alias, topic: taken } });
      }
    }
  }
  return { topics: [...topics.values()], issues };
}

function lineOf(q: Question): number {
  const m = /:(\d+)$/.exec(q.origin);
  return m ? Number(m[1]) : 1;
}
