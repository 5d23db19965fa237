import type { AppContext } from './context.js';
import type { QuizScreen } from '../runners/quiz.js';
import type { SessionItem } from '../quiz/session.js';
import type { Answer } from '../quiz/session.js';
import type { Prompts } from '../ui/prompts.js';
import {
  formatIntervals,
  formatWhen,
  renderAgain,
  renderGrade,
  renderQuestion,
  renderUndone,
} from '../ui/render/quiz.js';
import { wrapText } from '../ui/text-layout.js';

/**
 * The quiz runner's screen: questions, grades and ratings through the prompts (loading while the packs
 * load, so the first question appears sooner), the words around the session printed.
 */
export function quizScreen(
  ctx: AppContext,
  prompts: Promise<Prompts>,
  o: { titles: ReadonlyMap<string, string>; namePitch: () => Promise<void> },
): QuizScreen {
  const { t, chalk } = ctx;
  return {
    namePitch: o.namePitch,
    async offerCram(topics, next) {
      ctx.print(wrapText(nothingDue(ctx, topics, next), ctx.width()).join('\n'));
      return (await prompts).askConfirm({ message: t('quiz.cram.offer'), default: true });
    },
    declined: () => ctx.print(t('quiz.cram.declined')),
    starting: ({ cram, count, due }) =>
      cram
        ? printWrapped(ctx, t('quiz.cram.banner'), chalk.yellow)
        : printWrapped(ctx, t('quiz.start', { count, due, fresh: count - due }), chalk.dim),
    async ask(item, index, total) {
      const q = item.question;
      ctx.print(renderQuestion(item, index, total, o.titles.get(q.topic) ?? q.topic, ctx.width(), t, chalk));
      return askAnswer(ctx, await prompts, item);
    },
    showGrade: (item, grade) => ctx.print(renderGrade(item, grade, ctx.width(), t, chalk)),
    async rate(item, request, preview) {
      if (request.again) ctx.print(renderAgain(item, request.index, request.total, ctx.width(), t, chalk));
      return (await prompts).askRating({
        suggestion: request.suggestion,
        preselect: request.preselect,
        canUndo: request.canUndo,
        intervals: preview ? formatIntervals(preview.due, preview.now, t) : undefined,
        width: ctx.width(),
      });
    },
    showUndone: (item) => ctx.print(renderUndone(item, ctx.width(), t, chalk)),
  };
}

/** The prompt that fits the question: options to pick, a text to type, or a card to turn over. */
async function askAnswer(ctx: AppContext, prompts: Prompts, item: SessionItem): Promise<Answer> {
  const { t } = ctx;
  const q = item.question;
  switch (q.kind) {
    case 'mcq': {
      const options = item.shown?.options ?? q.options ?? [];
      if ((item.shown?.right.length ?? 1) > 1)
        return { kind: 'choice', chosen: await prompts.askChoices({ message: t('quiz.prompt.choices'), options }) };
      return { kind: 'choice', chosen: [await prompts.askChoice({ message: t('quiz.prompt.choice'), options })] };
    }
    case 'open':
      return { kind: 'text', text: await prompts.askAnswer({ message: t('quiz.prompt.answer'), multiline: true }) };
    case 'cloze':
      return { kind: 'text', text: await prompts.askAnswer({ message: t('quiz.prompt.blank'), multiline: false }) };
    case 'flash':
      await prompts.askReveal({ message: t('quiz.prompt.reveal') });
      return { kind: 'revealed' };
  }
}

/** Nothing due in these topics, and when the next card is (if one was ever reviewed). */
function nothingDue(ctx: AppContext, topics: string, next: string | null): string {
  return next
    ? ctx.t('quiz.cram.none', { topics, when: formatWhen(next, ctx.now(), ctx.t) })
    : ctx.t('quiz.cram.noneNoNext', { topics });
}

/** A paragraph wrapped at word boundaries, each line in `colour`. */
function printWrapped(ctx: AppContext, text: string, colour: (line: string) => string): void {
  ctx.print(
    wrapText(text, ctx.width())
      .map((line) => colour(line))
      .join('\n'),
  );
}
