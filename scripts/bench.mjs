// npm run bench: side-by-side timings of the CLI against Node's own start-up, in one run, medians of
// interleaved repetitions (these machines are noisy: only ratios measured together mean something).
// Writes the results to docs/performance.md. Not a test: nothing here fails the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import pty from '@lydell/node-pty';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const RUNS = Number(process.env.BENCH_RUNS || 15);
const home = mkdtempSync(join(tmpdir(), 'pitch-bench-'));
const env = { ...process.env, PITCH_HOME: home, NO_COLOR: '1', LANG: 'fr_FR.UTF-8' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall time and peak RSS of one process run to completion. */
function timeOnce(args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMb: rssKb / 1024 };
}

/** Launch → first screen containing `text`, in a pseudo-terminal. */
function firstScreen(args, text) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let out = '';
    const p = pty.spawn(process.execPath, [BIN, ...args], {
      cols: 110,
      rows: 40,
      cwd: ROOT,
      env: { ...env, NO_COLOR: '' },
    });
    const timeout = setTimeout(() => {
      p.kill();
      reject(new Error(`no "${text}" from ${args.join(' ')}: ${stripVTControlCharacters(out).slice(-500)}`));
    }, 15_000);
    p.onData((d) => {
      out += d;
      if (stripVTControlCharacters(out).includes(text)) {
        const ms = performance.now() - t0;
        clearTimeout(timeout);
        p.onExit(() => resolve({ ms }));
        p.write('\x03');
      }
    });
  });
}

const cases = [
  { name: 'node -e 0', run: () => timeOnce(['-e', '0']) },
  { name: 'pitch --help', run: () => timeOnce([BIN, '--help']) },
  { name: 'pitch --version', run: () => timeOnce([BIN, '--version']) },
  { name: 'pitch sections --json', run: () => timeOnce([BIN, 'sections', '--json']) },
  { name: 'pitch history --json', run: () => timeOnce([BIN, 'history', '--json']) },
  { name: 'pitch rehearse (first screen)', run: () => firstScreen(['rehearse', '--no-countdown'], '▶ 1/5') },
];
const hasQuiz = spawnSync(process.execPath, [BIN, 'quiz', '--list-topics', '--json'], { env }).status === 0;
if (hasQuiz) {
  cases.splice(5, 0, {
    name: 'pitch quiz --list-topics --json',
    run: () => timeOnce([BIN, 'quiz', '--list-topics', '--json']),
  });
  cases.push({
    name: 'pitch quiz (first question)',
    run: () => firstScreen(['quiz', '--topic', 'spark', '--mode', 'mcq', '--count', '1'], '?'),
  });
}

const results = new Map(cases.map((c) => [c.name, { ms: [], rss: [] }]));
for (let i = 0; i < RUNS; i++) {
  for (const c of cases) {
    const r = await c.run();
    results.get(c.name).ms.push(r.ms);
    if (r.rssMb) results.get(c.name).rss.push(r.rssMb);
  }
}
const base = median(results.get('node -e 0').ms);
const goals = {
  'pitch --help': 1.25,
  'pitch --version': 1.25,
  'pitch sections --json': 1.5,
  'pitch rehearse (first screen)': 2,
  'pitch quiz (first question)': 2,
};
const rows = cases.map((c) => {
  const r = results.get(c.name);
  const m = median(r.ms);
  const ratio = m / base;
  const goal = goals[c.name];
  return { name: c.name, median: m, ratio, goal, rss: r.rss.length ? Math.max(...r.rss) : null };
});

// Rehearse: CPU of the live view over a 10 s run, and recorded split times against key-press gaps.
const rehearseBench = await (async () => {
  const runHome = mkdtempSync(join(tmpdir(), 'pitch-bench-r-'));
  const p = pty.spawn(process.execPath, [BIN, 'rehearse', '--target', '10s', '--no-countdown'], {
    cols: 110,
    rows: 40,
    cwd: ROOT,
    env: { ...env, PITCH_HOME: runHome, NO_COLOR: '' },
  });
  let out = '';
  p.onData((d) => (out += d));
  const waitFor = (text) =>
    new Promise((res) => {
      const i = setInterval(() => {
        if (stripVTControlCharacters(out).includes(text)) {
          clearInterval(i);
          res();
        }
      }, 5);
    });
  const cpu = () => {
    const f = readFileSync(`/proc/${p.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  await waitFor('▶ 1/5');
  const cpu0 = cpu();
  const t0 = performance.now();
  const gaps = [];
  let last = t0;
  for (const wait of [1500, 2500, 2000, 2500, 1500]) {
    await new Promise((r) => setTimeout(r, wait));
    p.write(' ');
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }
  const cpu1 = cpu();
  const wall = performance.now() - t0;
  // Five splits in ten seconds are far too fast for the pitch's words: the run is kept but flagged, and
  // pitch rehearse asks whether it was really you (o/N); Enter answers no, as a tap would be.
  let ended = false;
  const exited = new Promise((r) =>
    p.onExit(() => {
      ended = true;
      r();
    }),
  );
  const asked = await new Promise((res) => {
    const i = setInterval(() => {
      const question = stripVTControlCharacters(out).includes('La garder comme record');
      if (question || ended) {
        clearInterval(i);
        res(question);
      }
    }, 5);
  });
  if (asked) p.write('\r');
  await exited;
  const hist = JSON.parse(
    spawnSync(process.execPath, [BIN, 'history', '--json'], { env: { ...env, PITCH_HOME: runHome }, encoding: 'utf8' })
      .stdout,
  );
  const splits = hist.rehearsals[0].splits.map((s) => s.seconds * 1000);
  const errors = splits.slice(1).map((ms, i) => Math.abs(ms - gaps[i + 1]));
  rmSync(runHome, { recursive: true, force: true });
  return {
    cpuPercent: ((cpu1 - cpu0) / wall) * 100,
    wallSeconds: wall / 1000,
    maxGapMs: Math.max(...errors),
    meanGapMs: errors.reduce((a, b) => a + b, 0) / errors.length,
  };
})();

const extra = [];
for (const script of ['bench-quiz.mjs', 'bench-audio.mjs', 'bench-room.mjs', 'bench-store.mjs', 'bench-report.mjs']) {
  const path = join(ROOT, 'scripts', script);
  if (!existsSync(path)) continue;
  const r = spawnSync(process.execPath, [path], { env, encoding: 'utf8', timeout: 600_000 });
  extra.push({ script, output: (r.stdout + r.stderr).trim() });
}
rmSync(home, { recursive: true, force: true });

const fmt = (x, d = 0) => x.toFixed(d);
const table = [
  '| command | median ms | × node -e 0 | goal | peak RSS MB |',
  '|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.median)} | ${fmt(r.ratio, 2)} | ${r.goal ? `≤ ${r.goal}` : ''}${r.goal ? (r.ratio <= r.goal ? ' ✓' : ' ✗') : ''} | ${r.rss ? fmt(r.rss, 1) : ''} |`,
  ),
].join('\n');
const rehearseText =
  `Live view over a ${fmt(rehearseBench.wallSeconds, 1)} s rehearsal: ${fmt(rehearseBench.cpuPercent, 2)} % of one core (goal < 2 %). ` +
  `Recorded split times vs gaps between key presses: mean ${fmt(rehearseBench.meanGapMs, 1)} ms, max ${fmt(rehearseBench.maxGapMs, 1)} ms (goal ≤ 20 ms).`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${RUNS} interleaved runs each`;
console.log(machine);
console.log(table);
console.log(rehearseText);
for (const e of extra) console.log(`\n## ${e.script}\n${e.output}`);

// The file is regenerated, but what people wrote in it stays: each section's first code block is replaced
// by the new output, the text around it is kept, and sections no benchmark writes are kept as they are.
const docPath = join(ROOT, 'docs', 'performance.md');
const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
const sections = previous.split(/^(?=## )/m);
const keptIntro = /^How the start-up is kept low:.*$/m.exec(sections[0] ?? '')?.[0];
const intro =
  keptIntro ??
  'How the start-up is kept low: `pitch --help` and `--version` are answered by a one-file entry point from help text the build records by running the full program; every other command loads the program as one script compiled from a V8 code cache the build made by running it.';
const fence = '```';
const generated = new Map(extra.map((e) => [e.script, `${fence}\n${e.output}\n${fence}`]));
const body = [];
for (const section of sections.slice(1)) {
  const name = /^## (\S+)/.exec(section)?.[1] ?? '';
  const block = generated.get(name);
  if (block === undefined) body.push(section.trimEnd());
  else {
    const at = section.indexOf(fence);
    const close = at < 0 ? -1 : section.indexOf(`\n${fence}`, at + fence.length);
    body.push(
      (at < 0
        ? `${section.trimEnd()}\n\n${block}`
        : `${section.slice(0, at)}${block}${section.slice(close + fence.length + 1)}`
      ).trimEnd(),
    );
    generated.delete(name);
  }
}
for (const [name, block] of generated) body.push(`## ${name}\n\n${block}`);
const doc = `# Performance

Measured by \`npm run bench\` (scripts/bench.mjs): every command is run ${RUNS} times, interleaved with \`node -e 0\`, and compared by medians measured in the same run.

Last run: ${machine}.

${table}

${rehearseText}

${intro}

${body.join('\n\n')}
`;
writeFileSync(docPath, doc);
