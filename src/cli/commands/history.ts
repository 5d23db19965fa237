import type { AppContext } from '../context.js';
import { usageError } from '../../core/errors.js';
import { historySpec } from '../../store/documents.js';
import { deleteRehearsal } from '../../store/history-edits.js';
import type { Store } from '../../store/store.js';
import type { Attempt } from '../../rehearsal/types.js';
import { computeRecords, normalizeAttempt, sameRun } from '../../rehearsal/records.js';
import { formatClock } from '../../pitch/duration.js';
import type { MessageKey } from '../../i18n/index.js';
import { renderHistory } from '../../ui/render/history.js';
import { formatWhen } from '../../ui/dates.js';
import { sanitizeLine } from '../../ui/sanitize.js';

export async function historyCommand(ctx: AppContext, opts: { json?: boolean }): Promise<void> {
  const store = await ctx.store();
  if (opts.json) {
    // Streamed a record at a time (a year of practice is tens of megabytes of JSON), waiting for a slow
    // reader; every rehearsal as this version reads it: kind, suspect and pitchFile are always there.
    const normalize = (list: string, record: Record<string, unknown>) =>
      list === 'rehearsals' ? normalizeAttempt(record as unknown as Attempt) : record;
    for (const chunk of store.historyJson(normalize)) if (!ctx.stdout.write(chunk)) await drained(ctx.stdout);
    return;
  }
  const history = store.read(historySpec);
  const rehearsals = history.rehearsals.map(normalizeAttempt);
  ctx.print(
    renderHistory({ ...history, rehearsals }, ctx.t, ctx.chalk, { now: ctx.now(), lang: ctx.lang, width: ctx.width() }),
  );
}

export interface HistoryEditOptions {
  yes?: boolean;
}

/** `pitch history delete ID`: one rehearsal out of history, records recomputed from what remains. */
export async function historyDeleteCommand(ctx: AppContext, id: string, opts: HistoryEditOptions): Promise<void> {
  const store = await ctx.store();
  const rehearsals = store.read(historySpec).rehearsals;
  const wanted = id.trim();
  // The full id, or a unique end of it ("3f9a"): ids are long to type.
  const matches = rehearsals.filter((a) => a.id === wanted || (wanted.length >= 4 && a.id.endsWith(wanted)));
  const exact = matches.find((a) => a.id === wanted);
  if (!exact && matches.length > 1)
    throw usageError('history.ambiguousId', { value: wanted, count: matches.length }, 'history.idHint');
  const attempt = exact ?? matches[0];
  if (!attempt) throw usageError('history.unknownId', { value: wanted }, 'history.idHint');
  await removeWithConfirmation(ctx, store, attempt, opts);
}

/** `pitch history undo`: the last rehearsal saved, out of history. */
export async function historyUndoCommand(ctx: AppContext, opts: HistoryEditOptions): Promise<void> {
  const store = await ctx.store();
  const rehearsals = store.read(historySpec).rehearsals;
  const attempt = rehearsals[rehearsals.length - 1];
  if (!attempt) throw usageError('history.nothingToUndo', {}, 'history.nothingToUndoHint');
  await removeWithConfirmation(ctx, store, attempt, opts);
}

async function removeWithConfirmation(
  ctx: AppContext,
  store: Store,
  attempt: Attempt,
  opts: HistoryEditOptions,
): Promise<void> {
  const described = describe(ctx, attempt);
  if (!opts.yes && !(await confirmDelete(ctx, described))) {
    ctx.print(ctx.t('history.kept'));
    return;
  }
  const before = recordOf(store.read(historySpec).rehearsals, attempt);
  const removed = deleteRehearsal(store, attempt.id);
  if (!removed) throw usageError('history.unknownId', { value: attempt.id }, 'history.idHint');
  if (removed.recording?.file) store.remove(removed.recording.file);
  const after = recordOf(store.read(historySpec).rehearsals, attempt);
  ctx.print(ctx.t('history.deleted', { attempt: described }));
  const line = recordLine(ctx, sanitizeLine(attempt.sectionTitle), before, after);
  if (line) ctx.print(line);
}

/** Asks before deleting; without a terminal, --yes is the only way to say yes. */
async function confirmDelete(ctx: AppContext, described: string): Promise<boolean> {
  if (!ctx.isInteractive()) throw usageError('history.needsYes', { attempt: described }, 'history.needsYesHint');
  const { createPrompts } = await import('../../ui/prompts.js');
  return createPrompts({ t: ctx.t, chalk: ctx.chalk }).askConfirm({
    message: ctx.t('history.confirmDelete', { attempt: described }),
    default: false,
  });
}

/** What became of the personal best once the attempt is gone: the same, gone, or another one. */
function recordLine(ctx: AppContext, section: string, before: number | null, after: number | null): string | null {
  const { t, chalk } = ctx;
  if (before === after) return after === null ? null : t('history.pbSame', { section, pb: formatClock(after, true) });
  if (after === null) return chalk.yellow(t('history.pbGone', { section }));
  const from = before === null ? '—' : formatClock(before, true);
  return chalk.yellow(t('history.pbChanged', { section, from, to: formatClock(after, true) }));
}

/** The personal best of the attempt's pitch, section and target in these rehearsals. */
function recordOf(rehearsals: readonly Attempt[], attempt: Attempt): number | null {
  const mine = rehearsals.filter(
    (a) =>
      sameRun(attempt.sectionId, attempt.targetSeconds)(a) && (a.pitchFile ?? null) === (attempt.pitchFile ?? null),
  );
  return computeRecords(mine, attempt.sectionId, attempt.targetSeconds, []).personalBest?.totalSeconds ?? null;
}

/** "20261126-140512-3f9a · Pitch court · hier 14:05 · 1:58.1 / 2:00 · complète". */
function describe(ctx: AppContext, a: Attempt): string {
  const n = normalizeAttempt(a);
  return [
    a.id,
    sanitizeLine(a.sectionTitle),
    formatWhen(a.startedAt, ctx.now(), ctx.lang, ctx.t),
    `${formatClock(a.totalSeconds, true)} / ${formatClock(a.targetSeconds)}`,
    ctx.t(`history.kind.${n.kind}` as MessageKey) + (n.suspect ? ` · ${ctx.t('history.suspect')}` : ''),
  ].join(' · ');
}

function drained(stream: object): Promise<void> {
  const emitter = stream as { once?: (event: string, listener: () => void) => void };
  return new Promise((resolve) => (emitter.once ? emitter.once('drain', resolve) : resolve()));
}
