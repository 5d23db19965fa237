/**
 * The rules every open question of a bank follows, so that the grader can be trusted on it
 * (docs/grading.md): no phrasing made only of prompt words or generic words, the model answer
 * scores every key point, and the prompt read back scores nothing. Pure; run by the bank's tests.
 */
import type { Question } from './types.js';
import { compileOpen, gradeOpen } from './grade.js';
import { compilePhrase, compileSynonyms } from './match.js';
import { isEchoSlot, isGenericWord, phraseEarns, promptWords } from './echo.js';

export type RuleName = 'echo-phrase' | 'generic-phrase' | 'model-misses' | 'model-contradicts' | 'prompt-scores';

export interface RuleIssue {
  questionId: string;
  rule: RuleName;
  /** The phrasing or key point concerned. */
  detail: string;
}

/** Every rule an open question breaks (none for other kinds). */
export function checkOpenQuestion(question: Question, synonyms: readonly (readonly string[])[] = []): RuleIssue[] {
  if (question.kind !== 'open') return [];
  const issues: RuleIssue[] = [];
  const issue = (rule: RuleName, detail: string) => issues.push({ questionId: question.id, rule, detail });
  const table = compileSynonyms(synonyms);
  const prompt = promptWords(question.prompt);
  for (const k of question.keyPoints ?? []) {
    for (const text of [...k.accept, ...(k.contradicts ?? [])]) {
      const phrase = compilePhrase(text, table);
      if (phraseEarns(phrase, prompt)) continue;
      const allPrompt = phrase.slots.every((slot) => isEchoSlot(slot, prompt));
      const oneGeneric = phrase.slots.length === 1 && phrase.slots[0]![0]!.every(isGenericWord);
      issue(allPrompt || !oneGeneric ? 'echo-phrase' : 'generic-phrase', `${k.point} → "${text}"`);
    }
  }
  const compiled = compileOpen(question, synonyms);
  const slow = Number.POSITIVE_INFINITY;
  if (question.modelAnswer) {
    const model = gradeOpen(question, compiled, question.modelAnswer, slow);
    if (model.kind === 'open') {
      for (const p of model.points) {
        if (p.contradiction) issue('model-contradicts', `${p.point} ← "${p.contradiction.evidence}"`);
        else if (!p.hit) issue('model-misses', p.point);
      }
      for (const m of model.misconceptions) issue('model-contradicts', `${m.note} ← "${m.evidence ?? m.matched}"`);
    }
  }
  const echo = gradeOpen(question, compiled, question.prompt, slow);
  if (echo.kind === 'open')
    for (const p of echo.points) if (p.hit) issue('prompt-scores', `${p.point} ← "${p.evidence ?? ''}"`);
  return issues;
}
