// Every bad input answered: one table of bad inputs across all commands, each run in French and in
// English against the built binary. Each must give exactly one error sentence followed by a hint,
// the right exit code, no stack trace, nothing on stdout, and leave the user's data untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { aliasBomb } from '../helpers/alias-bomb.js';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, runCli, tempHome } from '../helpers/cli.js';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { applyReview } from '../../src/quiz/schedule.js';

const dir = mkdtempSync(join(tmpdir(), 'pitch-bad-inputs-'));
const homes: Array<() => void> = [];
afterAll(() => {
  homes.forEach((cleanup) => cleanup());
  chmodSync(join(dir, 'locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}
/** A directory holding one question pack. */
const pack = (name: string, yaml: string) => join(file(`${name}/pack.yaml`, yaml), '..');

// ---------------------------------------------------------------- inputs

const missingPitch = join(dir, 'nope.md');
const emptyPitch = file('empty.md', '');
const blankPitch = file('blank.md', '  \n\n\t\n');
const binaryPitch = file('binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0xff]));
const latin1Pitch = file('latin1.md', Buffer.from('# R\xe9sum\xe9\n\nJ\x27ai travaill\xe9 \xe0 B\xe2le.\n', 'latin1'));
const hugePitch = file('huge.md', '# Titre\n\n' + 'mot '.repeat(300_000)); // 1.2 MB, over the 1 MiB limit
const dirPitch = folder('a-directory.md');
const flatPitch = file('flat.md', 'Juste du texte, sans aucun titre.\n\n- une liste\n- encore\n');

const clean = readFileSync(join(ROOT, 'test/fixtures/audio/clean.wav'));
const notWav = file('notes.wav', '# Ceci est du texte, pas du son.\n');
const truncatedWav = file('truncated.wav', clean.subarray(0, 30));
const zeroWav = file('zero.wav', '');
const headerOnlyWav = file('header-only.wav', clean.subarray(0, 44));

const syntaxPack = pack(
  'syntax',
  'topic: syntax-pack\ntitle: Broken YAML\nquestions:\n  - id: s-1\n    kind: flash\n    prompt: "unterminated\n    difficulty: [1, 2\n',
);
const duplicatePack = pack(
  'duplicate',
  'topic: dup-pack\ntitle: Dup\nquestions:\n' +
    '  - id: d-1\n    kind: flash\n    difficulty: 1\n    prompt: "Un ?"\n    modelAnswer: "Oui."\n' +
    '  - id: d-1\n    kind: flash\n    difficulty: 1\n    prompt: "Deux ?"\n    modelAnswer: "Oui."\n',
);
const wrongTypesPack = pack(
  'types',
  'topic: types-pack\ntitle: Types\nquestions:\n  - id: t-1\n    kind: mcq\n    difficulty: hard\n    prompt: [not, a, string]\n    options: "a, b"\n    answer: a\n',
);
const missingFieldsPack = pack(
  'fields',
  'topic: fields-pack\nquestions:\n  - id: f-1\n    kind: flash\n    difficulty: 1\n',
);
const unreadablePacks = folder('unreadable');
file('unreadable/binary.yaml', Buffer.from([0x74, 0x6f, 0x70, 0x00, 0xff]));
file('unreadable/latin1.yaml', Buffer.from('topic: r\xe9sum\xe9\n', 'latin1'));
file('unreadable/huge.yaml', 'topic: huge\n' + '# commentaire\n'.repeat(320_000)); // 4.5 MB, over the 4 MiB pack limit
const emptyPackDir = folder('no-packs');

// Files that are not regular files, and names the system refuses: each read would hang (a FIFO), never end
// (/dev/zero, /dev/urandom) or fail with an errno nobody should have to decode.
const fifo = (name: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  execFileSync('mkfifo', [path]);
  return path;
};
const link = (name: string, target: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  symlinkSync(target, path);
  return path;
};
const fifoPitch = fifo('fifo.md');
const zeroPitch = link('zero.md', '/dev/zero');
const loopPitch = link('loop-a.md', join(dir, 'loop-b.md'));
link('loop-b.md', loopPitch);
const longName = join(dir, `${'long-'.repeat(60)}.md`);
const fifoWav = fifo('fifo.wav');
const zeroWav2 = link('zero-link.wav', '/dev/zero');
const devicePacks = folder('devices');
fifo('devices/a-fifo.yaml');
link('devices/b-zero.yaml', '/dev/zero');
link('devices/c-urandom.yaml', '/dev/urandom');
const loopBank = link('loop-bank', join(dir, 'loop-bank'));
const bombPack = pack('bomb', aliasBomb('bomb-pack'));
const deepPack = pack(
  'deep',
  `topic: deep-pack\ntitle: Profond\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\nquestions: []\n`,
);
/** Readable by nobody but root: permission rows run as another user when the tests run as root. */
const lockedPacks = folder('locked');
file('locked/pack.yaml', 'topic: locked\n');
chmodSync(lockedPacks, 0o000);
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
/**
 * Root reads any folder, so "cannot be listed" is tested as user nobody — who must be able to run pitch
 * from this checkout. A clone inside a private folder (mkdtemp makes them 0700) shuts nobody out: those
 * rows are then skipped, and their title says why.
 */
const nobodyRunsPitch =
  asNobody === undefined ||
  spawnSync(process.execPath, [BIN, '--version'], { ...asNobody, timeout: 20_000 }).status === 0;
const tooLongPack = 'q'.repeat(300);
const notADirectory = flatPitch;

// ---------------------------------------------------------------- the table

interface Sentences {
  fr: RegExp;
  en: RegExp;
}

interface Row {
  /** What is wrong. */
  what: string;
  args: string[];
  env?: Record<string, string>;
  /** The error sentence (the line after "Erreur : " / "Error: "). */
  error: Sentences;
  /** What the hint must say, when it matters (any hint is required anyway). */
  hint?: Sentences;
  /** 2 (usage and bad input) unless said otherwise. */
  code?: number;
  /** One warning line allowed before the error: the broken packs that --bank skipped, with file:line. */
  warning?: Sentences;
  /** `quiz --check` prints its report on stdout: that report is what was asked for. */
  report?: Sentences;
  /** The English run cannot say --lang en when --lang itself is what is wrong: it uses the locale. */
  englishByLocale?: boolean;
  /** Prepares the data directory (after it was filled with the usual history and cards). */
  setup?: (home: string) => void;
  /** Run as this user (permission cases, when the tests run as root). */
  as?: { uid: number; gid: number } | undefined;
}

const needsTty = (command: string): Sentences => ({
  fr: new RegExp(`^« pitch ${command} » a besoin d’un terminal interactif\\.$`),
  en: new RegExp(`^"pitch ${command}" needs an interactive terminal\\.$`),
});
const unknownTopic = (topic: string): Sentences => ({
  fr: new RegExp(`^Thème inconnu : « ${topic} »\\.$`),
  en: new RegExp(`^Unknown topic: "${topic}"\\.$`),
});
const unknownSection = (query: string): Sentences => ({
  fr: new RegExp(`^Aucune section ne correspond à « ${query} »\\.$`),
  en: new RegExp(`^No section matches "${query}"\\.$`),
});
const problems = (count: number): Sentences => ({
  fr: new RegExp(`^${count} problèmes? dans les paquets de questions\\.$`),
  en: new RegExp(`^${count} problems? in the question packs\\.$`),
});
/** What a pack problem looks like in the report or the warning: file:line, then the problem. */
const at = (place: string, fr: string, en: string): Sentences => ({
  fr: new RegExp(`${place} : .*${fr}`),
  en: new RegExp(`${place}: .*${en}`),
});
const skipped = (place: string, fr: string, en: string): Sentences => ({
  fr: new RegExp(
    `^\\d+ problèmes? dans les paquets de questions, questions concernées ignorées \\(par exemple .*${place} : .*${fr}.*Détail : pitch quiz --check$`,
  ),
  en: new RegExp(
    `^\\d+ problems? in the question packs, the questions concerned are skipped \\(for example .*${place}: .*${en}.*Details: pitch quiz --check$`,
  ),
});
const noRecorder: Sentences = {
  fr: /^Aucun enregistreur audio installé : il faut sox \(ou arecord, ou ffmpeg\)/,
  en: /^No audio recorder installed: recording the rehearsal needs sox/,
};
const noFfmpeg = { PATH: '/nonexistent' };

const rows: Row[] = [
  // Pitch files, through every command that reads one.
  {
    what: 'missing pitch file',
    args: ['sections', '--file', missingPitch],
    error: { fr: /^Fichier introuvable : .*nope\.md\.$/, en: /^File not found: .*nope\.md\.$/ },
  },
  {
    what: 'empty pitch file',
    args: ['show', '--file', emptyPitch],
    error: { fr: /empty\.md est vide\.$/, en: /empty\.md is empty\.$/ },
  },
  {
    what: 'pitch file of blanks only',
    args: ['sections', '--file', blankPitch],
    error: { fr: /blank\.md est vide\.$/, en: /blank\.md is empty\.$/ },
  },
  {
    what: 'binary pitch file',
    args: ['rehearse', '--file', binaryPitch],
    error: { fr: /binary\.md est un fichier binaire, pas du texte\.$/, en: /binary\.md is a binary file, not text\.$/ },
  },
  {
    what: 'non-UTF-8 pitch file',
    args: ['stats', '--file', latin1Pitch],
    error: { fr: /latin1\.md n’est pas encodé en UTF-8\.$/, en: /latin1\.md is not UTF-8 text\.$/ },
  },
  {
    what: 'pitch file over 1 MiB',
    args: ['quiz', '--file', hugePitch],
    error: { fr: /huge\.md est trop gros \(plus de 1024 Kio\)/, en: /huge\.md is too large \(over 1024 KiB\)/ },
  },
  {
    what: 'a directory as pitch file',
    args: ['interview', '--file', dirPitch],
    error: {
      fr: /a-directory\.md est un dossier, pas un fichier\.$/,
      en: /a-directory\.md is a directory, not a file\.$/,
    },
  },
  {
    what: 'Markdown without headings',
    args: ['analyze', join(ROOT, 'test/fixtures/audio/clean.wav'), '--section', '1', '--file', flatPitch],
    error: { fr: /flat\.md ne contient aucun titre Markdown/, en: /flat\.md has no Markdown headings/ },
  },
  {
    what: 'PITCH_FILE pointing at an empty file',
    args: ['show', '1'],
    env: { PITCH_FILE: emptyPitch },
    error: { fr: /empty\.md est vide\.$/, en: /empty\.md is empty\.$/ },
  },

  {
    what: 'a named pipe (FIFO) as pitch file',
    args: ['sections', '--file', fifoPitch],
    error: {
      fr: /fifo\.md est un tube nommé \(FIFO\), pas un fichier : pitch ne lit que des fichiers ordinaires\.$/,
      en: /fifo\.md is a named pipe \(FIFO\), not a file: pitch only reads regular files\.$/,
    },
  },
  {
    what: 'a symlink to /dev/zero as pitch file',
    args: ['show', '--file', zeroPitch],
    error: { fr: /zero\.md est un périphérique, pas un fichier/, en: /zero\.md is a device, not a file/ },
  },
  {
    what: '/dev/urandom as pitch file',
    args: ['stats', '--file', '/dev/urandom'],
    error: { fr: /^\/dev\/urandom est un périphérique/, en: /^\/dev\/urandom is a device/ },
  },
  {
    what: 'a symlink loop as pitch file',
    args: ['rehearse', '--file', loopPitch],
    error: {
      fr: /loop-a\.md mène à une boucle de liens symboliques\.$/,
      en: /loop-a\.md leads to a loop of symbolic links\.$/,
    },
  },
  {
    what: 'a file name too long for the system',
    args: ['sections', '--file', longName],
    error: { fr: /^Nom de fichier trop long pour le système : .*…/, en: /^File name too long for the system: .*…/ },
  },
  {
    what: '--file - with nothing piped in',
    args: ['sections', '--file', '-'],
    error: { fr: /^stdin est vide\.$/, en: /^stdin is empty\.$/ },
  },

  // Unknown section or topic.
  { what: 'unknown section (show)', args: ['show', 'zzzz'], error: unknownSection('zzzz') },
  { what: 'unknown section (rehearse)', args: ['rehearse', 'zzzz'], error: unknownSection('zzzz') },
  { what: 'unknown section (stats)', args: ['stats', '--section', 'zzzz'], error: unknownSection('zzzz') },
  { what: 'unknown topic (quiz)', args: ['quiz', '--topic', 'nope'], error: unknownTopic('nope') },
  { what: 'unknown topic (interview)', args: ['interview', '--topics', 'spark,nope'], error: unknownTopic('nope') },
  { what: 'unknown topic (stats)', args: ['stats', '--topic', 'nope'], error: unknownTopic('nope') },

  // Bad option values.
  {
    what: '--target that is not a duration',
    args: ['rehearse', '--target', 'soon'],
    error: { fr: /^Durée cible invalide : « soon »\.$/, en: /^Invalid target time: "soon"\.$/ },
  },
  {
    what: '--target of zero',
    args: ['rehearse', '--target', '0s'],
    error: { fr: /^Durée cible invalide : « 0s »\.$/, en: /^Invalid target time: "0s"\.$/ },
  },
  {
    what: '--only past the last split',
    args: ['rehearse', '--only', '9'],
    error: { fr: /^Étape invalide : « 9 »/, en: /^Invalid split: "9"/ },
  },
  {
    what: '--count of zero',
    args: ['quiz', '--count', '0'],
    error: {
      fr: /^--count attend un nombre entier entre 1 et 500 \(reçu : « 0 »\)\.$/,
      en: /^--count expects a whole number from 1 to 500 \(got "0"\)\.$/,
    },
  },
  {
    what: '--count that is not a number',
    args: ['quiz', '--count', 'abc'],
    error: { fr: /^--count attend un nombre entier.*« abc »/, en: /^--count expects a whole number.*"abc"/ },
  },
  {
    what: '--count without a value',
    args: ['quiz', '--count'],
    error: {
      fr: /^L’option « -n, --count <n> » attend une valeur\.$/,
      en: /^The option "-n, --count <n>" needs a value\.$/,
    },
  },
  {
    what: 'unknown --mode',
    args: ['quiz', '--mode', 'oral'],
    error: { fr: /^Mode inconnu : « oral »\.$/, en: /^Unknown mode: "oral"\.$/ },
  },
  {
    what: '--since that is not a period',
    args: ['stats', '--since', 'hier'],
    error: { fr: /^Période invalide pour --since : « hier »\.$/, en: /^Invalid period for --since: "hier"\.$/ },
  },
  {
    what: '--since in the future',
    args: ['stats', '--since', '2999-01-01'],
    error: {
      fr: /^La date de --since \(2999-01-01\) est dans le futur\.$/,
      en: /^The --since date \(2999-01-01\) is in the future\.$/,
    },
  },
  {
    what: 'unknown --lang',
    args: ['--lang', 'de', 'sections'],
    englishByLocale: true,
    error: { fr: /^Langue inconnue : « de »/, en: /^Unknown language: "de"/ },
  },
  {
    what: '--lang without a value',
    args: ['sections', '--lang'],
    englishByLocale: true,
    error: { fr: /^--lang attend une langue : fr ou en\.$/, en: /^--lang needs a language: fr or en\.$/ },
  },
  {
    what: '--questions out of range',
    args: ['interview', '--questions', '99'],
    error: { fr: /^Nombre de questions invalide : « 99 »\.$/, en: /^Invalid number of questions: "99"\.$/ },
  },
  {
    what: '--answer-time too short',
    args: ['interview', '--answer-time', '2s'],
    error: { fr: /^Temps de réponse invalide : « 2s »\.$/, en: /^Invalid answer time: "2s"\.$/ },
  },
  {
    what: '--answer-time not a duration',
    args: ['interview', '--answer-time', 'vite'],
    error: { fr: /^Temps de réponse invalide : « vite »\.$/, en: /^Invalid answer time: "vite"\.$/ },
  },

  // Interactive commands without a terminal.
  { what: 'rehearse without a terminal', args: ['rehearse'], error: needsTty('rehearse') },
  { what: 'quiz without a terminal', args: ['quiz', '--topic', 'spark'], error: needsTty('quiz') },
  { what: 'interview without a terminal', args: ['interview'], error: needsTty('interview') },

  // No recorder: said before anything starts, terminal or not.
  {
    what: 'rehearse --record, PITCH_RECORDER=none',
    args: ['rehearse', '--record'],
    env: { PITCH_RECORDER: 'none' },
    error: noRecorder,
  },
  { what: 'rehearse --record, empty PATH', args: ['rehearse', '--record'], env: { PATH: '' }, error: noRecorder },

  // Recordings that are not usable WAV files.
  {
    what: 'not a WAV (no ffmpeg to try)',
    args: ['analyze', notWav],
    env: noFfmpeg,
    error: {
      fr: /notes\.wav n’est pas un fichier WAV, et ffmpeg n’est pas installé/,
      en: /notes\.wav is not a WAV file, and ffmpeg is not installed/,
    },
  },
  {
    what: 'WAV with a truncated header',
    args: ['analyze', truncatedWav],
    env: noFfmpeg,
    error: {
      fr: /truncated\.wav est tronqué : son en-tête WAV est incomplet\.$/,
      en: /truncated\.wav is truncated: its WAV header is incomplete\.$/,
    },
  },
  {
    what: 'zero-length WAV',
    args: ['analyze', zeroWav],
    env: noFfmpeg,
    error: { fr: /zero\.wav est vide \(0 octet\)\.$/, en: /zero\.wav is empty \(0 bytes\)\.$/ },
  },
  {
    what: 'WAV header without samples',
    args: ['analyze', headerOnlyWav],
    env: noFfmpeg,
    error: {
      fr: /header-only\.wav ne contient aucun échantillon audio\.$/,
      en: /header-only\.wav contains no audio samples\.$/,
    },
  },
  {
    what: 'a named pipe as recording',
    args: ['analyze', fifoWav],
    error: { fr: /fifo\.wav est un tube nommé \(FIFO\)/, en: /fifo\.wav is a named pipe \(FIFO\)/ },
  },
  {
    what: 'a symlink to /dev/zero as recording',
    args: ['analyze', zeroWav2],
    error: { fr: /zero-link\.wav est un périphérique/, en: /zero-link\.wav is a device/ },
  },
  {
    what: 'missing recording',
    args: ['analyze', join(dir, 'nope.wav')],
    error: { fr: /^Fichier introuvable : .*nope\.wav\.$/, en: /^File not found: .*nope\.wav\.$/ },
  },
  {
    what: 'a directory as recording',
    args: ['analyze', dir],
    error: { fr: /est un dossier, pas un fichier\.$/, en: /is a directory, not a file\.$/ },
  },
  {
    what: 'analyze without a file',
    args: ['analyze'],
    error: { fr: /^Argument manquant : « audio »\.$/, en: /^Missing argument: "audio"\.$/ },
  },

  // Question packs, checked: the report names file and line of each problem, then one error sentence.
  {
    what: 'pack with a YAML syntax error (--check)',
    args: ['quiz', '--check', syntaxPack],
    error: problems(1),
    report: at('syntax/pack\\.yaml:\\d+', 'YAML invalide', 'invalid YAML'),
  },
  {
    what: 'pack with a duplicate id (--check)',
    args: ['quiz', '--check', duplicatePack],
    error: problems(1),
    report: at('duplicate/pack\\.yaml:9', 'l’id « d-1 » est déjà pris', 'the id "d-1" is already taken'),
  },
  {
    what: 'pack with wrong types (--check)',
    args: ['quiz', '--check', wrongTypesPack],
    error: problems(3),
    report: at('types/pack\\.yaml:6', '« difficulty » doit valoir 1, 2 ou 3', '"difficulty" must be 1, 2 or 3'),
  },
  {
    what: 'pack with missing fields (--check)',
    args: ['quiz', '--check', missingFieldsPack],
    error: problems(1),
    report: at('fields/pack\\.yaml:1', '« title » est obligatoire', '"title" is required'),
  },
  {
    what: 'binary, non-UTF-8 and huge packs (--check)',
    args: ['quiz', '--check', unreadablePacks],
    error: problems(3),
    report: at('huge\\.yaml', 'trop gros', 'too large'),
  },
  {
    what: 'a FIFO, /dev/zero and /dev/urandom among the packs (--check)',
    args: ['quiz', '--check', devicePacks],
    error: problems(3),
    report: at('b-zero\\.yaml', 'est un périphérique', 'is a device'),
  },
  {
    what: 'a YAML alias bomb (--check)',
    args: ['quiz', '--check', bombPack],
    error: problems(1),
    report: at(
      'bomb/pack\\.yaml:\\d+',
      'trop d’alias YAML à développer \\(plus de 1000\\)',
      'too many YAML aliases to expand \\(over 1000\\)',
    ),
  },
  {
    what: 'YAML nested 5,000 levels deep (--check)',
    args: ['quiz', '--check', deepPack],
    error: problems(1),
    report: at('deep/pack\\.yaml:\\d+', 'imbriqué trop profondément', 'nested too deeply'),
  },
  {
    what: 'a pack folder that cannot be listed (--check)',
    args: ['quiz', '--check', lockedPacks],
    as: asNobody,
    error: {
      fr: /^Impossible de lister le dossier de paquets .*locked \(droits insuffisants\)\.$/,
      en: /^Cannot list the pack folder .*locked \(permission denied\)\.$/,
    },
  },
  {
    what: '--bank as a symlink loop',
    args: ['quiz', '--bank', loopBank],
    error: {
      fr: /loop-bank mène à une boucle de liens symboliques\.$/,
      en: /loop-bank leads to a loop of symbolic links\.$/,
    },
  },
  {
    what: '--bank with a name too long for the system',
    args: ['quiz', '--bank', join(dir, tooLongPack)],
    error: { fr: /^Nom de fichier trop long pour le système/, en: /^File name too long for the system/ },
  },
  {
    what: '--check on a directory without packs',
    args: ['quiz', '--check', emptyPackDir],
    error: {
      fr: /^Aucun paquet de questions \(\.yaml\) dans .*no-packs\.$/,
      en: /^No question pack \(\.yaml\) in .*no-packs\.$/,
    },
  },

  // The same packs through --bank: the broken questions are skipped with one warning naming file:line.
  {
    what: 'pack with a YAML syntax error (--bank)',
    args: ['quiz', '--bank', syntaxPack, '--topic', 'syntax-pack'],
    error: unknownTopic('syntax-pack'),
    warning: skipped('syntax/pack\\.yaml:\\d+', 'YAML invalide', 'invalid YAML'),
  },
  {
    what: 'pack with a duplicate id (--bank)',
    args: ['quiz', '--bank', duplicatePack, '--topic', 'dup-pack'],
    error: needsTty('quiz'),
    warning: skipped('duplicate/pack\\.yaml:9', 'déjà pris', 'already taken'),
  },
  {
    what: 'pack with wrong types (--bank)',
    args: ['quiz', '--bank', wrongTypesPack, '--topic', 'types-pack'],
    error: needsTty('quiz'),
    warning: skipped('types/pack\\.yaml:6', '« difficulty »', '"difficulty"'),
  },
  {
    what: 'pack with missing fields (--bank)',
    args: ['quiz', '--bank', missingFieldsPack, '--topic', 'fields-pack'],
    error: unknownTopic('fields-pack'),
    warning: skipped('fields/pack\\.yaml:1', '« title » est obligatoire', '"title" is required'),
  },
  {
    what: 'a YAML alias bomb in $PITCH_HOME/questions (--bank warning)',
    args: ['quiz', '--topic', 'spark'],
    setup: (home) => {
      mkdirSync(join(home, 'questions'));
      writeFileSync(join(home, 'questions', 'bomb.yaml'), aliasBomb('home-bomb'));
    },
    error: needsTty('quiz'),
    warning: skipped('questions/bomb\\.yaml:\\d+', 'trop d’alias YAML', 'too many YAML aliases'),
  },
  {
    what: '$PITCH_HOME/questions that cannot be listed',
    args: ['quiz', '--topic', 'spark'],
    as: asNobody,
    setup: (home) => {
      mkdirSync(join(home, 'questions'));
      chmodSync(join(home, 'questions'), 0o000);
    },
    error: {
      fr: /^Impossible de lister le dossier de paquets .*questions/,
      en: /^Cannot list the pack folder .*questions/,
    },
  },
  {
    what: '--bank that does not exist',
    args: ['quiz', '--bank', join(dir, 'no-such-bank')],
    error: {
      fr: /^Paquets de questions introuvables : .*no-such-bank\.$/,
      en: /^Question packs not found: .*no-such-bank\.$/,
    },
  },

  // export, history and the program itself.
  {
    what: 'export without --csv',
    args: ['export'],
    error: { fr: /^Dites où écrire l’export : --csv DOSSIER\.$/, en: /^Say where to write the export: --csv DIR\.$/ },
  },
  {
    what: 'export into a file',
    args: ['export', '--csv', notADirectory],
    error: {
      fr: /flat\.md existe déjà et n’est pas un dossier\.$/,
      en: /flat\.md already exists and is not a directory\.$/,
    },
  },
  {
    what: 'history with an argument',
    args: ['history', 'all'],
    error: {
      fr: /^Trop d’arguments pour « pitch history » \(au plus 0\)\.$/,
      en: /^Too many arguments for "pitch history" \(at most 0\)\.$/,
    },
  },
  {
    what: 'history with an unknown option',
    args: ['history', '--jsn'],
    error: { fr: /^Option inconnue : « --jsn »\.$/, en: /^Unknown option: "--jsn"\.$/ },
    hint: { fr: /^Vouliez-vous dire --json \?/, en: /^Did you mean --json\?/ },
  },
  {
    what: 'unknown command',
    args: ['rehears'],
    error: { fr: /^Commande inconnue : « rehears »\.$/, en: /^Unknown command: "rehears"\.$/ },
    hint: { fr: /^Vouliez-vous dire rehearse \?/, en: /^Did you mean rehearse\?/ },
  },
  {
    // Not the user's mistake but this pitch's age: a failure (1), and the file must stay as it is.
    what: 'history written by a newer pitch',
    args: ['history'],
    code: 1,
    setup: (home) =>
      appendFileSync(
        join(home, 'history.jsonl'),
        `${JSON.stringify({ v: 99, type: 'rehearsal', record: { future: true } })}\n`,
      ),
    error: {
      fr: /history\.jsonl a été écrit par une version plus récente de pitch \(schéma 99/,
      en: /history\.jsonl was written by a newer version of pitch \(schema 99/,
    },
  },
];

// ---------------------------------------------------------------- the data directory

/** A data directory with some history and cards in it, so that "no write" has something to protect. */
function seededHome(setup?: (home: string) => void): string {
  const { home, cleanup } = tempHome();
  homes.push(cleanup);
  const store = new Store({ home });
  store.update(historySpec, (doc) => {
    doc.rehearsals.push({
      id: 'a1',
      startedAt: '2026-11-01T10:00:00.000Z',
      sectionId: '1-pitch-court',
      sectionTitle: 'Pitch court',
      targetSeconds: 120,
      promptLevel: 'full',
      kind: 'complete',
      totalSeconds: 118,
      splits: [{ key: '1-a', title: 'a', budgetSeconds: 120, seconds: 118, words: 250 }],
      words: 250,
    });
  });
  store.update(
    cardsSpec,
    (doc) =>
      void applyReview(doc, {
        questionId: 'spark-lazy-1',
        topic: 'spark',
        kind: 'mcq',
        rating: 3,
        seconds: 4,
        session: 's1',
        now: new Date('2026-11-01T10:05:00Z'),
      }),
  );
  mkdirSync(join(home, 'recordings'));
  setup?.(home);
  return home;
}

/**
 * Every file and directory under the data directory with its size, modification time and content hash.
 * cache/ is left out: it holds parsed question packs (a copy of bundled data, rebuilt whenever a pack
 * changes) and is written by any command that reads packs, including ones that then refuse an option.
 */
function snapshot(home: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(home, relative))) {
      const path = relative ? `${relative}/${name}` : name;
      if (path === 'cache') continue;
      const stat = statSync(join(home, path));
      if (stat.isDirectory()) {
        entries[`${path}/`] = `dir ${stat.mtimeMs}`;
        walk(path);
      } else {
        entries[path] = `${stat.size} ${stat.mtimeMs} ${createHash('sha1')
          .update(readFileSync(join(home, path)))
          .digest('hex')}`;
      }
    }
  };
  walk('');
  return entries;
}

// ---------------------------------------------------------------- the test

const LANGS = {
  fr: { error: 'Erreur : ', hint: 'Astuce : ' },
  en: { error: 'Error: ', hint: 'Hint: ' },
} as const;

describe(`${rows.length} bad inputs, each in French and English: one sentence, a hint, the right exit code, no write`, () => {
  it('the table covers every command', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const commands = new Set(rows.map((row) => row.args.find((a) => !a.startsWith('-'))));
    for (const command of [
      'sections',
      'show',
      'rehearse',
      'quiz',
      'interview',
      'analyze',
      'stats',
      'export',
      'history',
    ])
      expect(commands).toContain(command);
    expect(rows.some((row) => row.args.includes('--lang'))).toBe(true);
  });

  it('the snapshot does see a write (a torn last line of history.jsonl moved aside)', () => {
    const home = seededHome((h) =>
      appendFileSync(join(h, 'history.jsonl'), '{"v":1,"type":"rehearsal","record":{"id":"tron'),
    );
    const before = snapshot(home);
    const r = runCli(['history', '--json'], { PITCH_HOME: home });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/mises de côté/);
    expect(snapshot(home)).not.toEqual(before);
  });

  describe.each(['fr', 'en'] as const)('%s', (lang) => {
    const unreachable = rows.filter((row) => row.as && !nobodyRunsPitch);
    it.skip.each(unreachable.map((row) => [row.what] as const))(
      '%s (skipped: user nobody cannot reach this checkout to run pitch)',
      () => {},
    );
    const runnable = rows.filter((row) => !unreachable.includes(row));
    it.each(runnable.map((row) => [row.what, row] as const))('%s', (_what, row) => {
      const home = seededHome(row.setup);
      const before = snapshot(home);
      const english = lang === 'en' && !row.englishByLocale ? ['--lang', 'en'] : [];
      const locale = lang === 'en' && row.englishByLocale ? { LANG: 'en_US.UTF-8' } : {};
      if (row.as) {
        // Another user must reach the data directory and the test files (mkdtemp makes them private).
        chmodSync(home, 0o755);
        chmodSync(dir, 0o755);
      }
      const r = runCli([...english, ...row.args], { PITCH_HOME: home, ...row.env, ...locale }, undefined, ROOT, row.as);
      const show = `\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

      expect(r.code, show).toBe(row.code ?? 2);
      expect(r.stderr, show).not.toMatch(/^\s+at /m);
      const lines = r.stderr.replace(/\n$/, '').split('\n');
      const { error: prefix, hint } = LANGS[lang];
      const errors = lines.filter((l) => l.startsWith(prefix));
      expect(errors, show).toHaveLength(1);
      const at = lines.indexOf(errors[0]!);
      // Nothing after the hint, and before the error only the one warning the row allows.
      expect(at, show).toBe(lines.length - 2);
      expect(lines[at + 1], show).toMatch(new RegExp(`^${hint}\\S`));
      expect(errors[0]!.slice(prefix.length), show).toMatch(row.error[lang]);
      if (row.hint) expect(lines[at + 1]!.slice(hint.length), show).toMatch(row.hint[lang]);
      if (row.warning) {
        expect(at, show).toBe(1);
        expect(lines[0], show).toMatch(row.warning[lang]);
      } else expect(at, show).toBe(0);

      if (row.report) expect(r.stdout, show).toMatch(row.report[lang]);
      else expect(r.stdout, show).toBe('');
      expect(snapshot(home)).toEqual(before);
    });
  });
});
