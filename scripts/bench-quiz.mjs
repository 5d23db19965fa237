// Quiz timings (run after `npm run build`; `npm run bench` runs it too):
//  1. launch → first question on screen, in a pseudo-terminal, side by side with `node -e 0`
//     (medians of interleaved runs: on a noisy machine only ratios measured together mean something);
//  2. reading + parsing + validating a generated 5,000-question bank, each run in a fresh process
//     (cold: what a launch pays), with the loader bundled the way the CLI bundles it.
// Goals (issue 4): first question ≤ 2 × node -e 0; 5,000 questions ≤ 100 ms.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { build } from 'esbuild';
import pty from '@lydell/node-pty';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const RUNS = Number(process.env.BENCH_RUNS || 11);
const work = mkdtempSync(join(tmpdir(), 'pitch-bench-quiz-'));
const env = { ...process.env, PITCH_HOME: join(work, 'home'), LANG: 'fr_FR.UTF-8', LC_ALL: '', PITCH_LANG: '' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Launch → each marker seen on the screen (ms for each); then Ctrl-C, and the next run waits for the exit. */
function inPty(args, markers) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const seen = {};
    let out = '';
    let exited = false;
    const p = pty.spawn(process.execPath, args, { cols: 110, rows: 40, cwd: ROOT, env });
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`timed out: ${args.join(' ')}\n${stripVTControlCharacters(out).slice(-400)}`));
    }, 20_000);
    const finish = () => {
      if (!exited || !markers.every((m) => seen[m] !== undefined)) return;
      clearTimeout(timer);
      resolve(seen);
    };
    p.onData((d) => {
      out += d;
      const screen = stripVTControlCharacters(out);
      for (const m of markers) if (seen[m] === undefined && screen.includes(m)) seen[m] = performance.now() - t0;
      if (markers.every((m) => seen[m] !== undefined)) {
        if (!exited) p.write('\x03');
        finish();
      }
    });
    // Output can still be in flight when the exit is reported: finish() waits for both.
    p.onExit(() => {
      exited = true;
      finish();
    });
  });
}

// ---------------------------------------------------------------- 1. first question
const quizArgs = [BIN, 'quiz', '--topic', 'spark', '--mode', 'mcq', '--count', '1'];
const QUESTION = 'Question 1/1';
const PROMPT = 'Votre réponse';
const series = { base: [], warmQ: [], warmP: [], coldQ: [], coldP: [] };
await inPty(quizArgs, [PROMPT]); // warm-up: the data directory and its pack cache exist from here on
for (let i = 0; i < RUNS; i++) {
  // The baseline is Node printing one word in the same pty: launch → text on screen, like the quiz.
  series.base.push((await inPty(['-e', "process.stdout.write('ready')"], ['ready'])).ready);
  // Usual launch: the data directory exists and holds the pack cache from an earlier run.
  const warm = await inPty(quizArgs, [QUESTION, PROMPT]);
  series.warmQ.push(warm[QUESTION]);
  series.warmP.push(warm[PROMPT]);
  // First launch ever: no data directory, every pack parsed and validated.
  rmSync(env.PITCH_HOME, { recursive: true, force: true });
  const cold = await inPty(quizArgs, [QUESTION, PROMPT]);
  series.coldQ.push(cold[QUESTION]);
  series.coldP.push(cold[PROMPT]);
}
const b = median(series.base);
const row = (label, xs, goal) => {
  const m = median(xs);
  return `| ${label} | ${m.toFixed(0)} | ${(m / b).toFixed(2)} | ${goal ? `≤ ${goal} ${m / b <= goal ? '✓' : '✗'}` : ''} |`;
};
console.log(
  `Launch → first question (pitch quiz --topic spark --mode mcq --count 1, bundled bank), ${RUNS} interleaved runs in a pty:`,
);
console.log('| measure | median ms | × node | goal |');
console.log('|---|---:|---:|---:|');
console.log(`| node -e "process.stdout.write('ready')" | ${b.toFixed(0)} | 1.00 | |`);
console.log(row('question on screen (usual launch, pack cache present)', series.warmQ, 2));
console.log(row('answer prompt ready, keys live (usual launch)', series.warmP));
console.log(
  row('question on screen (first launch: no data directory, bundled packs from the build seed)', series.coldQ),
);
console.log(row('answer prompt ready (first launch)', series.coldP));

// ---------------------------------------------------------------- 2. 5,000-question bank
const QUESTIONS = 5000;
const FILES = 10;
const bankDir = join(work, 'bank');
mkdirSync(bankDir);
writeBank(bankDir, QUESTIONS, FILES);
const loader = join(work, 'load-bank.mjs');
await build({
  stdin: {
    contents: `
      import { readdirSync } from 'node:fs';
      import { join } from 'node:path';
      import { readTextInput } from './src/io/input.ts';
      import { loadBank } from './src/quiz/bank.ts';
      const dir = process.argv[2];
      const t0 = performance.now();
      const sources = readdirSync(dir).sort().map((f) => ({ name: f, text: readTextInput(join(dir, f)) }));
      const t1 = performance.now();
      const bank = await loadBank(sources);
      const t2 = performance.now();
      const questions = bank.topics.reduce((n, t) => n + t.questions.length, 0);
      console.log(JSON.stringify({ read: t1 - t0, load: t2 - t1, questions, issues: bank.issues.length }));`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: loader,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const reads = [];
const loads = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, [loader, bankDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout);
  if (out.questions !== QUESTIONS || out.issues)
    throw new Error(`generated bank: ${out.questions} questions, ${out.issues} issues`);
  reads.push(out.read);
  loads.push(out.load);
}
// Through the CLI: what the bank adds to `--list-topics --json`, with the cache warm and cold.
const list = (extra) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'quiz', '--list-topics', '--json', ...extra], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
};
const plainList = [];
const warmList = [];
const coldList = [];
rmSync(env.PITCH_HOME, { recursive: true, force: true });
list([]);
list(['--bank', bankDir]);
for (let i = 0; i < RUNS; i++) {
  plainList.push(list([]));
  warmList.push(list(['--bank', bankDir]));
  rmSync(join(env.PITCH_HOME, 'cache'), { recursive: true, force: true });
  coldList.push(list(['--bank', bankDir]));
  list([]);
}
console.log('');
console.log(
  `A generated ${QUESTIONS}-question bank (${FILES} files, ${QUESTIONS / FILES} questions each), ${RUNS} runs:`,
);
console.log('| measure | median ms | goal |');
console.log('|---|---:|---:|');
const load = median(loads);
console.log(`| parse + validate, fresh process (no cache) | ${load.toFixed(1)} | ≤ 100 ${load <= 100 ? '✓' : '✗'} |`);
console.log(`| reading the files (UTF-8 and binary checks) | ${median(reads).toFixed(1)} | |`);
const extraWarm = median(warmList) - median(plainList);
const extraCold = median(coldList) - median(plainList);
console.log(
  `| added to \`pitch quiz --list-topics --json\`, pack cache warm | ${extraWarm.toFixed(1)} | ≤ 100 ${extraWarm <= 100 ? '✓' : '✗'} |`,
);
console.log(`| added to \`pitch quiz --list-topics --json\`, first load (cache rebuilt) | ${extraCold.toFixed(1)} | |`);

rmSync(work, { recursive: true, force: true });

/** Packs shaped like the bundled ones: the four kinds, block scalars, flow lists, synonyms, comments. */
function writeBank(dir, total, files) {
  const per = Math.ceil(total / files);
  let n = 0;
  for (let f = 0; f < files; f++) {
    const lines = [
      `topic: bench-${f}`,
      `title: "Banc d'essai ${f}"`,
      `aliases: [banc-${f}]`,
      'synonyms:',
      '  - [exécuteur, executor]',
      '  - [mémoire, memory]',
      'questions:',
    ];
    for (let k = 0; k < per && n < total; k++, n++) {
      const id = `bench-${f}-${k}`;
      lines.push(`  # ---------------------------------------------------------------- ${id}`);
      switch (n % 4) {
        case 0:
          lines.push(
            `  - id: ${id}`,
            '    kind: mcq',
            `    difficulty: ${1 + (n % 3)}`,
            `    subject: sujet-${k % 17}`,
            '    prompt: >-',
            `      Question ${n} : quand Spark exécute-t-il réellement une transformation`,
            '      comme `filter` sur un DataFrame ?',
            '    options:',
            '      - "Immédiatement, à l\'appel de filter"',
            '      - "Lorsqu\'une action (count, collect, write…) est déclenchée"',
            '      - "Au démarrage de la SparkSession"',
            '    answer: "Lorsqu\'une action (count, collect, write…) est déclenchée"',
            '    explanation: >-',
            '      Les transformations construisent un plan logique ; seule une action',
            '      déclenche un job, découpé en stages puis en tâches.',
            '    source: https://spark.apache.org/docs/latest/rdd-programming-guide.html#rdd-operations',
          );
          break;
        case 1:
          lines.push(
            `  - id: ${id}`,
            '    kind: open',
            '    difficulty: 2',
            `    prompt: "Question ${n} : qu'est-ce qu'un shuffle et pourquoi coûte-t-il cher ?"`,
            '    keyPoints:',
            '      - point: "Redistribution des données entre partitions"',
            '        accept: ["redistribution", "redistribue les données", "échange entre exécuteurs"]',
            '      - point: "Écriture sur disque et transfert réseau"',
            '        accept: ["disque", "réseau", "sérialisation"]',
            '    misconceptions:',
            '      - accept: ["coalesce provoque toujours un shuffle"]',
            '        note: "coalesce réduit les partitions sans shuffle complet"',
            '    modelAnswer: >-',
            '      Un shuffle redistribue les lignes entre partitions selon une clé : les',
            '      exécuteurs écrivent sur disque puis les lisent par le réseau.',
            '    source: https://spark.apache.org/docs/latest/rdd-programming-guide.html#shuffle-operations',
          );
          break;
        case 2:
          lines.push(
            `  - id: ${id}`,
            '    kind: flash',
            '    difficulty: 1',
            `    prompt: "Question ${n} : AQE, que signifie le sigle ?"`,
            '    modelAnswer: |-',
            '      Adaptive Query Execution.',
            "      Ré-optimise le plan pendant l'exécution.",
            '    source: https://spark.apache.org/docs/latest/sql-performance-tuning.html#adaptive-query-execution',
          );
          break;
        default:
          lines.push(
            `  - id: ${id}`,
            '    kind: cloze',
            '    difficulty: 1',
            `    prompt: "Question ${n} : par défaut, spark.sql.shuffle.partitions vaut ___."`,
            '    answer: "200"',
            "    accept: ['deux cents']",
            '    explanation: "Valeur par défaut depuis Spark 1.x."',
            '    source: https://spark.apache.org/docs/latest/configuration.html',
          );
      }
    }
    writeFileSync(join(dir, `bench-${f}.yaml`), lines.join('\n') + '\n');
  }
}
