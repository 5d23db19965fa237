/**
 * The report page: one self-contained HTML document (inline CSS and SVG, no script, no external
 * resource), light and dark through `prefers-color-scheme`, printable. Pure: a view and a translator in,
 * a string out. Every chart is followed by a real table with the same figures.
 */
import type { Lang, MessageKey, Params, Translate } from '../i18n/index.js';
import { escapeHtml as esc } from './escape.js';
import { formatClock } from '../pitch/duration.js';
import { bars, calendar, f0Contour, runsChart, splitStrip, stackedBars, waveform } from './svg.js';
import type { InterviewAdvice, PitchAdvice, QuizAdvice, ReportView, SectionView } from './view.js';

export interface PageContext {
  t: Translate;
  lang: Lang;
  /** IANA zone the dates are shown in (the user's, as for `pitch stats`). */
  timeZone: string;
}

/** "1:58.3" for 118.3 seconds (the clock format of every other screen), "—" when unknown. */
export function duration(seconds: number | null): string {
  return seconds === null || !Number.isFinite(seconds) ? '—' : formatClock(seconds, true);
}

/** At most `n` characters, cut at a word boundary with an ellipsis. */
export function shorten(text: string, n: number): string {
  const chars = [...text];
  if (chars.length <= n) return text;
  const cut = chars.slice(0, n - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > n * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function signed(seconds: number): string {
  return `${seconds > 0 ? '+' : seconds < 0 ? '−' : '±'}${Math.abs(seconds).toFixed(1)} s`;
}

function formatters(ctx: PageContext) {
  const locale = ctx.lang === 'fr' ? 'fr-FR' : 'en-GB';
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const n1 = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    when: (iso: string) => when.format(new Date(iso)),
    day: (isoDay: string) => day.format(new Date(`${isoDay}T12:00:00Z`)),
    weekday: (isoDay: string) => weekday.format(new Date(`${isoDay}T12:00:00Z`)),
    pct: (x: number | null) => (x === null ? '—' : pct.format(x)),
    n1: (x: number | null) => (x === null ? '—' : n1.format(x)),
  };
}

const CSS = `
:root{--bg:#fbfbfa;--fg:#1d2125;--muted:#5d6670;--card:#fff;--line:#d9dde2;--accent:#2f6fbd;--good:#2e8b57;--warn:#b4690e;--bad:#b3261e;--band:#e3efe6;--speech:#d6e6f7;--pause:#f7e3cf;--s0:#c9d3dd;--s1:#f0b35a;--s2:#3d8bd4;--l1:#c6dbef;--l2:#7fb0dc;--l3:#3d8bd4;--l4:#1c5a99}
@media (prefers-color-scheme:dark){:root{--bg:#15181b;--fg:#e6e8ea;--muted:#9aa3ad;--card:#1e2226;--line:#343a40;--accent:#79aef0;--good:#6fcf97;--warn:#f2b35e;--bad:#f28b82;--band:#1f3326;--speech:#1d3550;--pause:#4a3521;--s0:#47515b;--s1:#c98a2e;--s2:#5d9ee0;--l1:#1d3550;--l2:#2a5685;--l3:#3d7fc4;--l4:#79aef0}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:960px;margin:0 auto;padding:24px 20px 48px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:36px 0 12px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1.05rem;margin:20px 0 8px}
.muted{color:var(--muted)}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}.card h3{margin-top:0}
.figures{display:grid;grid-template-columns:auto auto;gap:2px 14px;margin:0 0 10px}.figures dt{color:var(--muted)}.figures dd{margin:0;font-variant-numeric:tabular-nums;text-align:right}
.advice{margin:8px 0 0;padding:8px 10px;border-left:4px solid var(--accent);background:color-mix(in srgb,var(--accent) 8%,transparent)}
.advice.ok{border-color:var(--good)}.advice.warn{border-color:var(--warn)}
figure{margin:14px 0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px;overflow-x:auto}figcaption{font-weight:600;margin-bottom:6px}
svg.chart{width:100%;height:auto;display:block}svg.chart.calendar{width:auto;max-width:100%}svg text{fill:var(--muted);font-size:11px}svg .label{fill:var(--fg);font-size:12px}
svg .grid{stroke:var(--line);stroke-width:1}svg .band{fill:var(--band)}svg .target{stroke:var(--good);stroke-width:1.5;stroke-dasharray:6 4}svg .pb{stroke:var(--accent);stroke-width:1.5}
svg .series{fill:none;stroke:var(--accent);stroke-width:2}svg .dot{fill:var(--accent)}svg .dot.hollow{fill:none;stroke:var(--warn);stroke-width:1.5}
svg .budget{stroke:var(--good);stroke-width:2}svg .median{stroke:var(--fg);stroke-width:3}
svg .speech{fill:var(--speech)}svg .pause{fill:var(--pause)}svg .wave{fill:var(--accent);opacity:.85}svg .mark{stroke:var(--fg);stroke-width:1;stroke-dasharray:3 3}
svg .contour{fill:none;stroke:var(--accent);stroke-width:1.8}svg .monotone{fill:var(--pause);opacity:.7}svg .f0median{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}svg .s0{fill:var(--s0)}svg .s1{fill:var(--s1)}svg .s2{fill:var(--s2)}svg .bar{fill:var(--accent)}
svg .day{fill:var(--line)}svg .day.lnone{fill:transparent;stroke:var(--line)}svg .day.l1{fill:var(--l1)}svg .day.l2{fill:var(--l2)}svg .day.l3{fill:var(--l3)}svg .day.l4{fill:var(--l4)}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:.85rem;color:var(--muted);margin:6px 0 0;padding:0;list-style:none}.legend span{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;border-radius:2px}
${['band', 'good', 'accent', 'speech', 'pause', 's0', 's1', 's2'].map((c) => `.sw-${c}{background:var(--${c})}`).join('')}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.9rem}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.over{color:var(--bad)}.under{color:var(--good)}
ol.start li{margin:4px 0}code{background:color-mix(in srgb,var(--fg) 8%,transparent);padding:1px 5px;border-radius:4px}
footer{margin-top:40px;font-size:.85rem;color:var(--muted)}
@media print{body{background:#fff;color:#000}figure,.card{break-inside:avoid;border-color:#bbb}h2{break-after:avoid}}
`;

/** The whole page. */
export function renderReportPage(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const period = view.since ? t('page.since', { date: f.day(view.since) }) : t('page.allTime');
  const body: string[] = [];
  body.push(
    `<header><h1>${esc(t('page.title'))}</h1><p class="muted">${esc(t('page.generated', { date: f.when(view.generatedAt) }))} · ${esc(period)}</p></header>`,
  );
  if (view.empty) body.push(emptyState(ctx));
  else {
    body.push(readiness(view, ctx));
    body.push(rehearsals(view, ctx));
    body.push(recording(view, ctx));
    if (view.quiz) body.push(quiz(view, ctx));
    body.push(interviews(view, ctx));
  }
  body.push(`<footer>${esc(t('page.footer'))}</footer>`);
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(t('page.title'))}</title>
<style>${CSS.trim()}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

function emptyState(ctx: PageContext): string {
  const { t } = ctx;
  return `<section><h2>${esc(t('page.emptyTitle'))}</h2><p>${esc(t('page.emptyBody'))}</p><ol class="start">
<li><code>pitch rehearse</code> — ${esc(t('page.emptyRehearse'))}</li>
<li><code>pitch quiz</code> — ${esc(t('page.emptyQuiz'))}</li>
<li><code>pitch interview</code> — ${esc(t('page.emptyInterview'))}</li></ol></section>`;
}

function figures(rows: Array<[string, string]>): string {
  return `<dl class="figures">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function adviceText(t: Translate, key: MessageKey, params: Params, tone: 'ok' | 'warn' | ''): string {
  return `<p class="advice${tone ? ` ${tone}` : ''}">${esc(t(key, params))}</p>`;
}

function pitchAdviceHtml(a: PitchAdvice, ctx: PageContext): string {
  const { t } = ctx;
  switch (a.key) {
    case 'noRun':
      return adviceText(t, 'page.advice.pitch.noRun', {}, '');
    case 'tooLong':
      return a.split
        ? adviceText(t, 'page.advice.pitch.tooLong', { over: a.over, split: a.split }, 'warn')
        : adviceText(t, 'page.advice.pitch.tooLongNoSplit', { over: a.over }, 'warn');
    case 'tooShort':
      return adviceText(t, 'page.advice.pitch.tooShort', { under: a.under }, 'warn');
    case 'ready':
      return adviceText(t, 'page.advice.pitch.ready', {}, 'ok');
    case 'keepGoing':
      return adviceText(t, 'page.advice.pitch.keepGoing', {}, '');
  }
}

function quizAdviceHtml(a: QuizAdvice, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  switch (a.key) {
    case 'start':
      return adviceText(t, 'page.advice.quiz.start', {}, '');
    case 'weakTopic':
      return adviceText(t, 'page.advice.quiz.weakTopic', { topic: a.topic, retention: f.pct(a.retention) }, 'warn');
    case 'due':
      return adviceText(t, 'page.advice.quiz.due', { count: a.count }, '');
    case 'ready':
      return adviceText(t, 'page.advice.quiz.ready', {}, 'ok');
  }
}

function interviewAdviceHtml(a: InterviewAdvice, ctx: PageContext): string {
  const { t } = ctx;
  switch (a.key) {
    case 'none':
      return adviceText(t, 'page.advice.interview.none', {}, '');
    case 'length':
      return adviceText(t, 'page.advice.interview.length', { inBand: a.inBand, answers: a.answers }, 'warn');
    case 'keyPoints':
      return adviceText(t, 'page.advice.interview.keyPoints', { covered: a.covered, total: a.total }, 'warn');
    case 'ready':
      return adviceText(t, 'page.advice.interview.ready', {}, 'ok');
  }
}

function readiness(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const cards: string[] = [];
  const { pitch, quiz, interviews } = view.readiness;
  const s = pitch.section;
  cards.push(
    `<div class="card"><h3>${esc(t('page.pitchCard'))}${s ? ` <span class="muted">— ${esc(s.title)}</span>` : ''}</h3>` +
      (s
        ? figures([
            [t('page.target'), duration(s.targetSeconds)],
            [t('page.last'), duration(s.last)],
            [t('page.median'), duration(s.median)],
            [t('page.best'), duration(s.personalBest)],
            [t('page.completeRuns'), String(s.completed)],
            [t('page.trend'), s.trend ? t(`page.trend.${s.trend}`) : '—'],
          ])
        : '') +
      pitchAdviceHtml(pitch.advice, ctx) +
      '</div>',
  );
  if (quiz)
    cards.push(
      `<div class="card"><h3>${esc(t('page.quizCard'))}</h3>` +
        figures([
          [t('page.reviews'), String(quiz.reviews)],
          [t('page.retention'), f.pct(quiz.retention)],
          [t('page.dueWeek'), String(quiz.dueThisWeek)],
        ]) +
        (quiz.weakest.length
          ? `<p class="muted">${esc(t('page.weakest'))}</p><ul>${quiz.weakest
              .map(
                (w) =>
                  `<li>${esc(shorten(w.prompt ?? w.id, 90))} <span class="muted">(${esc(t('page.lapses', { count: w.lapses }))})</span></li>`,
              )
              .join('')}</ul>`
          : '') +
        quizAdviceHtml(quiz.advice, ctx) +
        '</div>',
    );
  cards.push(
    `<div class="card"><h3>${esc(t('page.interviewCard'))}</h3>` +
      figures([
        [t('page.interviewsDone'), String(interviews.count)],
        [t('page.answersInBand'), interviews.answers ? `${interviews.inBand} / ${interviews.answers}` : '—'],
        [
          t('page.keyPointsCovered'),
          interviews.keyPointsTotal ? `${interviews.keyPointsCovered} / ${interviews.keyPointsTotal}` : '—',
        ],
      ]) +
      interviewAdviceHtml(interviews.advice, ctx) +
      '</div>',
  );
  return `<section><h2>${esc(t('page.readiness'))}</h2><div class="cards">${cards.join('')}</div></section>`;
}

function legend(items: Array<[cls: string, label: string]>): string {
  return `<ul class="legend">${items.map(([c, l]) => `<li><span class="sw-${c}"></span>${esc(l)}</li>`).join('')}</ul>`;
}

function sectionCharts(s: SectionView, index: number, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const out: string[] = [`<h3>${esc(s.title)} <span class="muted">(${esc(duration(s.targetSeconds))})</span></h3>`];
  if (s.series.length) {
    const desc = t('page.runsChartDesc', {
      count: s.completed,
      title: s.title,
      target: duration(s.targetSeconds),
      min: duration(s.band.min),
      max: duration(s.band.max),
      best: duration(s.personalBest),
      last: duration(s.last),
    });
    out.push(
      `<figure><figcaption>${esc(t('page.runsChart'))}</figcaption>` +
        runsChart(
          {
            runs: s.series,
            firstLabel: s.firstDay ? f.day(s.firstDay) : '',
            lastLabel: s.lastDay ? f.day(s.lastDay) : '',
            targetSeconds: s.targetSeconds,
            band: s.band,
            personalBest: s.personalBest,
          },
          { id: `runs-${index}`, title: t('page.runsChart'), desc },
        ) +
        legend([
          ['band', t('page.legendBand')],
          ['good', t('page.legendTarget')],
          ['accent', t('page.legendPb')],
        ]) +
        (s.summarised
          ? `<p class="muted">${esc(t('page.summarised', { points: s.series.length, count: s.completed }))}</p>`
          : '') +
        `<table><caption class="muted">${esc(t('page.latestRuns'))}</caption><thead><tr><th>${esc(t('page.date'))}</th><th class="num">${esc(t('page.time'))}</th><th class="num">${esc(t('page.vsTarget'))}</th></tr></thead><tbody>` +
        s.latest
          .map(
            (r) =>
              `<tr><td>${esc(f.when(r.at))}</td><td class="num">${esc(duration(r.seconds))}</td><td class="num ${r.delta > 0 ? 'over' : 'under'}">${esc(signed(r.delta))}</td></tr>`,
          )
          .join('') +
        '</tbody></table></figure>',
    );
  } else out.push(`<p class="muted">${esc(t('page.noCompleteRun'))}</p>`);
  if (s.splits.length) {
    out.push(
      `<figure><figcaption>${esc(t('page.splitsChart'))}</figcaption>` +
        splitStrip(
          s.splits.map((x) => ({
            label: x.title,
            budgetSeconds: x.budgetSeconds,
            complete: x.complete,
            practice: x.practice,
            median: x.median,
          })),
          { id: `splits-${index}`, title: t('page.splitsChart'), desc: t('page.splitsChartDesc') },
        ) +
        `<table><thead><tr><th>${esc(t('page.split'))}</th><th class="num">${esc(t('page.budget'))}</th><th class="num">${esc(t('page.median'))}</th><th class="num">${esc(t('page.completeRuns'))}</th><th class="num">${esc(t('page.practiceRuns'))}</th></tr></thead><tbody>` +
        s.splits
          .map(
            (x) =>
              `<tr><td>${esc(x.title)}</td><td class="num">${esc(duration(x.budgetSeconds))}</td><td class="num${x.median !== null && x.median > x.budgetSeconds ? ' over' : ''}">${esc(duration(x.median))}</td><td class="num">${x.complete.length}</td><td class="num">${x.practice.length}</td></tr>`,
          )
          .join('') +
        '</tbody></table></figure>',
    );
  }
  return out.join('');
}

function rehearsals(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  if (!view.sections.length) return '';
  return `<section><h2>${esc(t('page.rehearsals'))}</h2>${view.sections.map((s, i) => sectionCharts(s, i, ctx)).join('')}</section>`;
}

function recording(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const r = view.recording;
  if (!r)
    return `<section><h2>${esc(t('page.recording'))}</h2><p class="muted">${esc(t('page.noRecording'))}</p></section>`;
  const desc = t('page.waveDesc', {
    duration: duration(r.durationSeconds),
    speech: duration(r.speechSeconds),
    pause: f.n1(r.longestPauseSeconds),
  });
  return (
    `<section><h2>${esc(t('page.recording'))}</h2><p class="muted">${esc(t('page.recordingOf', { title: r.sectionTitle, date: f.when(r.at) }))}</p>` +
    `<figure><figcaption>${esc(t('page.recording'))}</figcaption>` +
    waveform(
      { durationSeconds: r.durationSeconds, peaks: r.peaks, segments: r.segments, pauses: r.pauses, marks: r.marks },
      { id: 'wave', title: t('page.recording'), desc },
    ) +
    legend([
      ['speech', t('page.legendSpeech')],
      ['pause', t('page.legendPause')],
    ]) +
    '</figure>' +
    intonation(r, ctx) +
    (r.splits.length
      ? `<table><thead><tr><th>${esc(t('page.split'))}</th><th class="num">${esc(t('page.time'))}</th><th class="num">${esc(t('page.pace'))}</th><th class="num">${esc(t('page.syllableRate'))}</th></tr></thead><tbody>` +
        r.splits
          .map(
            (s) =>
              `<tr><td>${esc(s.title)}</td><td class="num">${esc(duration(s.seconds))}</td><td class="num">${esc(f.n1(s.wordsPerMinute))}</td><td class="num">${esc(f.n1(s.syllablesPerSecond))}</td></tr>`,
          )
          .join('') +
        '</tbody></table>'
      : '') +
    '</section>'
  );
}

/** The F0 contour under the waveform, with the figures it stands for. */
function intonation(r: NonNullable<ReportView['recording']>, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const i = r.intonation;
  if (!i || i.medianHz === null) return '';
  const monotoneSeconds = i.monotoneStretches.reduce((n, s) => n + s.end - s.start, 0);
  const desc = t('page.contourDesc', {
    median: Math.round(i.medianHz),
    range: f.n1(i.rangeSemitones),
    count: i.monotoneStretches.length,
    seconds: f.n1(monotoneSeconds),
  });
  return (
    `<figure><figcaption>${esc(t('page.contour'))}</figcaption>` +
    f0Contour(
      { durationSeconds: r.durationSeconds, hz: i.contour, medianHz: i.medianHz, monotone: i.monotoneStretches },
      { id: 'contour', title: t('page.contour'), desc },
    ) +
    legend([
      ['accent', t('page.legendF0')],
      ['pause', t('page.legendMonotone')],
    ]) +
    `<p class="muted">${esc(desc)}</p></figure>`
  );
}

function quiz(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  const q = view.quiz!;
  const total = q.calendar.reduce((n, d) => n + (d.reviews ?? 0), 0);
  const out: string[] = [`<section><h2>${esc(t('page.quiz'))}</h2>`];
  out.push(
    `<figure><figcaption>${esc(t('page.calendar'))}</figcaption>` +
      calendar(q.calendar, { id: 'calendar', title: t('page.calendar'), desc: t('page.calendarDesc', { total }) }) +
      '</figure>',
  );
  if (q.topics.length)
    out.push(
      `<figure><figcaption>${esc(t('page.cardsByState'))}</figcaption>` +
        stackedBars(
          q.topics.map((x) => ({ label: x.title, values: [x.new, x.learning, x.review] })),
          { id: 'topics', title: t('page.cardsByState'), desc: t('page.cardsByStateDesc') },
        ) +
        legend([
          ['s0', t('page.state.new')],
          ['s1', t('page.state.learning')],
          ['s2', t('page.state.review')],
        ]) +
        `<table><thead><tr><th>${esc(t('page.topic'))}</th><th class="num">${esc(t('page.state.new'))}</th><th class="num">${esc(t('page.state.learning'))}</th><th class="num">${esc(t('page.state.review'))}</th><th class="num">${esc(t('page.reviews'))}</th><th class="num">${esc(t('page.retention'))}</th></tr></thead><tbody>` +
        q.topics
          .map(
            (x) =>
              `<tr><td>${esc(x.title)}</td><td class="num">${x.new}</td><td class="num">${x.learning}</td><td class="num">${x.review}</td><td class="num">${x.reviews}</td><td class="num">${esc(f.pct(x.retention))}</td></tr>`,
          )
          .join('') +
        '</tbody></table></figure>',
    );
  out.push(
    `<figure><figcaption>${esc(t('page.forecast'))}</figcaption>` +
      bars(
        q.forecast.map((d) => ({ label: f.weekday(d.date), value: d.due })),
        { id: 'forecast', title: t('page.forecast'), desc: t('page.forecastDesc') },
      ) +
      `<table><thead><tr>${q.forecast.map((d) => `<th class="num">${esc(f.day(d.date))}</th>`).join('')}</tr></thead><tbody><tr>${q.forecast.map((d) => `<td class="num">${d.due}</td>`).join('')}</tr></tbody></table></figure>`,
  );
  out.push('</section>');
  return out.join('');
}

function interviews(view: ReportView, ctx: PageContext): string {
  const { t } = ctx;
  const f = formatters(ctx);
  if (!view.interviews.length)
    return `<section><h2>${esc(t('page.interviews'))}</h2><p class="muted">${esc(t('page.noInterview'))}</p></section>`;
  return (
    `<section><h2>${esc(t('page.interviews'))}</h2><table><thead><tr><th>${esc(t('page.date'))}</th><th>${esc(t('page.question'))}</th><th class="num">${esc(t('page.answerTime'))}</th><th class="num">${esc(t('page.keyPoints'))}</th><th>${esc(t('page.rating'))}</th></tr></thead><tbody>` +
    view.interviews
      .map((r) => {
        const length = r.length ? t(`page.length.${r.length}`) : t('page.notAnswered');
        const rating = r.rating ? t(`page.rating.${r.rating}` as MessageKey) : '—';
        return `<tr><td>${esc(f.when(r.at))}</td><td>${esc(r.prompt)} <span class="muted">(${esc(r.topic)})</span></td><td class="num">${esc(duration(r.seconds))} / ${esc(duration(r.clockSeconds))}<br><span class="muted">${esc(length)}</span></td><td class="num">${r.covered} / ${r.total}</td><td>${esc(rating)}</td></tr>`;
      })
      .join('') +
    '</tbody></table></section>'
  );
}
