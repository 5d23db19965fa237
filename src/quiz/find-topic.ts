import type { Topic } from './types.js';
import { foldText } from './match.js';
import { closestMatches } from '../core/did-you-mean.js';

// Apart from the bank's loader (bank.ts), so naming a topic does not load the pack reader.

export type TopicLookup = { kind: 'found'; topic: Topic } | { kind: 'unknown'; closest: Topic[] };

/** A topic by id or alias, ignoring case and accents; otherwise up to three close ones ("sprak" → spark). */
export function findTopic(topics: readonly Topic[], name: string): TopicLookup {
  const wanted = foldText(name.trim());
  for (const topic of topics) {
    if (topic.id === wanted || topic.aliases.includes(wanted)) return { kind: 'found', topic };
  }
  const byId = [...topics].sort((x, y) => x.id.localeCompare(y.id));
  return { kind: 'unknown', closest: closestMatches(byId, wanted, (t) => [t.id, ...t.aliases, foldText(t.title)]) };
}
