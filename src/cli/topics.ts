import { usageError } from '../core/errors.js';
import { findTopic } from '../quiz/find-topic.js';
import type { Topic } from '../quiz/types.js';

/** "spark, k8s" → ['spark', 'k8s']: the names of a --topic/--topics value, empty ones dropped. */
export function topicNames(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/**
 * The one topic resolver of quiz, stats and interview: each name of a --topic/--topics value → a topic id,
 * by id or alias with case and accents ignored, in the order named, each once. A name no topic answers to
 * is a usage error naming the closest topics — unless `otherwise(name)` accepts it (stats: a topic whose
 * pack is gone but whose reviews remain).
 */
export function resolveTopicIds(
  topics: readonly Topic[],
  names: readonly string[],
  otherwise: (name: string) => string | null = () => null,
): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const found = findTopic(topics, name);
    const id = found.kind === 'found' ? found.topic.id : otherwise(name);
    if (id === null) {
      const closest = found.kind === 'unknown' ? found.closest : [];
      if (!closest.length) throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicNoClose');
      throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicHint', {
        list: closest.map((c) => c.id).join(', '),
      });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
