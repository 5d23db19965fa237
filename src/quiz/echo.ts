/**
 * Echo and generic words: what an answer can say without knowing anything. Words of the prompt
 * (read back, they prove nothing) and words that fit any technical answer ("exécution", "fait",
 * "données") never earn a point on their own. The grader drops phrasings made only of them; the
 * bank's rule test (test/unit/quiz/bank-rules.test.ts) forbids writing them.
 */
import { sameWord, tokenize, type Phrase, type Slot, type Token } from './match.js';

/**
 * Words that fit any answer on the stack: verbs of doing and having, vague nouns, and the few
 * domain words every answer uses. Folded, any form (the family is compared).
 */
export const GENERIC_WORDS: readonly string[] = (
  'faire fait font permet permettre utiliser utilise utilisation avoir etre aller peut pouvoir doit devoir ' +
  'execution executer execute chose truc element ensemble systeme processus process gerer gestion ' +
  'important bien mieux bon mauvais simple complexe probleme solution outil mode cas type niveau partie ' +
  'maniere facon temps besoin point depuis tag donnee donnees data fonctionne fonctionnement marche ' +
  'travail travailler job tache service application appli code fichier valeur resultat objet ' +
  'plus moins tres trop beaucoup tout tous toute toutes chaque autre meme aussi quand comment pourquoi ' +
  'via avec pour par sur dans entre sous vers apres avant lors selon comme ainsi alors ici la ' +
  'we you can will use used using make makes do does thing things way'
).split(' ');

let genericTokens: Token[] | null = null;
function generic(): Token[] {
  genericTokens ??= tokenize(GENERIC_WORDS.join(' '));
  return genericTokens;
}

/** The content words of a prompt, for echo checks. */
export function promptWords(prompt: string): Token[] {
  return tokenize(prompt);
}

const inList = (token: Token, list: readonly Token[]) => list.some((w) => w.stem === token.stem || sameWord(w, token));

export function isGenericWord(token: Token): boolean {
  return generic().some((w) => w.word === token.word || w.stem === token.stem);
}

/** The slot is filled by a word of the prompt (or a synonym of one): saying it proves nothing. */
export function isEchoSlot(slot: Slot, prompt: readonly Token[]): boolean {
  return slot.some((run) => run.every((t) => inList(t, prompt)));
}

/** A phrasing earns a point only if it has a word that is neither from the prompt nor generic. */
export function phraseEarns(phrase: Phrase, prompt: readonly Token[]): boolean {
  return phrase.slots.some((slot) => !isEchoSlot(slot, prompt) && !slot[0]!.every(isGenericWord));
}
