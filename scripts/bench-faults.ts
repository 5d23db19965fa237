// npm run bench:faults — the inputs of issue 16 that used to freeze pitch, timed in one process (issue 16:
// a 12 KB paste took 17 s, 8,000 bold terms 10.7 s, a 646-byte alias bomb 50 s and 641 MB). Medians of 3;
// sizes doubled so that linear time shows as doubled figures. Not a test: nothing here fails the build.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { translator } from '../src/i18n/index.js';
import { readTextInput } from '../src/io/input.js';
import { parsePitch } from '../src/pitch/parse.js';
import { parsePack } from '../src/quiz/pack.js';
import { pitchTopic } from '../src/quiz/pitch-cards.js';
import { askAnswer } from '../src/ui/prompts.js';
import { aliasBomb } from '../test/helpers/alias-bomb.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => unknown | Promise<unknown>, times = 3): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}
const rows: Array<[string, string]> = [];
const row = (what: string, ms: number) => {
  rows.push([what, `${ms.toFixed(ms < 10 ? 1 : 0)} ms`]);
  console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`);
};

// An open answer pasted whole: keys in, answer out, through the real prompt and readline.
for (const size of [25_000, 50_000, 100_000]) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `mot${i} `;
  text = text.slice(0, size);
  const ms = await time(async () => {
    const { answer, events } = await render(askAnswer, {
      t: translator('fr'),
      chalk: new Chalk({ level: 0 }),
      message: 'Votre réponse',
      multiline: true,
    });
    events.type(text);
    events.keypress('enter');
    events.keypress('enter');
    await answer;
  });
  row(`open answer prompt, ${size / 1000} KB pasted`, ms);
}

// Cloze cards from a pitch with N bold terms.
for (const terms of [2000, 4000, 8000, 16000]) {
  const paragraphs: string[] = [];
  for (let i = 0; i < terms; i += 50) {
    const sentences = [];
    for (let j = i; j < Math.min(terms, i + 50); j++)
      sentences.push(j % 2 ? `Court **Terme${j}**.` : `Je travaille avec **Terme${j}** tous les jours ici.`);
    paragraphs.push(sentences.join(' '));
  }
  const pitch = parsePitch(`# Pitch\n\n## Pitch court (≈ 2 min)\n\n${paragraphs.join('\n\n')}\n`, 'bench.md');
  const labels = { title: 'Pitch', recallPrompt: (i: string, n: number) => `${i} ${n}`, where: () => '§' };
  row(`cloze cards, ${terms} bold terms`, await time(() => pitchTopic(pitch, labels)));
}

// A YAML alias bomb: 10 levels of 10 aliases (10¹⁰ nodes once expanded).
const bomb = aliasBomb('bomb');
row(`alias bomb (${bomb.length} bytes) refused`, await time(() => parsePack({ name: 'bomb.yaml', text: bomb })));

// A pack that is a symlink to /dev/zero, refused before any byte is read.
const dir = mkdtempSync(join(tmpdir(), 'pitch-bench-faults-'));
symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
row(
  'a pack linked to /dev/zero refused',
  await time(() => {
    try {
      readTextInput(join(dir, 'zero.yaml'));
    } catch {}
  }),
);
rmSync(dir, { recursive: true, force: true });

console.log(`\n| input | time |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`);
