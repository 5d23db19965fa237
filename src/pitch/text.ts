/** Text helpers shared by the pitch model, lookups and the quiz grader. */

/** Lower case without accents: "Bâle" → "bale". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** URL-safe slug: "2.3 Actions clés" → "2-3-actions-cles". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sentences of a text: split after . ! ? … ; followed by a space or a line break. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…;:])\s+(?=\S)|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
