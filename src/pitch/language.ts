import { splitWords } from './words.js';

/** The languages a pitch can be written in, as far as pace norms go. */
export type PitchLang = 'fr' | 'en';

/**
 * Reference speaking paces for a pitch said without notes, in words a minute.
 * - French 120–160 mots/min: the band French public-speaking coaches give for speech "sans support"
 *   (coachingprisedeparole.fr, « 5 exercices simples pour parler moins vite »; felobel.be, « Maîtrisez votre débit »).
 * - English 130–170 wpm: centred on the ~150 wpm average the National Center for Voice and Speech reports for
 *   American English conversation (quoted by VirtualSpeech, "Average Speaking Rate and Words per Minute", 2022),
 *   between the 125–150 of S. E. Lucas, The Art of Public Speaking, and the 150–160 audiobook publishers ask for.
 */
export const PACE_BANDS: Readonly<Record<PitchLang, { min: number; max: number }>> = {
  fr: { min: 120, max: 160 },
  en: { min: 130, max: 170 },
};

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A YAML front matter block at the top of a Markdown file ("---\nlang: en\n---"): its raw text and the
 * Markdown after it. Only `key: value` lines are read (no YAML library on this path: it is one field).
 */
export function splitFrontMatter(markdown: string): { fields: Record<string, string>; body: string } {
  const m = FRONT_MATTER.exec(markdown);
  if (!m) return { fields: {}, body: markdown };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return { fields, body: markdown.slice(m[0].length) };
}

/** "fr", "fr-FR", "French", "français" → fr; "en", "en-GB", "English", "anglais" → en; anything else null. */
export function readPitchLang(value: string | undefined): PitchLang | null {
  const v = (value ?? '').trim().toLowerCase();
  if (/^(fr)([-_].*)?$|^fran[cç]ais$|^french$/.test(v)) return 'fr';
  if (/^(en)([-_].*)?$|^english$|^anglais$/.test(v)) return 'en';
  return null;
}

// Short function words that are frequent in one language and rare in the other.
const FR = new Set(
  'le la les des du un une et est je j nous vous il elle au aux dans pour sur avec que qui ce cette mon ma mes sont été ai'.split(
    ' ',
  ),
);
const EN = new Set(
  'the and of to is in for that with my i we it was this are have has an be at as our from by which'.split(' '),
);

/**
 * The language a text is written in, from its function words (elisions split: « j’ai » counts « j »).
 * French when unsure: it is the language of the bundled pitch and of the default interface.
 */
export function detectTextLang(text: string): PitchLang {
  let fr = 0;
  let en = 0;
  for (const word of splitWords(text.toLowerCase())) {
    for (const part of word.split(/['’]/)) {
      if (FR.has(part)) fr++;
      if (EN.has(part)) en++;
    }
  }
  return en > fr ? 'en' : 'fr';
}
