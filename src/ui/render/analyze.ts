import type { ChalkInstance } from 'chalk';
import type { Lang, MessageKey, Translate } from '../../i18n/index.js';
import type { RecordingAnalysis } from '../../audio/analyze-file.js';
import type { SpeechAnalysis, SplitSpeech } from '../../audio/metrics.js';
import type { SpeechWithVoice } from '../../audio/voice.js';
import { adviseVoice } from '../../audio/voice.js';
import { formatClock } from '../../pitch/duration.js';
import { formatDecimal } from '../numbers.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, padStart, truncate, visibleWidth, wrapText } from '../text-layout.js';

/** What `pitch analyze` shows besides the analysis itself. */
export interface AnalyzeView {
  file: string;
  section: { number: string; title: string; words: number } | null;
  /** Set when split times came from a recorded rehearsal in the history. */
  attemptDate: string | null;
}

/** Seconds as people read them: "0,4 s", "12,3 s", "1:05". */
export function formatSeconds(seconds: number, lang: Lang): string {
  if (seconds >= 60) return formatClock(seconds);
  return `${formatDecimal(seconds, lang, 1)} s`;
}

const number = (x: number, lang: Lang, digits: 0 | 1 = 0) => formatDecimal(x, lang, digits, true);

/** The human report of `pitch analyze` (its JSON twin is the RecordingAnalysis itself, plus file and section). */
export function renderAnalysis(
  analysis: RecordingAnalysis,
  view: AnalyzeView,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
  lang: Lang,
): string {
  const lines: string[] = [];
  const src = analysis.source;
  const format =
    src.reader === 'ffmpeg'
      ? t('analyze.formatFfmpeg')
      : t('analyze.formatWav', {
          rate: src.sampleRate,
          channels:
            src.channels === 1
              ? t('analyze.mono')
              : src.channels === 2
                ? t('analyze.stereo')
                : t('analyze.channels', { n: src.channels ?? '?' }),
          bits: src.bitsPerSample ?? '?',
          float: src.encoding === 'float' ? t('analyze.float') : '',
        });
  lines.push(
    ...fitPieces(
      '',
      [chalk.bold(t('analyze.title', { file: sanitizeLine(view.file) })), chalk.dim(`(${format})`)],
      width,
    ),
  );
  const note = (text: string, paint: (s: string) => string) =>
    lines.push(...wrapText(text, width).map((l) => paint(l)));
  if (view.section) {
    note(
      t('analyze.section', {
        number: view.section.number || '—',
        title: sanitizeLine(view.section.title),
        words: view.section.words,
      }),
      chalk.dim,
    );
  }
  if (view.attemptDate) note(t('analyze.fromHistory', { date: view.attemptDate }), chalk.dim);
  if (src.sizeRepaired)
    note(t('analyze.repaired', { time: formatSeconds(analysis.durationSeconds, lang) }), chalk.yellow);
  if (analysis.clippedFraction > 0.001) {
    note(
      t('analyze.clipped', {
        percent: number(analysis.clippedFraction * 100, lang, 1),
      }),
      chalk.yellow,
    );
  }
  lines.push('');

  lines.push(...renderSpeechLines(analysis, t, chalk, lang, width));
  if (analysis.noSpeech) return lines.join('\n');

  lines.push('', chalk.bold(t('analyze.timeline')));
  lines.push(...renderTimeline(analysis, Math.max(20, width - 2), chalk).map((l) => `  ${l}`));
  lines.push(...wrapText(t('analyze.timelineLegend'), width, '  ').map((l) => chalk.dim(l)));

  if (analysis.splits?.length) lines.push('', ...renderSplits(analysis.splits, analysis, width, t, chalk, lang));
  return lines.join('\n');
}

/** Width of the label column shared by the speech and voice lines. */
const LABEL = 13;

/**
 * The figures alone (duration, speech, pace, pauses), one per line: what `pitch analyze` shows first
 * and what the rehearse summary shows for a recorded attempt.
 */
export function renderSpeechLines(
  analysis: SpeechAnalysis | SpeechWithVoice,
  t: Translate,
  chalk: ChalkInstance,
  lang: Lang,
  width = 80,
): string[] {
  const row = (key: MessageKey, pieces: string[]) => fitPieces(padEnd(t(key), LABEL), pieces, width);
  const lines = row('analyze.duration', [formatClock(analysis.durationSeconds, true)]);
  if (analysis.noSpeech) {
    return [
      ...lines,
      '',
      ...wrapText(t('analyze.noSpeech'), width).map((l) => chalk.yellow.bold(l)),
      ...wrapText(t('analyze.noSpeechHint'), width).map((l) => chalk.dim(l)),
    ];
  }
  lines.push(
    ...row('analyze.speech', [
      t('analyze.speechValue', {
        time: formatClock(analysis.speechSeconds, true),
        percent: Math.round(analysis.speechRatio * 100),
      }),
    ]),
    ...row('analyze.pace', paceText(analysis, t, chalk, lang)),
  );
  if (analysis.speakingWordsPerMinute !== null) {
    lines.push(
      ...row('analyze.speakingPace', [t('analyze.paceValue', { wpm: number(analysis.speakingWordsPerMinute, lang) })]),
    );
  }
  lines.push(...row('analyze.pauses', pausesText(analysis, t, lang)));
  // A hard room is said plainly rather than hidden behind precise-looking figures.
  for (const warning of analysis.room?.warnings ?? []) {
    const text =
      warning === 'reverberant'
        ? t('analyze.roomReverberant', {
            seconds: number(analysis.room?.reverberationSeconds ?? 0, lang, 1),
          })
        : warning === 'voices'
          ? t('analyze.roomVoices')
          : t('analyze.roomNoisy', { db: number(analysis.room?.snrDb ?? 0, lang, 0) });
    lines.push(...wrapText(text, width).map((l) => chalk.yellow(l)));
  }
  if ('pitch' in analysis) lines.push(...renderVoiceLines(analysis, t, chalk, lang, width));
  return lines;
}

const decimal = (x: number, lang: Lang, digits: 0 | 1 = 1) => formatDecimal(x, lang, digits);

/**
 * Intonation, rhythm and loudness, each a line of figures and a line of advice (✓ when there is
 * nothing to change), in the layout of renderSpeechLines.
 */
export function renderVoiceLines(
  a: SpeechWithVoice,
  t: Translate,
  chalk: ChalkInstance,
  lang: Lang,
  width = 80,
): string[] {
  const indent = ' '.repeat(LABEL);
  const row = (key: MessageKey, text: string) =>
    wrapText(text, Math.max(20, width - LABEL)).map((l, i) => (i ? indent : padEnd(t(key), LABEL)) + l);
  const advice = (good: boolean, text: string) =>
    wrapText(`${good ? '✓' : '→'} ${text}`, Math.max(20, width - LABEL)).map(
      (l) => indent + (good ? chalk.green(l) : chalk.yellow(l)),
    );
  const advised = adviseVoice(a);
  const lines: string[] = [];

  const p = a.pitch;
  lines.push(
    ...row(
      'analyze.intonation',
      p.medianHz === null || p.rangeSemitones === null
        ? t('analyze.pitchUnknown')
        : t('analyze.pitchValue', { hz: number(p.medianHz, lang), range: decimal(p.rangeSemitones, lang) }),
    ),
  );
  if (advised.intonation.kind === 'monotone') {
    const { splits, stretches } = advised.intonation;
    const where =
      splits.length === 1
        ? t('analyze.where.split', { n: splits[0]! })
        : splits.length > 1
          ? t('analyze.where.splits', { list: splits.join(', ') })
          : stretches
              .slice(0, 3)
              .map((s) => t('analyze.where.times', { from: formatClock(s.start), to: formatClock(s.end) }))
              .join(', ');
    lines.push(...advice(false, t('analyze.advice.monotoneAt', { where })));
  } else if (advised.intonation.kind === 'lively') lines.push(...advice(true, t('analyze.advice.lively')));

  lines.push(
    ...row(
      'analyze.rhythm',
      a.syllablesPerSecond === null || a.articulationRate === null
        ? t('analyze.rhythmUnknown')
        : t('analyze.rhythmValue', {
            rate: decimal(a.syllablesPerSecond, lang),
            articulation: decimal(a.articulationRate, lang),
          }),
    ),
  );
  const r = advised.rhythm;
  if (r.kind === 'departed') {
    const diff = `${r.check.differencePercent > 0 ? '+' : '−'}${number(Math.abs(r.check.differencePercent), lang)} %`;
    lines.push(
      ...advice(
        false,
        t('analyze.advice.departed', { measured: r.check.measuredSyllables, script: r.check.scriptSyllables, diff }),
      ),
    );
  } else if (r.kind === 'fast') lines.push(...advice(false, t('analyze.advice.fast')));
  else if (r.kind === 'steady') lines.push(...advice(true, t('analyze.advice.steadyRhythm')));

  const l = a.loudness;
  lines.push(
    ...row(
      'analyze.loudness',
      l.fadingEndings === null
        ? t('analyze.loudnessUnknown')
        : t('analyze.loudnessValue', {
            n: l.fadingCount,
            total: l.sentences.length,
            percent: Math.round(l.fadingEndings * 100),
          }),
    ),
  );
  if (advised.loudness.kind === 'fading') lines.push(...advice(false, t('analyze.advice.fading')));
  else if (advised.loudness.kind === 'steady') lines.push(...advice(true, t('analyze.advice.steadyLoudness')));
  return lines;
}

/** Pieces after a label, as many per line as fit, the next lines indented under the first piece. */
function fitPieces(label: string, pieces: string[], width: number): string[] {
  const indent = ' '.repeat(visibleWidth(label));
  const lines: string[] = [];
  let line = label;
  let empty = true;
  for (const piece of pieces) {
    if (!empty && visibleWidth(line) + 2 + visibleWidth(piece) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : '  ') + piece;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function paceText(a: SpeechAnalysis, t: Translate, chalk: ChalkInstance, lang: Lang): string[] {
  if (a.wordsPerMinute === null || !a.spokenSpan) return [chalk.dim(t('analyze.noScript'))];
  const value = t('analyze.paceValue', { wpm: number(a.wordsPerMinute, lang) });
  const span = chalk.dim(
    `(${t('analyze.paceSpan', { span: formatClock(a.spokenSpan.end - a.spokenSpan.start, true) })})`,
  );
  return [
    chalk.bold(value),
    chalk.dim(`(${t('analyze.estimated')})`),
    span,
    verdictText(a.verdict, a.paceBand, t, chalk),
  ].filter(Boolean);
}

function verdictText(
  verdict: SpeechAnalysis['verdict'],
  band: { min: number; max: number },
  t: Translate,
  chalk: ChalkInstance,
): string {
  if (!verdict) return '';
  const text = t(`analyze.verdict.${verdict}`, band);
  return verdict === 'good' ? chalk.green(`✓ ${text}`) : chalk.yellow(`${verdict === 'slow' ? '↓' : '↑'} ${text}`);
}

function pausesText(a: SpeechAnalysis, t: Translate, lang: Lang): string[] {
  if (!a.pauses.length) return [t('analyze.noPause')];
  const counts = t('analyze.pauseCounts', {
    short: a.pauseCounts.atLeast300ms,
    long: a.pauseCounts.atLeast1s,
    veryLong: a.pauseCounts.atLeast2500ms,
  });
  const longest = a.pauses.reduce((best, p) => (p.end - p.start > best.end - best.start ? p : best));
  return [
    `${counts} ·`,
    t('analyze.longest', { seconds: formatSeconds(a.longestPauseSeconds, lang), at: formatClock(longest.start) }),
  ];
}

/**
 * One character per slice of time: █ where speech covers most of the slice, ─ elsewhere, pauses of
 * 1 s and more tinted, then a scale line with the start and end times.
 */
export function renderTimeline(a: SpeechAnalysis, width: number, chalk: ChalkInstance): string[] {
  const columns = Math.max(1, width);
  const slice = a.durationSeconds / columns;
  if (slice <= 0) return [];
  const cells: string[] = [];
  let s = 0;
  let p = 0;
  for (let c = 0; c < columns; c++) {
    const from = c * slice;
    const to = from + slice;
    let speech = 0;
    while (s < a.segments.length && a.segments[s]!.end <= from) s++;
    for (let k = s; k < a.segments.length && a.segments[k]!.start < to; k++) {
      speech += Math.max(0, Math.min(to, a.segments[k]!.end) - Math.max(from, a.segments[k]!.start));
    }
    while (p < a.pauses.length && a.pauses[p]!.end <= from) p++;
    const pause = a.pauses[p] && a.pauses[p]!.start < to ? a.pauses[p]! : null;
    const length = pause ? pause.end - pause.start : 0;
    if (speech >= slice / 2) cells.push('█');
    else if (length >= 2.5) cells.push(chalk.red('─'));
    else if (length >= 1) cells.push(chalk.yellow('─'));
    else cells.push(chalk.dim('─'));
  }
  const end = formatClock(a.durationSeconds);
  const scale = '0:00' + ' '.repeat(Math.max(1, columns - 4 - end.length)) + end;
  return [cells.join(''), chalk.dim(scale)];
}

const SPARKS = '▁▂▃▄▅▆▇█';

export function renderSplits(
  splits: SplitSpeech[],
  a: SpeechAnalysis,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
  lang: Lang,
): string[] {
  // Narrow terminals drop the pause columns before squeezing the titles.
  const wide = width >= 72;
  const fixed = 4 + 2 + 7 + 2 + 7 + 2 + (wide ? 7 + 2 + 7 + 2 : 0) + 7;
  const titleW = Math.max(8, Math.min(40, width - fixed));
  const cells = (
    n: string,
    title: string,
    time: string,
    speech: string,
    pauses: string,
    longest: string,
    pace: string,
  ) =>
    padEnd(n, 4) +
    '  ' +
    padEnd(title, titleW) +
    '  ' +
    padStart(time, 7) +
    '  ' +
    padStart(speech, 7) +
    '  ' +
    (wide ? padStart(pauses, 7) + '  ' + padStart(longest, 7) + '  ' : '') +
    pace;
  const header = cells(
    t('analyze.header.number'),
    t('analyze.header.split'),
    t('analyze.header.duration'),
    t('analyze.header.speech'),
    t('analyze.header.pauses'),
    t('analyze.header.longest'),
    t('analyze.header.pace'),
  );
  const lines = [chalk.bold(t('analyze.splits')), chalk.dim(header)];
  for (const s of splits) {
    const title = truncate(sanitizeLine(s.title ?? t('analyze.splitUntitled', { n: s.index + 1 })), titleW);
    const pace =
      s.wordsPerMinute === null
        ? chalk.dim('—')
        : (s.verdict === 'good' ? chalk.green : chalk.yellow)(
            `${number(s.wordsPerMinute, lang)}${s.verdict === 'good' ? ' ✓' : s.verdict === 'slow' ? ' ↓' : ' ↑'}`,
          );
    lines.push(
      cells(
        String(s.index + 1),
        title,
        formatClock(s.durationSeconds, true),
        `${Math.round(s.speechRatio * 100)} %`,
        String(s.pauseCounts.atLeast300ms),
        s.longestPauseSeconds ? formatSeconds(s.longestPauseSeconds, lang) : '—',
        pace,
      ),
    );
  }
  const paces = (a.paceOverTime ?? []).map((p) => p.wordsPerMinute).filter((w): w is number => w !== null);
  if (paces.length >= 2) {
    const lo = Math.min(...paces);
    const hi = Math.max(...paces);
    const spark = paces
      .map((w) => SPARKS[hi === lo ? 3 : Math.round(((w - lo) / (hi - lo)) * (SPARKS.length - 1))])
      .join('');
    lines.push(
      '',
      ...wrapText(
        t('analyze.paceOverTime', { spark, from: number(paces[0]!, lang), to: number(paces[paces.length - 1]!, lang) }),
        width,
      ),
    );
  }
  return lines;
}
