// The quiz command in-process with the prompts adapter swapped for scripted answers: the wiring
// between options, packs, store, session and screen, without a terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { createContext, type AppContext } from '../../../src/cli/context.js';
import { quizCommand, type QuizOptions } from '../../../src/cli/commands/quiz.js';
import type { Prompts } from '../../../src/ui/prompts.js';
import { FIXTURES, seeded } from './helpers.js';
import { storedData } from '../../helpers/records.js';

const homes: string[] = [];
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

async function setup() {
  const home = mkdtempSync(join(tmpdir(), 'pitch-quiz-cmd-'));
  homes.push(home);
  const ctx = createContext('fr', { PITCH_HOME: home });
  await ctx.ready();
  let out = '';
  let err = '';
  let clock = Date.parse('2026-11-26T09:00:00Z');
  ctx.stdout = { write: (s: string) => ((out += s), true), columns: 100 };
  ctx.stderr = { write: (s: string) => ((err += s), true) };
  ctx.now = () => new Date((clock += 3000));
  return { home, ctx, out: () => stripVTControlCharacters(out), err: () => err };
}

/** Answers every question right, by reading the question (never by call order), and rates with the suggestion. */
function rightAnswers(asked: string[]): Prompts {
  return {
    async askChoice({ options }) {
      asked.push('choice');
      return options.findIndex((o) => o.startsWith('Lorsqu') || o === '200');
    },
    async askChoices({ options }) {
      asked.push('choices');
      return options.flatMap((o, i) => (o === 'count' || o === 'collect' ? [i] : []));
    },
    async askAnswer({ multiline }) {
      asked.push(multiline ? 'open' : 'cloze');
      return multiline ? 'redistribution sur le disque et un nouveau stage' : 'autoBroadcastJoinThreshold';
    },
    async askRating({ suggestion }) {
      return suggestion;
    },
    async askConfirm() {
      return true;
    },
    async askReveal() {
      asked.push('reveal');
    },
  };
}

const demo: QuizOptions = { bank: join(FIXTURES, 'good'), topic: 'demo' };

describe('quizCommand with a scripted adapter', () => {
  it('runs a whole mixed session: every kind asked its own way, all right, saved, summarized', async () => {
    const { home, ctx, out } = await setup();
    const asked: string[] = [];
    await quizCommand(ctx as AppContext, { ...demo, count: 6 }, { prompts: rightAnswers(asked), rng: seeded(5) });
    expect(asked.sort()).toEqual(['choice', 'choice', 'choices', 'cloze', 'open', 'reveal']);
    expect(out()).toContain('6 questions : 0 à revoir, 6 nouvelles.');
    expect(out()).toMatch(/5\/5 justes \(100 %\) · 6 questions/);
    const history = storedData(home).history;
    expect(history.quizzes[0].reviews).toHaveLength(6);
    const cards = storedData(home).cards;
    expect(Object.keys(cards.cards)).toHaveLength(6);
    expect(readdirSync(join(home, 'cache')).length).toBeGreaterThan(0);
  });

  it('the second run finds nothing due, offers to cram, and the schedule does not move', async () => {
    const { home, ctx, out } = await setup();
    await quizCommand(ctx as AppContext, { ...demo, mode: 'mcq' }, { prompts: rightAnswers([]), rng: seeded(1) });
    const before = JSON.stringify(storedData(home).cards);
    await quizCommand(ctx as AppContext, { ...demo, mode: 'mcq' }, { prompts: rightAnswers([]), rng: seeded(2) });
    expect(out()).toContain('Rien à revoir pour l’instant (demo)');
    expect(out()).toContain('Révision libre terminée');
    expect(JSON.stringify(storedData(home).cards)).toBe(before);
  });

  it('--new 0 on a fresh home: nothing to review, cram declined, nothing written', async () => {
    const { home, ctx, out } = await setup();
    const decline: Prompts = { ...rightAnswers([]), askConfirm: async () => false };
    await quizCommand(ctx as AppContext, { ...demo, new: 0 }, { prompts: decline });
    expect(out()).toContain('Rien à revoir pour l’instant (demo).');
    expect(out()).toContain('À plus tard.');
    expect(readdirSync(home).filter((f) => f !== 'cache')).toEqual([]);
  });

  it('an interruption saves what was rated and is rethrown for main() to exit 130', async () => {
    const { home, ctx, out } = await setup();
    const { PitchError } = await import('../../../src/core/errors.js');
    let answered = 0;
    const prompts: Prompts = {
      ...rightAnswers([]),
      askChoice: async ({ options }) => {
        if (answered++ === 1) throw new PitchError('interrupted', 'error.interrupted');
        return options.findIndex((o) => o.startsWith('Lorsqu') || o === '200');
      },
    };
    await expect(
      quizCommand(ctx as AppContext, { ...demo, mode: 'mcq' }, { prompts, rng: seeded(1) }),
    ).rejects.toMatchObject({ kind: 'interrupted' });
    expect(out()).toContain('Session arrêtée : 1 note enregistrée.');
    const history = storedData(home).history;
    expect(history.quizzes[0]).toMatchObject({ interrupted: true, reviews: [{ questionId: 'demo-mcq-lazy' }] });
  });

  it('a pack with problems: the good questions are drilled and one warning line tells about the rest', async () => {
    const { ctx, err, out } = await setup();
    await quizCommand(
      ctx as AppContext,
      { bank: join(FIXTURES, 'broken'), topic: 'argo-fixture' },
      { prompts: rightAnswers([]) },
    );
    expect(err()).toMatch(
      /^9 problèmes dans les paquets de questions, questions concernées ignorées \(par exemple .*argo\.yaml:11 : question « argo-retry-1 » : « answer » doit être l’une des options\)\. Détail : pitch quiz --check\n$/,
    );
    expect(out()).toContain('Une question valide reste utilisable');
  });

  it('an edited pack is read again (the cache follows the bytes)', async () => {
    const { ctx, out } = await setup();
    const list = async (o: QuizOptions) => {
      const before = out().length;
      await quizCommand(ctx as AppContext, { ...o, listTopics: true, json: true });
      return JSON.parse(out().slice(before)) as Array<{ id: string; questions: number }>;
    };
    const good = await list({ bank: join(FIXTURES, 'good') });
    expect(good.find((t) => t.id === 'demo')!.questions).toBe(6);
    const both = await list({ bank: join(FIXTURES, 'extra') });
    expect(both.find((t) => t.id === 'demo')!.questions).toBe(1);
    expect((await list({ bank: join(FIXTURES, 'good') })).find((t) => t.id === 'demo')!.questions).toBe(6);
  });
});
