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

/** Levenshtein distance, bounded by `max` for speed (returns max + 1 when larger). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Sentences of a text: split after . ! ? … ; followed by a space or a line break. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…;:])\s+(?=\S)|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
