import type { Inline } from '../pitch/model.js';
import { openingWords } from '../pitch/words.js';
import { keyTermsOf } from '../pitch/parse.js';
import type { PromptLevel } from './prompt-levels.js';

export type { PromptLevel } from './prompt-levels.js';

/** One paragraph or list item of a split, as the cue generator sees it. */
export interface CueUnit {
  inlines: Inline[];
  text: string;
  /** True for list items (their first words are cues). */
  item: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:(?:['’‑‐-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/**
 * The first letter of each word with punctuation kept — the first-letter memory technique:
 * "Bonjour, je m’appelle Ibrahim." → "B, j m I."
 */
export function initials(text: string): string {
  return text.replace(WORD, (w) => w[0]!);
}

/** Lines to show for a split at a prompt level (empty at "none": only the split title is shown). */
export function cueLines(units: readonly CueUnit[], level: PromptLevel, firstWords = 3): string[] {
  switch (level) {
    case 'full':
      return units.map((u) => (u.item ? `• ${u.text}` : u.text));
    case 'initials':
      return units.map((u) => (u.item ? `• ${initials(u.text)}` : initials(u.text)));
    case 'none':
      return [];
    case 'cues':
      return units.map((u) => {
        const opening = openingWords(u.text, firstWords);
        const terms = keyTermsOf([{ kind: 'paragraph', inlines: u.inlines, text: u.text, words: 0 }])
          .map((k) => k.term)
          .filter((term) => !opening.includes(term));
        return (u.item ? '• ' : '') + [opening, ...terms].join(' · ');
      });
  }
}
