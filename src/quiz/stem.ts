/**
 * Word families for the grader: the Snowball French stemmer (snowball-stemmers, ISC) does the real
 * work; two small additions cover what a suffix stripper cannot (docs/grading.md gives the figures):
 * irregular verbs whose forms share no stem (mettre / mise / mis), and stems that differ only by a
 * derivational tail Snowball leaves on (redémarr- / redémarrag-, partit- / partition-).
 */
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}

let french: Stemmer | null = null;
function stemmer(): Stemmer {
  // CommonJS (UMD) package: required, and only on first use, so commands that never grade never load it.
  if (!french) {
    const require = createRequire(import.meta.url);
    const { newStemmer } = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };
    french = newStemmer('french');
  }
  return french;
}

/**
 * Forms of irregular verbs that share no stem with their infinitive or their noun, mapped to one key.
 * Folded (no accents), lower case. Only verbs whose forms show up in spoken technical answers.
 */
const IRREGULAR = new Map<string, string>();
for (const [key, forms] of [
  ['mettr', 'mettre met mets mettent mettons mettez mis mise mises mettait mettant'],
  ['remettr', 'remettre remet remets remettent remis remise remises'],
  ['prendr', 'prendre prend prends prennent prenons pris prise prises prenait prenant'],
  ['reprendr', 'reprendre reprend reprennent repris reprise reprises'],
  ['refair', 'refaire refait refont refais refaisait'],
  ['ecrir', 'ecrire ecrit ecrits ecrite ecrites ecrivent ecrivait ecriture ecritures'],
  ['lir', 'lire lit lisent lisait lu lus lue lues lecture lectures'],
] as const)
  for (const form of forms.split(' ')) IRREGULAR.set(form, key);

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The family key of a folded, lower-case word. Numbers and short words are their own key. */
export function stemWord(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.length <= 2 || /\d/.test(word)) return word;
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = stemmer().stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** Shortest stem that may join a longer one by a derivational tail. */
export const FAMILY_MIN_STEM = 5;
/** Longest tail Snowball may leave between two members of one family (-ag, -ion, -eur). */
export const FAMILY_MAX_TAIL = 3;

/** One stem extends the other by a short tail: redemarr / redemarrag, execu / execut. */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= FAMILY_MIN_STEM && long.length - short.length <= FAMILY_MAX_TAIL && long.startsWith(short);
}
