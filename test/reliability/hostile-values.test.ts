// Terminal escape injection through question packs and paths: hostile values in every field of a pack,
// valid and invalid, through every path that shows them (quiz --check in text and JSON, the --bank
// warning, --list-topics, a quiz session in a real terminal, errors naming files, the data folder's
// "moved aside" notice). None of the sequences may reach the output.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { afterRatingGuard, KEYS, spawnPitch } from '../helpers/pty.js';

const ESC = '\x1b';
/** One of each kind of sequence a terminal acts on, each carrying a marker that must not survive either. */
const HOSTILE = [
  `${ESC}]52;c;UFdOQ0xJUA==${ESC}\\`, // OSC 52: write "PWNCLIP" to the clipboard
  `${ESC}[2J${ESC}[3J${ESC}[H`, // clear the screen and the scrollback
  `${ESC}]0;PWNTITLE\x07`, // window title
  '\x9b2J', // C1 CSI: clear screen in 8 bits
  '\x9d0;PWNTITLE8\x9c', // C1 OSC: title in 8 bits
  `${ESC}P+qPWNDCS${ESC}\\`, // DCS
  '\u202eEVIL\u202c\u2066x\u2069', // bidi override and isolate: text shown reversed
  '\x08\x08\x7f', // backspaces, DEL
].join('');
/** As it may be written inside a double-quoted YAML string. */
const yamlEscape = (text: string) =>
  [...text]
    .map((c) =>
      c.charCodeAt(0) < 0x20 || c.charCodeAt(0) >= 0x7f
        ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
        : c === '"' || c === '\\'
          ? `\\${c}`
          : c,
    )
    .join('');
const h = (text: string) => `"${text}${yamlEscape(HOSTILE)}"`;

/** Anything a terminal would act on, in output captured without colours, or what such a sequence carried. */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|PWN/u;
/** JSON keeps the user's data, its control characters escaped (\u001b): none may be raw. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;

const dir = mkdtempSync(join(tmpdir(), 'pitch-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A valid pack: every shown field carries the payload. */
const valid = join(dir, 'valid');
mkdirSync(valid);
writeFileSync(
  join(valid, 'hostile.yaml'),
  `topic: hostile
title: ${h('Piège')}
synonyms:
  - [${h('nœud')}, ${h('node')}]
questions:
  - id: h-mcq
    kind: mcq
    difficulty: 1
    subject: ${h('sujet')}
    prompt: ${h('Quelle option ?')}
    options: [${h('une')}, ${h('deux')}]
    answer: ${h('une')}
    explanation: ${h('Parce que.')}
    source: "https://example.org/${yamlEscape(HOSTILE)}"
  - id: h-open
    kind: open
    difficulty: 1
    prompt: ${h('Expliquez ?')}
    keyPoints:
      - point: ${h('le point')}
        accept: [${h('point')}]
    misconceptions:
      - note: ${h('faux')}
        accept: [${h('faux')}]
    modelAnswer: ${h('Le modèle.')}
  - id: h-flash
    kind: flash
    difficulty: 1
    prompt: ${h('Carte ?')}
    modelAnswer: ${h('Réponse.')}
  - id: h-cloze
    kind: cloze
    difficulty: 1
    prompt: ${h('Un ___ ici')}
    answer: ${h('mot')}
    accept: [${h('mots')}]
`,
);

/** Invalid packs: the payload in the values the validator quotes back. */
const invalid = join(dir, 'invalid');
mkdirSync(invalid);
writeFileSync(
  join(invalid, 'values.yaml'),
  `topic: ${h('bad')}
title: ${h('t')}
aliases: [${h('a')}]
${h('unknown')}: 1
questions:
  - id: ${h('x')}
    kind: ${h('k')}
    difficulty: ${h('d')}
    prompt: ${h('p')}
    ${h('zork')}: 1
    source: ${h('not a url')}
`,
);
writeFileSync(
  join(invalid, 'questions.yaml'),
  `topic: fine
title: Fine
questions:
  - id: ${h('q')}
    kind: mcq
    difficulty: 1
    prompt: ${h('p')}
    options: [${h('a')}, ${h('a')}]
    answer: ${h('b')}
  - id: ok-1
    kind: open
    difficulty: 1
    prompt: p
    keyPoints:
      - point: p
        accept: [${h('')}]
        ${h('extra')}: 1
    modelAnswer: m
`,
);
const evilName = join(dir, `dossier${HOSTILE.replace(/[/\0]/g, '')}`);

const env = (home: string) => ({ PITCH_HOME: home });
const home = mkdtempSync(join(dir, 'home-'));

describe('hostile values never reach the terminal', () => {
  it.each([
    ['quiz --check, invalid values', ['quiz', '--check', invalid]],
    ['quiz --check --json, invalid values', ['quiz', '--check', invalid, '--json']],
    ['quiz --check, valid pack', ['quiz', '--check', valid]],
    ['the --bank warning', ['quiz', '--bank', invalid, '--topic', 'fine']],
    ['quiz --list-topics', ['quiz', '--bank', valid, '--list-topics']],
    ['quiz --list-topics --json', ['quiz', '--bank', valid, '--list-topics', '--json']],
    ['stats of a hostile topic', ['stats', '--bank', valid, '--topic', 'hostile']],
    ['a missing --bank named with escapes', ['quiz', '--bank', evilName]],
    ['a missing pitch named with escapes', ['sections', '--file', join(evilName, 'p.md')]],
  ])('%s', (_name, args) => {
    const r = runCli(args as string[], env(home));
    const data = args.includes('--list-topics') && args.includes('--json');
    expect(r.stdout + r.stderr, r.stdout + r.stderr).not.toMatch(data ? RAW_CONTROL : FORBIDDEN);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  });

  it('the report still names what is wrong, without the payload', () => {
    const r = runCli(['quiz', '--check', invalid], env(home));
    expect(r.stdout).toMatch(/values\.yaml:1 : « topic » : « bad(EVIL)?x? » doit s’écrire en minuscules/);
    expect(r.stdout).toMatch(/clé inconnue « unknown/);
  });

  it('a PITCH_HOME whose name carries escapes is named cleanly in the "moved aside" notice', () => {
    const evilHome = join(dir, `home${HOSTILE.replace(/[/\0]/g, '')}`);
    mkdirSync(evilHome);
    writeFileSync(join(evilHome, 'history.json'), '{ "version": 2, "rehearsals": [ tronqué');
    const r = runCli(['history'], env(evilHome));
    expect(r.stderr).toMatch(/mis de côté/);
    expect(r.stdout + r.stderr).not.toMatch(FORBIDDEN);
  });

  it.each([
    ['mcq', (p: ReturnType<typeof spawnPitch>) => p.press('1', '? Note')],
    ['open', (p: ReturnType<typeof spawnPitch>) => p.press(`point${KEYS.enter}${KEYS.enter}`, '? Note')],
    ['flash', (p: ReturnType<typeof spawnPitch>) => p.press(KEYS.enter, '? Note')],
    ['cloze', (p: ReturnType<typeof spawnPitch>) => p.press(`mot${KEYS.enter}`, '? Note')],
  ])('a %s question of the hostile pack, answered in a real terminal', async (mode, answer) => {
    const p = spawnPitch(['quiz', '--bank', valid, '--topic', 'hostile', '--mode', mode, '--count', '1'], {
      PITCH_HOME: mkdtempSync(join(dir, 'pty-')),
    });
    await p.waitFor(/Votre réponse|Le mot manquant|Entrée pour voir/);
    await answer(p);
    await afterRatingGuard();
    p.write('3');
    await p.waitFor('Session terminée');
    await p.exited;
    const raw = p.raw();
    expect(p.text()).toMatch(/Piège/);
    // Our own renderer's sequences are the only ones left: colours, cursor moves and line erasing.
    const ours = raw.replace(/\x1b\[[0-9;?]*[A-HJKSTfhlmsu]/g, '');
    expect(ours).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|PWN/u);
    expect(raw).not.toContain(`${ESC}[2J`);
    expect(raw).not.toContain(`${ESC}[3J`);
  });
});
