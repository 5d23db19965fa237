import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { homesForThisFile, runCli } from '../helpers/cli.js';
import { spawnPitch } from '../helpers/pty.js';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { attempt, card, review } from '../unit/stats/fixture.js';

const freshHome = homesForThisFile();

// The binary runs on the real clock: the history is dated from today, in UTC (TZ=UTC below).
const DAY = 86_400_000;
const startOfToday = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (k: number, minutes = 0) => new Date(startOfToday - k * DAY + minutes * 60_000).toISOString();

/** Packs of the user's own: topics "demo" and "other", four flash cards each. */
function writePacks(home: string): void {
  mkdirSync(join(home, 'questions'), { recursive: true });
  for (const topic of ['demo', 'other']) {
    const questions = [1, 2, 3, 4].map(
      (n) =>
        `  - id: ${topic}-${n}\n    kind: flash\n    difficulty: 1\n    prompt: "Question ${topic} ${n} ?"\n    modelAnswer: "Réponse ${n}"\n`,
    );
    writeFileSync(
      join(home, 'questions', `${topic}.yaml`),
      `topic: ${topic}\ntitle: Thème ${topic}\nquestions:\n${questions.join('')}`,
    );
  }
}

/** A history written by the real store: PB 121 s (a 90 s practice run must not count), a 3-day streak, two topics. */
function populatedHome(): string {
  const home = freshHome();
  writePacks(home);
  const store = new Store({ home });
  store.update(historySpec, (doc) => {
    doc.rehearsals.push(
      attempt(daysAgo(10), 'complete', [42, 45, 41], { id: 'a1', sectionTitle: 'Pitch, « court »' }),
      attempt(daysAgo(6), 'complete', [38, 46, 37], { id: 'a2' }),
      attempt(daysAgo(5), 'practice', [30, 30, 30], { id: 'a3' }),
      attempt(daysAgo(2), 'incomplete', [37, null, null], { id: 'a4' }),
      attempt(daysAgo(1), 'complete', [39, 47, 38], {
        id: 'a5',
        speech: { wordsPerMinute: 152, longestPauseSeconds: 1.2 },
      }),
      attempt(daysAgo(0), 'complete', [41, 48, 36], {
        id: 'a6',
        speech: { wordsPerMinute: 171, longestPauseSeconds: 2.5 },
      }),
    );
    doc.quizzes.push({
      id: 's1',
      startedAt: daysAgo(1),
      endedAt: daysAgo(1, 10),
      topics: [],
      mode: 'mixed',
      cram: false,
      interrupted: false,
      reviews: [],
    });
  });
  store.update(cardsSpec, (doc) => {
    doc.reviews.push(
      review(daysAgo(6), 'demo-1', 'demo', 3),
      review(daysAgo(6, 1), 'demo-2', 'demo', 1),
      review(daysAgo(1), 'demo-3', 'demo', 4),
      review(daysAgo(1, 1), 'demo-2', 'demo', 2),
      review(daysAgo(0), 'other-1', 'other', 1, 2, { session: 's2' }),
    );
    doc.cards['demo-1'] = card(daysAgo(-1), 2);
    doc.cards['demo-2'] = card(daysAgo(-2), 3, 3);
    doc.cards['demo-3'] = card(daysAgo(-20), 2);
    doc.cards['other-1'] = card(daysAgo(1), 1, 1);
  });
  return home;
}

const env = (home: string, extra: Record<string, string> = {}) => ({ PITCH_HOME: home, TZ: 'UTC', ...extra });
/**
 * Every file of a home with its size and modification time: a read-only command changes none.
 * cache/ is left out: parsed question packs are cached there, which is not user data.
 */
const snapshot = (home: string) =>
  readdirSync(home, { recursive: true })
    .map(String)
    .filter((f) => f !== 'cache' && !f.startsWith('cache/'))
    .sort()
    .map((f) => {
      const s = statSync(join(home, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    });

describe('pitch stats --json (built binary)', () => {
  const home = populatedHome();
  const r = runCli(['stats', '--json'], env(home));
  const data = JSON.parse(r.stdout);

  it('has the contract: counts and bests per section, reviews and cards per topic by state with retention', () => {
    expect(r.code).toBe(0);
    expect(data.rehearsals).toMatchObject({
      count: 6,
      completed: 4,
      practice: 1,
      incomplete: 1,
      best: { '1-pitch-court': 121 },
    });
    expect(data.quiz.reviews).toBe(5);
    expect(data.quiz.topics.demo).toMatchObject({ new: 1, learning: 1, review: 2, retention: 0.75 });
    expect(data.quiz.topics.other).toMatchObject({ new: 3, learning: 1, review: 0, retention: 0 });
    // Bundled topics are there too, every card new.
    expect(data.quiz.topics.spark.new).toBe(data.quiz.topics.spark.questions);
    expect(data.quiz.topics.pitch.questions).toBeGreaterThan(0);
  });

  it('holds every figure the text shows', () => {
    const section = data.rehearsals.sections[0];
    expect(section).toMatchObject({
      id: '1-pitch-court',
      targetSeconds: 120,
      personalBest: 121,
      // Best segments and medians come from the four complete runs only: 38 + 45 + 36.
      sumOfBest: 119,
      costliestSplit: '2-mission',
    });
    expect(section.runs).toHaveLength(4);
    expect(section.splits.map((s: { median: number }) => s.median)).toEqual([40, 46.5, 37.5]);
    expect(data.rehearsals.streak).toMatchObject({ current: 3 });
    expect(data.speech).toMatchObject({ recorded: 2, wordsPerMinute: { median: 162, inBand: 1 } });
    expect(data.quiz).toMatchObject({ sessions: 1, streak: { current: 2 }, dueNow: 1 });
    expect(data.quiz.forecast).toHaveLength(7);
    expect(data.quiz.forecast[0].due).toBe(1);
    expect(data.quiz.weakest[0]).toMatchObject({ id: 'demo-2', lapses: 3, prompt: 'Question demo 2 ?' });
    expect(data.quiz.calendar.days.length).toBeGreaterThanOrEqual(78);
    expect(data).toMatchObject({
      timeZone: 'UTC',
      filters: { since: null, section: null, topics: null },
      interviews: { count: 0 },
    });
  });

  it('narrows with --section (rehearsals only), --topic (quiz only) and --since', () => {
    const section = JSON.parse(runCli(['stats', '--json', '--section', '1'], env(home)).stdout);
    expect(section.quiz).toBeNull();
    expect(section.filters.section).toBe('1-pitch-court');
    const topic = JSON.parse(runCli(['stats', '--json', '--topic', 'other'], env(home)).stdout);
    expect(topic.rehearsals).toBeNull();
    expect(Object.keys(topic.quiz.topics)).toEqual(['other']);
    expect(topic.quiz.reviews).toBe(1);
    const since = JSON.parse(runCli(['stats', '--json', '--since', '2d'], env(home)).stdout);
    expect(since.rehearsals.count).toBe(2);
    expect(since.filters.since).toBe(daysAgo(1).slice(0, 10));
  });

  it('is zeros and empty lists for an empty home', () => {
    const empty = JSON.parse(runCli(['stats', '--json'], env(freshHome())).stdout);
    expect(empty.rehearsals).toMatchObject({ count: 0, completed: 0, best: {}, sections: [] });
    expect(empty.quiz).toMatchObject({ reviews: 0, weakest: [] });
    expect(empty.quiz.topics.spark).toMatchObject({ learning: 0, review: 0, retention: null });
  });

  it('never writes to the store', () => {
    const before = snapshot(home);
    runCli(['stats'], env(home));
    runCli(['stats', '--json', '--since', '1y'], env(home));
    expect(snapshot(home)).toEqual(before);
  });
});

describe('pitch stats, as text', () => {
  const home = populatedHome();

  it.each([80, 120])('fits %i columns, readable without colour', (columns) => {
    const r = runCli(['stats'], env(home, { COLUMNS: String(columns) }));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
    for (const heading of [
      'Répétitions',
      'Voix',
      'Quiz',
      'Révisions par jour',
      'Cartes par thème',
      'À réviser',
      'Questions les plus fragiles',
    ])
      expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain('record 2:01.0');
    expect(r.stdout).toContain('§ Pitch court (≈ 2 min) — objectif 2:00');
  });

  it('says in one line per part that an empty home has nothing yet', () => {
    const r = runCli(['stats'], env(freshHome()));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').filter(Boolean)).toEqual([
      'Pitch : data/pitch.fr.md (fourni ; le vôtre : pitch init)',
      'Répétitions : aucune répétition — lancez « pitch rehearse ».',
      'Voix : aucun essai enregistré — essayez « pitch rehearse --record ».',
      'Quiz : aucune révision — lancez « pitch quiz ».',
    ]);
  });

  it('draws charts in colour in a real terminal, in the language asked', async () => {
    const p = spawnPitch(
      ['--lang', 'en', 'stats'],
      { PITCH_HOME: home, TZ: 'UTC' },
      { cols: 100, rows: 60 },
      { lingerMs: 500 },
    );
    await p.waitFor('Weakest questions');
    expect((await p.exited).exitCode).toBe(0);
    expect(p.raw()).toMatch(/\x1b\[\d+m/);
    expect(p.text()).toContain('Rehearsals');
    expect(p.text()).toMatch(/2:00 ┤┄+/);
    for (const line of stripVTControlCharacters(p.raw()).split(/\r?\n/))
      expect([...line].length).toBeLessThanOrEqual(100);
  });
});

describe('pitch stats, bad input: one sentence, a hint, exit 2, nothing written', () => {
  const home = populatedHome();
  const cases: Array<[string[], RegExp, RegExp]> = [
    [['--since', 'abc'], /Période invalide pour --since : « abc »/, /30d/],
    [['--since', '0d'], /Période invalide/, /12w/],
    [['--since', '2999-01-01'], /est dans le futur/, /aujourd’hui/],
    [['--since', '40y'], /plus de dix ans/, /Sans --since/],
    [['--section', '99'], /Aucune section ne correspond à « 99 »/, /pitch sections/],
    [['--topic', 'sprak'], /Thème inconnu : « sprak »/, /Thèmes proches : spark/],
    [['--topic', 'zzzzzzzz'], /Thème inconnu/, /--list-topics/],
    [['--file', '/nonexistent/pitch.md'], /Fichier introuvable/, /--file/],
  ];
  it.each(cases)('stats %j', (args, message, hint) => {
    const before = snapshot(home);
    const r = runCli(['stats', ...args], env(home));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(hint);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(snapshot(home)).toEqual(before);
  });

  it('speaks English too', () => {
    const r = runCli(['--lang', 'en', 'stats', '--since', 'soon'], env(home));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid period for --since: "soon".');
  });
});

describe('pitch stats with two pitch files (one English) sharing a section id', () => {
  const home = freshHome();
  const write = (name: string, text: string) => {
    writeFileSync(join(home, name), text);
    return realpathSync(join(home, name));
  };
  const fr = write(
    'mon-pitch.md',
    '---\nlang: fr\n---\n# Pitch court\n\nBonjour, je suis ingénieure et je travaille sur les données.\n',
  );
  const en = write(
    'my-pitch.md',
    '---\nlang: en\n---\n# Pitch court\n\nHello, I am an engineer and I work with data.\n',
  );
  const store = new Store({ home });
  store.update(historySpec, (doc) => {
    doc.rehearsals.push(
      // 125 words a minute: within the French 120–160, slow for the English 130–170.
      attempt(daysAgo(2), 'complete', [35, 35, 35], { id: 'f1', pitchFile: fr, speech: { wordsPerMinute: 125 } }),
      attempt(daysAgo(1), 'complete', [40, 40, 40], { id: 'e1', pitchFile: en, speech: { wordsPerMinute: 125 } }),
    );
  });

  it('judges each pace by its pitch’s language and keeps one best per pitch file', () => {
    const r = runCli(['stats', '--json'], env(home));
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.speech.wordsPerMinute).toMatchObject({ measured: 2, inBand: 1 });
    expect(data.speech.bands).toEqual({
      fr: { min: 120, max: 160, measured: 1, inBand: 1 },
      en: { min: 130, max: 170, measured: 1, inBand: 0 },
    });
    expect(data.speech.unknownLang).toBe(0);
    expect(data.rehearsals.bestByPitch).toEqual({ [en]: { '1-pitch-court': 120 }, [fr]: { '1-pitch-court': 105 } });
    // The pitch rehearsed last is the one `best` speaks of: never the other file's faster run.
    expect(data.rehearsals.best).toEqual({ '1-pitch-court': 120 });
  });

  it('names the pitch of each section and the band used, in French and in English', () => {
    const text = runCli(['stats', '--section', '1-pitch-court'], env(home, { COLUMNS: '200' })).stdout;
    expect(text).toContain(`pitch : ${en}`);
    expect(text).toContain(`pitch : ${fr}`);
    expect(text).toContain('plage 130–170 (anglais)');
    const english = runCli(['--lang', 'en', 'stats'], env(home, { COLUMNS: '200' })).stdout;
    expect(english).toContain(`pitch: ${en}`);
    expect(english).toContain('each attempt is judged against the band of its pitch’s language');
  });
});

describe('pitch export --csv', () => {
  const home = populatedHome();
  const out = join(freshHome(), 'export dir');

  it('in English: attempts, splits, reviews and interviews, comma-separated: UTF-8, a header row, ISO dates, quoted fields', () => {
    const r = runCli(['--lang', 'en', 'export', '--csv', out], env(home));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 CSV files written to');
    expect(r.stdout).toMatch(/attempts\.csv +6 rows/);
    expect(readdirSync(out).sort()).toEqual(['attempts.csv', 'interviews.csv', 'reviews.csv', 'splits.csv']);
    const read = (name: string) => {
      const text = readFileSync(join(out, name), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return text.slice(1).split('\r\n').filter(Boolean);
    };
    const attempts = read('attempts.csv');
    expect(attempts[0]).toBe(
      'id,started_at,section_id,section_title,kind,target_seconds,total_seconds,delta_seconds,splits_timed,splits_total,prompt_level,words,words_per_minute,longest_pause_seconds',
    );
    expect(attempts).toHaveLength(7);
    expect(attempts[1]).toBe(`a1,${daysAgo(10)},1-pitch-court,"Pitch, « court »",complete,120,128,8,3,3,full,270,,`);
    expect(attempts[6]).toMatch(
      /^a6,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,1-pitch-court,Pitch court \(≈ 2 min\),complete,120,125,5,3,3,full,270,171,2\.5$/,
    );
    expect(read('splits.csv')).toHaveLength(1 + 6 * 3);
    const reviews = read('reviews.csv');
    expect(reviews[0]).toBe(
      'reviewed_at,question_id,topic,kind,rating,rating_name,state_before,elapsed_days,seconds,cram,session',
    );
    expect(reviews[5]).toBe(`${daysAgo(0)},other-1,other,flash,1,again,review,3,10,false,s2`);
  });

  it('in French: semicolons and decimal commas, so a French spreadsheet opens it in columns; --delimiter overrides', () => {
    const r = runCli(['export', '--csv', out], env(home));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 fichiers CSV écrits dans');
    expect(r.stdout).toMatch(/attempts\.csv +6 lignes/);
    const attempts = readFileSync(join(out, 'attempts.csv'), 'utf8').slice(1).split('\r\n');
    expect(attempts[0]).toMatch(/^id;started_at;section_id;section_title;kind;/);
    expect(attempts[1]).toBe(`a1;${daysAgo(10)};1-pitch-court;Pitch, « court »;complete;120;128;8;3;3;full;270;;`);
    expect(attempts[6]).toMatch(/;270;171;2,5$/);
    expect(readFileSync(join(out, 'interviews.csv'), 'utf8')).toMatch(
      /^\uFEFFinterview_started_at;question_number;question_id;topic;seconds;key_points_covered;key_points_total;rating;rating_name\r\n/,
    );
    expect(runCli(['export', '--csv', out, '--delimiter', 'tab'], env(home)).code).toBe(0);
    expect(readFileSync(join(out, 'attempts.csv'), 'utf8')).toMatch(/\t270\t171\t2,5\r\n/);
    const bad = runCli(['export', '--csv', out, '--delimiter', 'ab'], env(home));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Séparateur invalide pour --delimiter : « ab ».');
  });

  it('replaces the files of an earlier export', () => {
    writeFileSync(join(out, 'reviews.csv'), 'old');
    expect(runCli(['export', '--csv', out], env(home)).code).toBe(0);
    expect(readFileSync(join(out, 'reviews.csv'), 'utf8')).toContain('reviewed_at');
  });

  it('refuses a path that is a file, and a missing --csv, with exit 2', () => {
    const file = join(out, 'attempts.csv');
    const r = runCli(['export', '--csv', file], env(home));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('existe déjà et n’est pas un dossier');
    const none = runCli(['export'], env(home));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--csv DOSSIER');
  });
});
