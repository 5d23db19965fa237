import type { AppContext } from '../context.js';
import { PitchError, usageError } from '../../core/errors.js';
import { readTextInput } from '../../io/input.js';
import { readStdinText, MAX_STDIN_BYTES } from '../../io/stdin.js';
import { auditAnswer, gradable, type GradeReport } from '../../quiz/audit.js';
import { PITCH_TOPIC } from '../../quiz/types.js';
import type { Question, Topic } from '../../quiz/types.js';
import { renderGradeAudit } from '../../ui/render/grade.js';
import { loadPitchTopic, loadQuestionBank } from '../question-bank.js';

export interface GradeOptions {
  json?: boolean;
  batch?: string;
  bank?: string;
  topic?: string;
  file?: string;
}

/** Finds questions by id among the packs, and among the pitch's cards when asked or when the id is one. */
async function questionFinder(ctx: AppContext, opts: GradeOptions) {
  const bank = await loadQuestionBank(ctx, { bank: opts.bank, quiet: true });
  const byId = new Map<string, { question: Question; topic: Topic }>();
  const add = (topic: Topic) => {
    for (const question of topic.questions) if (!byId.has(question.id)) byId.set(question.id, { question, topic });
  };
  bank.topics.forEach(add);
  const wantsPitch = (opts.topic ?? '').split(',').some((name) => name.trim().toLowerCase() === PITCH_TOPIC);
  let pitchLoaded = false;
  return async (id: string) => {
    if (!byId.has(id) && !pitchLoaded && (wantsPitch || id.startsWith(`${PITCH_TOPIC}-`))) {
      pitchLoaded = true;
      add(await loadPitchTopic(ctx, opts.file));
    }
    return byId.get(id);
  };
}

/** `pitch grade ID [ANSWER]` and `pitch grade --batch FILE|-`. */
export async function gradeCommand(
  ctx: AppContext,
  id: string | undefined,
  words: readonly string[],
  opts: GradeOptions,
): Promise<void> {
  if (opts.batch !== undefined) {
    if (id !== undefined) throw usageError('grade.batchWithArgs', {}, 'grade.batchHint');
    return gradeBatch(ctx, opts);
  }
  if (!id) throw usageError('grade.missingId', {}, 'grade.idHint');
  const find = await questionFinder(ctx, opts);
  const found = await find(id);
  if (!found) throw usageError('grade.unknownId', { id }, 'grade.unknownIdHint');
  if (!gradable(found.question))
    throw usageError('grade.notGradable', { id, kind: found.question.kind }, 'grade.unknownIdHint');
  let answer = words.join(' ');
  if (!words.length) {
    if (ctx.stdin.isTTY) throw usageError('grade.noAnswer', {}, 'grade.noAnswerHint', { id });
    answer = await readStdinText(ctx.stdin);
  }
  const audit = auditAnswer(found.question, found.topic.synonyms, answer);
  ctx.print(
    opts.json ? JSON.stringify(audit.report, null, 2) : renderGradeAudit(audit, answer, ctx.width(), ctx.t, ctx.chalk),
  );
}

type BatchLine = GradeReport | { questionId: string; error: string } | { line: number; error: string };

async function gradeBatch(ctx: AppContext, opts: GradeOptions): Promise<void> {
  const text =
    opts.batch === '-' ? await readStdinText(ctx.stdin) : readTextInput(opts.batch as string, MAX_STDIN_BYTES);
  const find = await questionFinder(ctx, opts);
  const { t } = ctx;
  let failed = 0;
  let total = 0;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    total++;
    const out = await gradeLine(raw, index + 1);
    if ('error' in out) failed++;
    ctx.print(JSON.stringify(out));
  }

  async function gradeLine(raw: string, line: number): Promise<BatchLine> {
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      return { line, error: t('grade.batchLine') };
    }
    const record = input as { questionId?: unknown; answer?: unknown } | null;
    if (!record || typeof record !== 'object' || typeof record.questionId !== 'string')
      return { line, error: t('grade.batchLine') };
    const questionId = record.questionId;
    const answer = typeof record.answer === 'string' ? record.answer : '';
    const found = await find(questionId);
    if (!found) return { questionId, error: t('grade.batchUnknown') };
    if (!gradable(found.question))
      return { questionId, error: t('grade.batchNotGradable', { kind: found.question.kind }) };
    return auditAnswer(found.question, found.topic.synonyms, answer).report;
  }

  if (failed) throw new PitchError('usage', 'grade.batchFailed', { count: failed, total }, 'grade.batchHint');
}
