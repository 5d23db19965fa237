import type { Pitch, Section } from './model.js';
import { DEFAULT_WPM, speakingSeconds } from './words.js';
import { sectionDuration } from './targets.js';

/** The JSON twin of `pitch sections`. */
export interface SectionSummary {
  id: string;
  number: string;
  title: string;
  level: number;
  words: number;
  estimatedSeconds: number;
  targetSeconds: number | null;
  keyTerms: string[];
  children: SectionSummary[];
}

export function summarizeSections(pitch: Pitch, wpm = DEFAULT_WPM): { file: string; sections: SectionSummary[] } {
  const toSummary = (s: Section): SectionSummary => ({
    id: s.id,
    number: s.number,
    title: s.title,
    level: s.level,
    words: s.words,
    estimatedSeconds: speakingSeconds(s.words, wpm),
    targetSeconds: sectionDuration(s),
    keyTerms: s.keyTerms.map((k) => k.term),
    children: s.children.map(toSummary),
  });
  return { file: pitch.file, sections: pitch.sections.map(toSummary) };
}
