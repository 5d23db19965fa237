// npm run bench:grading — grades the labelled corpus (test/fixtures/grading/corpus.jsonl) and prints
// precision, recall, false credit, false blame and rating agreement, by kind and by topic, then the
// time to grade a 100 KB paste. `--json` prints the figures as JSON (docs/grading.md quotes them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../src/quiz/bank.js';
import { compileOpen, gradeOpen } from '../src/quiz/grade.js';
import {
  figures,
  GOALS,
  gradeCorpus,
  groupFigures,
  HELDOUT_FILE,
  readCorpus,
  setOf,
} from '../test/helpers/grading-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'data', 'questions');
const bank = await loadBank(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
);
const entries = [...readCorpus(), ...readCorpus(HELDOUT_FILE)];
const graded = gradeCorpus(entries, bank.topics);
const all = figures(graded);
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;

// A long paste: corpus answers glued together up to 100 KB, graded against the question with most points.
const paste = (() => {
  let text = '';
  for (let i = 0; text.length < 100_000; i++) text += `${entries[i % entries.length]!.answer}\n`;
  return text.slice(0, 100_000);
})();
const question = bank.topics.flatMap((t) => t.questions).find((q) => q.id === 'spark-skew-1')!;
const synonyms = bank.topics.find((t) => t.id === question.topic)!.synonyms;
const timings: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  gradeOpen(question, compileOpen(question, synonyms), paste, 999);
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);

const kinds = ['good', 'partial', 'wrong', 'evasive'] as const;
const topics = [...new Set(entries.map((e) => e.topic))].sort();
const byKind = Object.fromEntries(kinds.map((k) => [k, groupFigures(graded.filter((g) => g.entry.kind === k))]));
const sets = ['main', 'extension', 'held-out'] as const;
const bySet = Object.fromEntries(sets.map((s) => [s, figures(graded.filter((g) => setOf(g.entry) === s))]));
const byTopic = Object.fromEntries(topics.map((t) => [t, groupFigures(graded.filter((g) => g.entry.topic === t))]));

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ answers: entries.length, ...all, bySet, byKind, byTopic, paste100kMs: timings[2] }, null, 2),
  );
} else {
  const line = (name: string, value: number, goal: number, atMost = false) =>
    `  ${name.padEnd(52)} ${pct(value)}   goal ${atMost ? '≤' : '≥'} ${pct(goal).trim()}  ${
      (atMost ? value <= goal : value >= goal) ? 'ok' : 'BELOW GOAL'
    }`;
  console.log(
    `Grading corpus: ${entries.length} answers to ${new Set(entries.map((e) => e.questionId)).size} open questions\n`,
  );
  console.log(line('precision of "key point covered"', all.precision, GOALS.precision));
  console.log(line('recall of "key point covered"', all.recall, GOALS.recall));
  console.log(
    line('wrong answers (right words) given ≥ half the points', all.wrongCredited, GOALS.wrongCredited, true),
  );
  console.log(line('evasive answers given ≥ half the points', all.evasiveCredited, GOALS.evasiveCredited, true));
  console.log(`  ${'false credit (wrong + evasive given ≥ half)'.padEnd(52)} ${pct(all.falseCredit)}`);
  console.log(line('good answers given < half the points (false blame)', all.goodBlamed, GOALS.goodBlamed, true));
  console.log(line('suggested rating within the labelled band', all.ratingAgreement, GOALS.ratingAgreement));
  const table = (title: string, rows: Record<string, ReturnType<typeof groupFigures>>) => {
    console.log(`\n${title.padEnd(16)} answers  precision   recall  ≥ half pts  rating ok`);
    for (const [name, f] of Object.entries(rows))
      console.log(
        `  ${name.padEnd(14)} ${String(f.answers).padStart(6)}  ${pct(f.precision)}  ${pct(f.recall)}  ${pct(f.halfOrMore)}  ${pct(f.ratingAgreement)}`,
      );
  };
  console.log(`\n${'by set'.padEnd(16)} answers  precision   recall  wrong≥½  evasive≥½  good<½  rating ok`);
  for (const s of sets) {
    const f = bySet[s]!;
    const n = graded.filter((g) => setOf(g.entry) === s).length;
    console.log(
      `  ${s.padEnd(14)} ${String(n).padStart(6)}  ${pct(f.precision)}  ${pct(f.recall)}  ${pct(f.wrongCredited)}  ${pct(f.evasiveCredited)}  ${pct(f.goodBlamed)}  ${pct(f.ratingAgreement)}`,
    );
  }
  table('by kind', byKind);
  table('by topic', byTopic);
  console.log(`\nA 100 KB paste graded in ${timings[2]!.toFixed(0)} ms (median of 5).`);
}
