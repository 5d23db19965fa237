import { basename, dirname, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { writeExport } from '../../store/export.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import type { Attempt } from '../../rehearsal/types.js';
import type { InterviewRecord } from '../../interview/types.js';
import type { RecordingView } from '../../report/view.js';
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
  const recording = wanted ? await recordingView(ctx, latest, store.path(latest.recording!.file)) : null;
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
async function recordingView(ctx: AppContext, attempt: Attempt, file: string): Promise<RecordingView | null> {
  const rec = attempt.recording!;
  try {
    const [{ readPeaks, pitchContour }, { analyzeAudioFile }] = await Promise.all([
      import('../../audio/envelope.js'),
      import('../../audio/analyze-file.js'),
    ]);
    const said = attempt.splits.slice(0, rec.splitEnds.length);
    let tracks: VoiceTracks | null = null;
    const analysis = await analyzeAudioFile(
      file,
      {
        scriptWords: said.reduce((n, s) => n + s.words, 0),
        splitEnds: rec.splitEnds,
        splitWords: said.map((s) => s.words),
        splitTitles: said.map((s) => s.title),
        clockStart: rec.clockStart,
      },
      ctx.env,
      (t) => (tracks = t),
    );
    const { peaks, durationSeconds } = readPeaks(file, WAVE_BUCKETS);
    const pitch = analysis.pitch;
    return {
      at: attempt.startedAt,
      sectionTitle: attempt.sectionTitle,
      file: rec.file,
      durationSeconds,
      speechSeconds: analysis.speechSeconds,
      peaks,
      segments: analysis.segments.map(({ start, end }) => ({ start, end })),
      pauses: analysis.pauses.map(({ start, end }) => ({ start, end })),
      marks: rec.splitEnds.map((at, i) => ({ at, label: said[i]?.title ?? String(i + 1) })),
      wordsPerMinute: analysis.wordsPerMinute,
      longestPauseSeconds: analysis.longestPauseSeconds,
      splits: (analysis.splits ?? []).map((s, i) => ({
        title: said[i]?.title ?? String(i + 1),
        seconds: Math.round(s.durationSeconds * 10) / 10,
        wordsPerMinute: s.wordsPerMinute,
        syllablesPerSecond: s.syllablesPerSecond ?? null,
      })),
      syllablesPerSecond: analysis.syllablesPerSecond,
      intonation:
        tracks && pitch?.medianHz
          ? {
              contour: pitchContour((tracks as VoiceTracks).pitch, durationSeconds, WAVE_BUCKETS),
              medianHz: pitch.medianHz,
              rangeSemitones: pitch.rangeSemitones,
              monotoneStretches: pitch.monotoneStretches.map(({ start, end }) => ({ start, end })),
            }
          : null,
    };
  } catch {
    // The page is still worth having without the waveform (a recording deleted or damaged since).
    ctx.warn(ctx.chalk.yellow(ctx.t('page.recordingUnreadable', { file: sanitizeLine(file) })));
    return null;
  }
}
