import { basename, dirname, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { writeExport } from '../../store/export.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import type { InterviewRecord } from '../../interview/types.js';
import type { RecordedAttempt, RecordingView } from '../../report/view.js';
import type { VoiceTracks } from '../../audio/voice.js';
import { prepareStats, type StatsOptions } from './stats.js';
import { attemptsOf } from '../../stats/history-table.js';

export interface ReportOptions extends StatsOptions {
  out?: string;
  open?: boolean;
}

/** Width of the waveform in buckets: one per pixel of the chart is all a reader can see. */
const WAVE_BUCKETS = 700;

/** `pitch report`: the statistics, the latest recording and the interviews as one offline HTML page. */
export async function reportCommand(ctx: AppContext, opts: ReportOptions): Promise<void> {
  const { report, data, clock, sinceDay } = await prepareStats(ctx, opts);
  const [{ buildReportView }, { renderReportPage }] = await Promise.all([
    import('../../report/view.js'),
    import('../../report/html.js'),
  ]);
  const store = await ctx.store();
  const latest = data.latestRecorded;
  const inPeriod = latest && (sinceDay === null || clock.dayOf(Date.parse(latest.startedAt)) >= sinceDay);
  const wanted = latest && inPeriod && (report.filters.section === null || latest.sectionId === report.filters.section);
  const recording = wanted
    ? await recordingView(ctx, latest as RecordedAttempt, store.path(latest.recording!.file))
    : null;
  const view = buildReportView({
    stats: report,
    attempts: attemptsOf(data.attempts),
    interviews: (data.interviews ?? []).filter(isInterview),
    recording,
    clock,
    sinceDay,
  });
  const html = renderReportPage(view, { t: ctx.t, lang: ctx.lang, timeZone: report.timeZone });
  const target = resolve(opts.out?.trim() ? opts.out : 'pitch-report.html');
  writeExport(dirname(target), basename(target), html);
  const { t, chalk } = ctx;
  ctx.print(chalk.green(t('page.written', { file: sanitizeLine(target) })));
  if (opts.open) {
    const { findOpener, openWith } = await import('../../io/open.js');
    const opener = findOpener(process.platform, ctx.env);
    if (opener && (await openWith(opener, target, ctx.env))) ctx.print(t('page.opened', { tool: opener.name }));
    else ctx.warn(chalk.yellow(t('page.noOpener')));
  } else ctx.print(chalk.dim(t('page.writtenHint')));
}

function isInterview(item: unknown): item is InterviewRecord {
  const r = item as InterviewRecord | null;
  return !!r && typeof r === 'object' && typeof r.startedAt === 'string' && Array.isArray(r.answers);
}

/** The latest recording measured again from its WAV: its envelope, speech and pauses, split ends. */
async function recordingView(ctx: AppContext, attempt: RecordedAttempt, file: string): Promise<RecordingView | null> {
  try {
    const [{ readPeaks, pitchContour }, { analyzeAudioFile }, { recordingAnalysisOptions, recordingViewOf }] =
      await Promise.all([
        import('../../audio/envelope.js'),
        import('../../audio/analyze-file.js'),
        import('../../report/view.js'),
      ]);
    let tracks: VoiceTracks | null = null;
    const analysis = await analyzeAudioFile(file, recordingAnalysisOptions(attempt), ctx.env, (t) => (tracks = t));
    const { peaks, durationSeconds } = readPeaks(file, WAVE_BUCKETS);
    const track = (tracks as VoiceTracks | null)?.pitch;
    const contour = track ? pitchContour(track, durationSeconds, WAVE_BUCKETS) : null;
    return recordingViewOf(attempt, { analysis, peaks, durationSeconds, contour });
  } catch {
    // The page is still worth having without the waveform (a recording deleted or damaged since).
    ctx.warn(ctx.chalk.yellow(ctx.t('page.recordingUnreadable', { file: sanitizeLine(file) })));
    return null;
  }
}
