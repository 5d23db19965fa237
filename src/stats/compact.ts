import type { Attempt, SplitRecord } from '../rehearsal/types.js';

/**
 * Keeps of a stored attempt what statistics read, with repeated strings shared: ten thousand
 * attempts repeat the same section title and the same five split titles and keys, and JSON.parse
 * makes a new copy of each every time. Returns a function that compacts one attempt.
 */
export function createAttemptCompactor(): (attempt: Attempt) => Attempt {
  const strings = new Map<string, string>();
  const share = (text: string): string => {
    if (typeof text !== 'string') return text;
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return (a) => {
    const splits = Array.isArray(a.splits)
      ? a.splits.map(
          (s): SplitRecord => ({
            key: share(s.key),
            title: share(s.title),
            budgetSeconds: s.budgetSeconds,
            seconds: s.seconds ?? null,
            words: s.words,
            ...(s.end !== undefined ? { end: s.end } : {}),
            ...(s.at !== undefined ? { at: s.at } : {}),
          }),
        )
      : [];
    const speech =
      a.speech && typeof a.speech === 'object'
        ? {
            wordsPerMinute: a.speech.wordsPerMinute,
            longestPauseSeconds: a.speech.longestPauseSeconds,
            ...(a.speech.rangeSemitones !== undefined ? { rangeSemitones: a.speech.rangeSemitones } : {}),
            ...(a.speech.syllablesPerSecond !== undefined ? { syllablesPerSecond: a.speech.syllablesPerSecond } : {}),
          }
        : undefined;
    return {
      id: a.id,
      startedAt: a.startedAt,
      sectionId: share(a.sectionId),
      sectionTitle: share(a.sectionTitle),
      targetSeconds: a.targetSeconds,
      promptLevel: a.promptLevel,
      kind: a.kind,
      totalSeconds: a.totalSeconds,
      splits,
      words: a.words,
      // What decides whether the run counts (rehearsal/records.ts countsForRecords) and which pitch it belongs to.
      ...(a.suspect !== undefined ? { suspect: a.suspect } : {}),
      ...(a.confirmedFast ? { confirmedFast: true } : {}),
      pitchFile: a.pitchFile == null ? null : share(a.pitchFile),
      ...(speech ? { speech } : {}),
      // The latest recording is drawn by `pitch report`.
      ...(a.recording ? { recording: a.recording } : {}),
    };
  };
}
