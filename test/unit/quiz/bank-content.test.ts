// The bundled question bank (issue 5) against its own bar: it loads clean, and each topic has the
// questions, kinds and sources an interview at that level needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/quiz/bank.js';
import { formatIssue } from '../../../src/ui/render/quiz-list.js';
import { translator } from '../../../src/i18n/index.js';
import type { QuestionKind } from '../../../src/quiz/types.js';
import { CHECKED } from '../../../src/quiz/pack.js';
import { findLengthBias, MAX_LENGTH_SHARE, measureLengthBias } from '../../../src/quiz/mcq-form.js';
import { parsePitch } from '../../../src/pitch/parse.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { BUNDLED_DIR, sourcesIn } from './helpers.js';

/** The bank as of question bank v2 (issue 14): a topic never silently shrinks. */
const MINIMUM: Record<string, number> = {
  spark: 91,
  'spark-k8s': 23,
  argo: 41,
  argocd: 57,
  helm: 25,
  kubernetes: 40,
  cicd: 29,
  observability: 30,
  bale4: 36,
  platform: 22,
  agile: 13,
  behavioral: 37,
  'pitch-followups': 29,
};
/** Topics that are about the person, not a technology: no documentation to point to. */
const NOT_TECHNICAL = new Set(['behavioral', 'pitch-followups']);

describe('the bundled question bank', async () => {
  const bank = await loadBank(sourcesIn(BUNDLED_DIR));
  const topics = new Map(bank.topics.map((t) => [t.id, t]));
  const all = bank.topics.flatMap((t) => t.questions);

  it('every pack loads and validates, with no problem reported', () => {
    expect(bank.issues.map((i) => formatIssue(i, translator('en')))).toEqual([]);
  });

  it('question ids are unique across the bank', () => {
    const ids = all.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(Object.entries(MINIMUM))('%s has at least %i questions', (id, min) => {
    expect(topics.get(id)?.questions.length ?? 0).toBeGreaterThanOrEqual(min);
  });

  it.each(Object.keys(MINIMUM).filter((id) => !NOT_TECHNICAL.has(id)))(
    '%s mixes mcq, open and flash questions, each with a source URL',
    (id) => {
      const questions = topics.get(id)?.questions ?? [];
      const kinds = new Set<QuestionKind>(questions.map((q) => q.kind));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['flash', 'mcq', 'open']));
      expect(questions.filter((q) => !q.source?.startsWith('http')).map((q) => q.id)).toEqual([]);
    },
  );

  it('every open question carries 2 to 5 key points, each with phrasings', () => {
    const off = all.filter(
      (q) =>
        q.kind === 'open' &&
        !(
          q.keyPoints &&
          q.keyPoints.length >= 2 &&
          q.keyPoints.length <= 5 &&
          q.keyPoints.every((k) => k.accept.length > 0)
        ),
    );
    expect(off.map((q) => q.id)).toEqual([]);
  });

  it('every mcq has its right answers among its options, and at least one wrong option', () => {
    const off = all.filter(
      (q) =>
        q.kind === 'mcq' &&
        !(q.answers?.length && q.answers.every((a) => q.options?.includes(a)) && q.answers.length < q.options!.length),
    );
    expect(off.map((q) => q.id)).toEqual([]);
  });

  it('a technical question marked `checked` names the version it was checked against, in a month already past', () => {
    const checked = all.filter((q) => q.checked !== undefined && !NOT_TECHNICAL.has(q.topic));
    const off = checked.filter((q) => {
      const m = CHECKED.exec(q.checked!);
      return !m || !m[3] || `${m[1]}-${m[2]}` > new Date().toISOString().slice(0, 7);
    });
    expect(off.map((q) => `${q.id}: ${q.checked}`)).toEqual([]);
    // The two facts the review found wrong were fixed and checked (issue 14).
    expect(checked.map((q) => q.id)).toEqual(expect.arrayContaining(['argo-memoization-1', 'cicd-image-digest-1']));
  });

  it('every follow-up on the pitch is an open question tied to a section of the bundled pitch', () => {
    const pitchFile = join(BUNDLED_DIR, '..', 'pitch.fr.md');
    const numbers = new Set(
      flattenSections(parsePitch(readFileSync(pitchFile, 'utf8'), pitchFile).sections).map((s) => s.number),
    );
    const followUps = topics.get('pitch-followups');
    expect(followUps?.title).toBe('Questions de relance sur le pitch');
    const off = (followUps?.questions ?? []).filter(
      (q) => q.kind !== 'open' || q.pitchRef === undefined || !numbers.has(q.pitchRef) || !q.modelAnswer,
    );
    expect(off.map((q) => `${q.id} (${q.pitchRef})`)).toEqual([]);
    // The candidate's own figures are asked for, not invented.
    const toFill = followUps!.questions.filter((q) => q.keyPoints!.some((k) => k.point.includes('[à préciser]')));
    expect(toFill.length).toBeGreaterThanOrEqual(10);
    // Only follow-ups carry a pitchRef.
    expect(all.filter((q) => q.pitchRef !== undefined && q.topic !== 'pitch-followups').map((q) => q.id)).toEqual([]);
  });

  it("README's topic table and total are the bank's", () => {
    const readme = readFileSync(join(BUNDLED_DIR, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(bank.topics.map((t) => [t.id, t.questions.length])));
    expect(readme).toContain(`| | **total** | **${all.length}** | |`);
    expect(readme).toContain(`and ${all.length} French interview questions`);
  });

  it('an MCQ is not answered by the length of its options, nor by "all of the above"', () => {
    const bias = measureLengthBias(all);
    expect(bias.measured).toBeGreaterThanOrEqual(150);
    expect(bias.longest / bias.measured, 'share where the right option is the longest').toBeLessThanOrEqual(
      MAX_LENGTH_SHARE,
    );
    expect(bias.shortest / bias.measured, 'share where the right option is the shortest').toBeLessThanOrEqual(
      MAX_LENGTH_SHARE,
    );
    // Nor the reverse tell: "the longest is never the right one" would be just as easy to learn.
    expect(bias.longest / bias.measured).toBeGreaterThanOrEqual(0.1);
    // No bundled pack would be warned about by `pitch quiz --check`.
    expect(findLengthBias(all)).toEqual([]);
    const catchAll =
      /tout(es)? (les réponses|ce qui précède|les propositions)|aucune des (réponses|propositions)|all of the above|none of the above/i;
    expect(all.filter((q) => q.options?.some((o) => catchAll.test(o))).map((q) => q.id)).toEqual([]);
  });

  it('every flash card has an answer to reveal and every cloze exactly one blank', () => {
    expect(all.filter((q) => q.kind === 'flash' && !q.modelAnswer?.trim()).map((q) => q.id)).toEqual([]);
    expect(all.filter((q) => q.kind === 'cloze' && q.prompt.split('___').length !== 2).map((q) => q.id)).toEqual([]);
  });
});
