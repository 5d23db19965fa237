import type { ChalkInstance } from 'chalk';
import type { Lang, MessageKey, Translate } from '../../i18n/index.js';
import type { QuizStats, RehearsalStats, SectionStats, SpeechStats, StatsReport } from '../../stats/types.js';
import { runSeries, type Series, speechSeries } from '../../stats/rehearsals.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, padStart, truncate, visibleWidth, wrapText } from '../text-layout.js';
import { renderLineChart } from './chart-line.js';
import { renderHeatmap } from './chart-heatmap.js';
import { renderBar, renderStackedBar } from './chart-bars.js';
import { intlStatsFormat, type StatsFormat } from '../stats-format.js';

export interface StatsRenderContext {
  width: number;
  lang: Lang;
  t: Translate;
  chalk: ChalkInstance;
  /** How numbers and dates are written; Intl's formatters when not given. */
  format?: StatsFormat;
}

/** Sections (and targets) drawn in full; the rest are named in one line (--section shows any). */
const MAX_SECTIONS = 3;
const INDENT = '  ';

/** Formatting shared by every part: numbers, dates and durations in the user's language. */
class Style {
  readonly width: number;
  readonly lang: Lang;
  /** "2026": dates of another year show it. */
  private readonly year: string;
  readonly t: Translate;
  readonly chalk: ChalkInstance;
  readonly format: StatsFormat;

  constructor(c: StatsRenderContext, today: string) {
    this.width = c.width;
    this.year = today.slice(0, 4);
    this.lang = c.lang;
    this.t = c.t;
    this.chalk = c.chalk;
    this.format = c.format ?? intlStatsFormat(c.lang);
  }

  int = (n: number): string => this.format.int(n);
  dec = (n: number): string => this.format.dec(n);
  percent = (share: number): string => this.t('stats.percent', { value: Math.round(share * 100) });
  clock = (seconds: number): string => formatClock(seconds, true);
  /** "+0:06.5", "−0:03.0". */
  signed = (seconds: number): string =>
    `${seconds > 0 ? '+' : seconds < 0 ? '−' : '±'}${formatClock(Math.abs(seconds), true)}`;
  /** "12 oct.", or "12 oct. 2025" for another year than this one. */
  date = (day: string): string =>
    (day.startsWith(this.year) ? this.format.shortDate : this.format.longDate)(
      new Date(`${day.slice(0, 10)}T00:00:00Z`),
    );
  weekdayDate = (day: string): string => this.format.weekdayDay(new Date(`${day}T00:00:00Z`));

  /** A plain-text line cut to the width (indent included). */
  fit = (text: string, indent = INDENT): string =>
    indent + truncate(text, Math.max(10, this.width - visibleWidth(indent)));

  /** Parts joined with " · ", starting a new line when the next part would not fit. */
  pack(parts: readonly string[], indent = INDENT): string[] {
    const lines: string[] = [];
    let line = '';
    const limit = this.width - visibleWidth(indent);
    for (const part of parts.filter(Boolean)) {
      if (line && visibleWidth(line) + 3 + visibleWidth(part) > limit) {
        lines.push(indent + line);
        line = part;
      } else line = line ? `${line} · ${part}` : part;
    }
    if (line) lines.push(indent + truncate(line, Math.max(10, limit)));
    return lines;
  }

  heading(title: string, rest = ''): string {
    const text = rest ? `${title} · ${rest}` : title;
    const cut = truncate(text, this.width);
    return this.chalk.bold(cut.slice(0, title.length)) + cut.slice(title.length);
  }

  /** The one line a part without data is reduced to: "Voix : aucun essai enregistré — …". */
  empty(title: string, message: string): string {
    const text = truncate(`${title}${this.t('punct.colon')}${message}`, this.width);
    return this.chalk.bold(text.slice(0, title.length)) + text.slice(title.length);
  }
}

/** The text of `pitch stats`: one block per part (rehearsals, voice, quiz), each fitting `width` columns. */
export function renderStats(report: StatsReport, c: StatsRenderContext): string {
  const s = new Style(c, report.today);
  const blocks: string[][] = [];
  if (report.filters.since)
    blocks.push([c.chalk.dim(s.fit(c.t('stats.period', { date: s.date(report.filters.since) }), ''))]);
  const period = report.filters.since ? c.t('stats.periodSuffix', { date: s.date(report.filters.since) }) : '';
  if (report.rehearsals) blocks.push(renderRehearsals(report.rehearsals, s, period));
  if (report.speech) blocks.push(renderSpeech(report.speech, s, period));
  if (report.quiz) blocks.push(renderQuiz(report.quiz, s, period, report.today));
  // Shown once there are some: the mock interview is a feature of its own, with its own report.
  if (report.interviews?.count)
    blocks.push([s.heading(c.t('stats.interviews', { count: s.int(report.interviews.count) }))]);
  return blocks.map((b) => b.join('\n')).join('\n\n');
}

// ---------------------------------------------------------------- rehearsals

function renderRehearsals(r: RehearsalStats, s: Style, period: string): string[] {
  const { t } = s;
  if (!r.count) return [s.empty(t('stats.rehearsals.title'), t('stats.rehearsals.empty', { period }))];
  const lines = [s.chalk.bold(t('stats.rehearsals.title'))];
  lines.push(
    ...s.pack([
      t('stats.rehearsals.counts', {
        count: s.int(r.count),
        completed: s.int(r.completed),
        practice: s.int(r.practice),
        stopped: s.int(r.incomplete + r.aborted),
      }),
      r.suspect ? t('stats.rehearsals.suspect', { count: s.int(r.suspect) }) : '',
      t('stats.rehearsals.days', { days: s.int(r.days) }),
      t('stats.streak', { current: r.streak.current, longest: r.streak.longest }),
    ]),
  );
  // Two pitch files may share a section id: name the pitch when there is more than one.
  for (const section of r.sections.slice(0, MAX_SECTIONS))
    lines.push('', ...renderSection(section, s, r.pitchFiles > 1));
  if (r.sections.length > MAX_SECTIONS)
    lines.push('', s.chalk.dim(s.fit(t('stats.moreSections', { count: r.sections.length - MAX_SECTIONS }))));
  return lines;
}

function chartSize(width: number): { width: number; height: number } {
  return { width: Math.min(width - INDENT.length, 140), height: width >= 110 ? 10 : 8 };
}

function renderSection(sec: SectionStats, s: Style, namePitch: boolean): string[] {
  const { t, chalk } = s;
  const target = formatClock(sec.targetSeconds);
  const head = t('stats.section.title', { title: sanitizeLine(sec.title), target });
  const counts = t('stats.section.counts', { count: s.int(sec.count), completed: s.int(sec.completed) });
  const lines = [chalk.bold(s.fit(`${head} · ${counts}`))];
  if (namePitch)
    lines.push(
      chalk.dim(
        s.fit(
          sec.pitchFile === null
            ? t('stats.section.pitchUnknown')
            : t('stats.section.pitch', { file: sanitizeLine(sec.pitchFile) }),
        ),
      ),
    );

  const runs = runSeries(sec);
  if (runs.values.length) {
    const chart = renderLineChart({
      values: runs.values,
      references: [{ value: sec.targetSeconds }],
      ...chartSize(s.width),
      formatValue: (v) => formatClock(v),
      xLabels: { left: s.date(runs.first), right: runs.values.length === 1 ? '' : s.date(runs.last) },
      chalk,
    });
    lines.push(...chart.lines.map((l) => INDENT + l));
    const legend = [
      `${chalk.cyan('──')} ${t('stats.chart.total')}`,
      `${chalk.dim('┄┄')} ${t('stats.chart.target', { target })}`,
      chart.perColumn > 1 ? chalk.dim(t('stats.chart.averaged', { n: s.dec(chart.perColumn) })) : '',
    ];
    lines.push(...s.pack(legend));
  } else lines.push(s.fit(t('stats.section.noComplete')));

  const pb =
    sec.personalBest !== null && sec.personalBestAt
      ? chalk.bold(t('stats.section.pb', { time: s.clock(sec.personalBest), date: s.date(sec.personalBestAt) }))
      : t('stats.section.noPb');
  lines.push(
    ...s.pack([
      pb,
      sec.sumOfBest !== null ? t('stats.section.sumOfBest', { time: s.clock(sec.sumOfBest) }) : '',
      sec.last !== null ? t('stats.section.last', { time: s.clock(sec.last) }) : '',
      sec.median !== null ? t('stats.section.median', { time: s.clock(sec.median) }) : '',
    ]),
  );
  if (sec.splits.length) lines.push('', ...renderSplits(sec, s));
  return lines;
}

function renderSplits(sec: SectionStats, s: Style): string[] {
  const { t, chalk } = s;
  const numW = Math.max(2, String(sec.splits.length).length + 1);
  const col = 9;
  const titleW = Math.max(8, Math.min(50, s.width - INDENT.length - numW - 2 - 5 * col));
  const cell = (v: number | null) => padStart(v === null ? '—' : s.clock(v), col);
  const lines = [
    chalk.dim(
      INDENT +
        ' '.repeat(numW + 2) +
        padEnd(t('stats.split.name'), titleW) +
        [
          t('stats.split.best'),
          t('stats.split.median'),
          t('stats.split.last'),
          t('stats.split.budget'),
          t('stats.split.over'),
        ]
          .map((h) => padStart(h, col))
          .join(''),
    ),
  ];
  sec.splits.forEach((split, i) => {
    const costliest = split.key === sec.costliestSplit;
    const number = padStart(`${costliest ? '▶' : ''}${i + 1}`, numW);
    const title = padEnd(truncate(sanitizeLine(split.title), titleW), titleW);
    const over = split.overBudgetSeconds;
    const overText = padStart(over === null ? '—' : s.signed(over), col);
    const row = `${INDENT}${number}  ${title}${cell(split.best)}${cell(split.median)}${cell(split.last)}${cell(split.budgetSeconds)}`;
    const paintedOver = over === null ? overText : over > 0 ? chalk.red(overText) : chalk.green(overText);
    lines.push(costliest ? chalk.bold(row) + chalk.bold(paintedOver) : row + paintedOver);
  });
  const worst = sec.splits.findIndex((x) => x.key === sec.costliestSplit);
  if (worst >= 0) {
    const split = sec.splits[worst]!;
    const text = t('stats.split.costliest', {
      n: worst + 1,
      title: sanitizeLine(split.title),
      delta: s.signed(split.overBudgetSeconds!),
    });
    lines.push(...wrapText(`▶ ${text}`, s.width, INDENT, INDENT + '  ').map((l) => chalk.yellow(l)));
  } else if (sec.splits.some((x) => x.median !== null)) lines.push(chalk.green(s.fit(t('stats.split.allInBudget'))));
  return lines;
}

// ---------------------------------------------------------------- voice

function renderSpeech(sp: SpeechStats, s: Style, period: string): string[] {
  const { t, chalk } = s;
  const title = t('stats.speech.title');
  if (!sp.recorded) return [s.empty(title, t('stats.speech.empty', { period }))];
  const lines = [s.heading(title, t('stats.speech.count', { count: s.int(sp.recorded) }))];
  const wpmRuns = speechSeries(sp, 'wordsPerMinute');
  const size = chartSize(s.width);
  const x = (runs: Series) => ({
    left: s.date(runs.first),
    right: runs.values.length > 1 ? s.date(runs.last) : '',
  });
  const band = { min: sp.band.min, max: sp.band.max };
  if (wpmRuns.values.length) {
    const chart = renderLineChart({
      values: wpmRuns.values,
      references: [{ value: band.min }, { value: band.max }],
      width: size.width,
      height: Math.max(6, size.height - 2),
      formatValue: (v) => s.int(v),
      xLabels: x(wpmRuns),
      chalk,
    });
    lines.push(...chart.lines.map((l) => INDENT + l));
    lines.push(
      ...s.pack([
        `${chalk.cyan('──')} ${t('stats.speech.wpmLegend')}`,
        `${chalk.dim('┄┄')} ${t('stats.speech.band', { ...band, language: t(`stats.speech.language.${sp.lang}`) })}`,
      ]),
    );
    if (Object.keys(sp.bands).length > 1) lines.push(...s.pack([chalk.dim(t('stats.speech.mixedBands'))]));
    if (sp.unknownLang) lines.push(...s.pack([chalk.dim(t('stats.speech.unknownLang', { count: sp.unknownLang }))]));
    const w = sp.wordsPerMinute;
    lines.push(
      ...s.pack([
        t('stats.speech.wpm', {
          median: w.median === null ? '—' : s.int(w.median),
          last: w.last === null ? '—' : s.int(w.last),
          inBand: w.inBand,
          measured: w.measured,
          ...band,
        }),
      ]),
    );
  }
  const pauseRuns = speechSeries(sp, 'longestPauseSeconds');
  if (pauseRuns.values.length) {
    if (wpmRuns.values.length) lines.push('');
    const chart = renderLineChart({
      values: pauseRuns.values,
      width: size.width,
      height: 5,
      formatValue: (v) => s.dec(v),
      xLabels: x(pauseRuns),
      chalk,
    });
    lines.push(...chart.lines.map((l) => INDENT + l));
    const p = sp.longestPauseSeconds;
    const n = (v: number | null) => (v === null ? '—' : s.dec(v));
    lines.push(...s.pack([`${chalk.cyan('──')} ${t('stats.speech.pauseLegend')}`]));
    lines.push(...s.pack([t('stats.speech.pause', { median: n(p.median), last: n(p.last), max: n(p.max) })]));
  }
  // Intonation and measured rhythm (recordings since voice v2): one small chart each.
  const small = (key: 'rangeSemitones' | 'syllablesPerSecond', legend: MessageKey, summary: MessageKey) => {
    const runs = speechSeries(sp, key);
    if (!runs.values.length) return;
    lines.push('');
    const chart = renderLineChart({
      values: runs.values,
      width: size.width,
      height: 5,
      formatValue: (v) => s.dec(v),
      xLabels: x(runs),
      chalk,
    });
    lines.push(...chart.lines.map((l) => INDENT + l));
    const f = sp[key];
    const n = (v: number | null) => (v === null ? '—' : s.dec(v));
    lines.push(...s.pack([`${chalk.cyan('──')} ${t(legend)}`]));
    lines.push(...s.pack([t(summary, { median: n(f.median), last: n(f.last) })]));
  };
  small('rangeSemitones', 'stats.speech.rangeLegend', 'stats.speech.range');
  small('syllablesPerSecond', 'stats.speech.rateLegend', 'stats.speech.rate');
  return lines;
}

// ---------------------------------------------------------------- quiz

function renderQuiz(q: QuizStats, s: Style, period: string, today: string): string[] {
  const { t, chalk } = s;
  const title = t('stats.quiz.title');
  const topics = Object.entries(q.topics);
  const started = topics.some(([, x]) => x.learning + x.review > 0);
  if (!q.reviews && !started) return [s.empty(title, t('stats.quiz.empty', { period }))];
  const lines = [chalk.bold(title)];
  lines.push(
    ...s.pack([
      t('stats.quiz.counts', { reviews: s.int(q.reviews), sessions: s.int(q.sessions) }),
      q.retention === null
        ? t('stats.quiz.noRetention')
        : t('stats.quiz.retention', { percent: s.percent(q.retention), count: s.int(q.retentionReviews) }),
    ]),
  );
  lines.push('', ...renderCalendar(q, s));
  lines.push('', ...renderTopics(q, s));
  lines.push('', ...renderForecast(q, s, today));
  lines.push('', ...renderWeakest(q, s));
  return lines;
}

function renderCalendar(q: QuizStats, s: Style): string[] {
  const { t, chalk } = s;
  const lines = [chalk.bold(s.fit(t('stats.cal.title')))];
  const shown = q.calendar.days.filter((d) => d.reviews !== null);
  const total = shown.reduce((n, d) => n + (d.reviews ?? 0), 0);
  if (!total) return [...lines, s.fit(t('stats.quiz.noReviewsPeriod'))];
  const studied = shown.filter((d) => (d.reviews ?? 0) > 0).length;
  const heatmap = renderHeatmap({ days: q.calendar.days, names: s.format, chalk });
  const side = [
    t('stats.cal.reviews', { count: s.int(total) }),
    t('stats.cal.days', { days: studied, total: shown.length }),
    t('stats.cal.average', { avg: s.dec(total / studied) }),
    t('stats.cal.streak', { current: q.streak.current, longest: q.streak.longest }),
  ];
  const mapW = Math.max(...heatmap.lines.map(visibleWidth));
  const sideW = Math.max(...side.map(visibleWidth));
  const gap = 4;
  if (INDENT.length + mapW + gap + sideW <= s.width) {
    // Beside the map, from its second row (the first holds the month names).
    heatmap.lines.forEach((l, i) => {
      const text = side[i - 1];
      lines.push(text ? INDENT + padEnd(l, mapW + gap) + text : INDENT + l);
    });
  } else {
    lines.push(...heatmap.lines.map((l) => INDENT + l), ...side.map((x) => s.fit(x)));
  }
  lines.push(INDENT + heatmap.legend);
  return lines;
}

function renderTopics(q: QuizStats, s: Style): string[] {
  const { t, chalk } = s;
  const glyphs = { review: '█', learning: '▓', new: '░' };
  const paint = { review: chalk.green, learning: chalk.yellow, new: chalk.dim };
  const legend = `${paint.review(glyphs.review)} ${t('stats.topics.review')}  ${paint.learning(glyphs.learning)} ${t('stats.topics.learning')}  ${paint.new(glyphs.new)} ${t('stats.topics.new')}`;
  const lines = [`${INDENT}${chalk.bold(t('stats.topics.title'))}  ${legend}`];
  const rows = Object.entries(q.topics);
  if (!rows.length) return [...lines, s.fit(t('stats.topics.none'))];
  const idW = Math.min(
    16,
    Math.max(visibleWidth(t('stats.topics.topic')), ...rows.map(([id]) => visibleWidth(sanitizeLine(id)))),
  );
  const numW = Math.max(
    5,
    ...[t('stats.topics.reviewShort'), t('stats.topics.learningShort'), t('stats.topics.newShort')].map(visibleWidth),
  );
  const retW = 12;
  const barW = Math.max(8, Math.min(60, s.width - INDENT.length - idW - 2 - 3 * (numW + 1) - 2 - retW));
  const max = Math.max(1, ...rows.map(([, x]) => x.questions));
  lines.push(
    chalk.dim(
      INDENT +
        padEnd(t('stats.topics.topic'), idW) +
        '  ' +
        ' '.repeat(barW) +
        [t('stats.topics.reviewShort'), t('stats.topics.learningShort'), t('stats.topics.newShort')]
          .map((h) => padStart(h, numW + 1))
          .join('') +
        '  ' +
        padStart(t('stats.topics.retention'), retW),
    ),
  );
  for (const [id, x] of rows) {
    const bar = renderStackedBar(
      [
        { count: x.review, glyph: glyphs.review, paint: paint.review },
        { count: x.learning, glyph: glyphs.learning, paint: paint.learning },
        { count: x.new, glyph: glyphs.new, paint: paint.new },
      ],
      max,
      barW,
    );
    const retention = x.retention === null ? '—' : `${s.percent(x.retention)} (${s.int(x.retentionReviews)})`;
    lines.push(
      INDENT +
        padEnd(truncate(sanitizeLine(id), idW), idW) +
        '  ' +
        padEnd(bar, barW) +
        [x.review, x.learning, x.new].map((n) => padStart(s.int(n), numW + 1)).join('') +
        '  ' +
        padStart(retention, retW),
    );
  }
  return lines;
}

function renderForecast(q: QuizStats, s: Style, today: string): string[] {
  const { t, chalk } = s;
  const lines = [chalk.bold(s.fit(t('stats.forecast.title', { now: s.int(q.dueNow) })))];
  const labels = q.forecast.map((f, i) =>
    i === 0 && f.date === today
      ? t('stats.forecast.today')
      : i === 1
        ? t('stats.forecast.tomorrow')
        : s.weekdayDate(f.date),
  );
  const labelW = Math.max(...labels.map(visibleWidth));
  const max = Math.max(1, ...q.forecast.map((f) => f.due));
  const barW = Math.max(8, Math.min(40, s.width - INDENT.length - labelW - 2 - 8));
  q.forecast.forEach((f, i) => {
    const bar = renderBar(f.due, max, barW);
    lines.push(
      `${INDENT}${padEnd(labels[i]!, labelW)}  ${chalk.cyan(bar)}${bar ? ' ' : ''}${f.due ? s.int(f.due) : chalk.dim('0')}`,
    );
  });
  return lines;
}

function renderWeakest(q: QuizStats, s: Style): string[] {
  const { t, chalk } = s;
  const lines = [chalk.bold(s.fit(t('stats.weak.title')))];
  if (!q.weakest.length) return [...lines, s.fit(t('stats.weak.none'))];
  // Two lines each: the question as the user knows it, then where it is from and how often it slipped.
  q.weakest.forEach((w, i) => {
    const number = `${i + 1}. `;
    const prompt = sanitizeLine(w.prompt ?? w.id)
      .replace(/\s+/g, ' ')
      .trim();
    const counts = [
      sanitizeLine(w.topic),
      t('stats.weak.lapses', { count: w.lapses }),
      w.again ? t('stats.weak.again', { count: w.again }) : '',
    ];
    lines.push(s.fit(prompt, INDENT + number));
    lines.push(chalk.dim(s.fit(counts.filter(Boolean).join(' · '), INDENT + ' '.repeat(number.length))));
  });
  return lines;
}
