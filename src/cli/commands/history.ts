import type { AppContext } from '../context.js';
import { historySpec } from '../../store/documents.js';
import { renderHistory } from '../../ui/render/history.js';

export async function historyCommand(ctx: AppContext, opts: { json?: boolean }): Promise<void> {
  const store = await ctx.store();
  const history = store.read(historySpec);
  if (opts.json)
    ctx.print(
      JSON.stringify(
        { rehearsals: history.rehearsals, quizzes: history.quizzes, interviews: history.interviews },
        null,
        2,
      ),
    );
  else ctx.print(renderHistory(history, ctx.t, ctx.chalk));
}
