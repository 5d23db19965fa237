import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { blankTerm, pitchTopic, type PitchCardLabels } from '../../../src/quiz/pitch-cards.js';
import { parsePitch } from '../../../src/pitch/parse.js';
import { gradeCloze } from '../../../src/quiz/grade.js';
import { BUNDLED_PITCH_PATH, bundledPitch } from '../../helpers/pitch.js';

const labels: PitchCardLabels = {
  title: 'Votre pitch',
  recallPrompt: (intro, count) => `Récitez ${count} : ${intro}`,
  where: (s) => `§ ${s.number} ${s.title}`,
};

describe('the user’s pitch as a topic', () => {
  const topic = pitchTopic(bundledPitch(), labels);
  const byId = new Map(topic.questions.map((q) => [q.id, q]));

  it('blanks each bold key term in its sentence, with an id from the section and the term', () => {
    expect(topic).toMatchObject({ id: 'pitch', title: 'Votre pitch', aliases: [] });
    expect(byId.get('pitch-1-pitch-court-ibrahim')).toMatchObject({
      kind: 'cloze',
      prompt: 'Bonjour, je m’appelle ___.',
      answers: ['Ibrahim'],
      where: '§ 1 Pitch court (≈ 2 min)',
    });
    expect(byId.get('pitch-1-pitch-court-argo-workflows')!.prompt).toBe(
      'Créé et optimisé des workflows avec ___ pour orchestrer les traitements de calcul et de distribution ;',
    );
    expect(byId.get('pitch-2-1-contexte-enjeux-credit-agricole-cib')!.prompt).toContain(
      'Le projet Bâle IV chez ___ est un système critique',
    );
    for (const q of topic.questions.filter((x) => x.kind === 'cloze')) {
      expect(q.prompt).toContain('___');
      // The blanked sentence never gives the answer away.
      expect(q.prompt.toLowerCase()).not.toContain(` ${q.answers![0]!.toLowerCase()} `);
      // And typing the term is graded right.
      expect(gradeCloze(q, q.answers![0]!, 30).correct).toBe(true);
    }
  });

  it('a term too short to stand alone borrows the sentence before it for context', () => {
    expect(byId.get('pitch-1-pitch-court-acquisition')!.prompt).toBe(
      'Dans Bâle IV, il y a trois sous‑projets : ___, Calcul et Distribution.',
    );
  });

  it('the short pitch’s lists and enumerations become recall cards', () => {
    const recalls = topic.questions.filter((q) => q.kind === 'flash');
    expect(recalls.map((q) => q.prompt)).toEqual([
      'Récitez 3 : Dans Bâle IV, il y a trois sous‑projets :',
      'Récitez 5 : Concrètement, j’ai :',
    ]);
    expect(recalls[0]!.modelAnswer).toBe('• Acquisition\n• Calcul\n• Distribution');
    expect(recalls[1]!.modelAnswer!.split('\n')).toHaveLength(5);
    expect(recalls[1]!.modelAnswer).toMatch(/^• Implémenté et optimisé des jobs Spark sur Kubernetes/);
    expect(recalls.map((q) => q.id)).toEqual(['pitch-1-pitch-court-liste-1', 'pitch-1-pitch-court-liste-2']);
  });

  it('ids are unique', () => {
    expect(new Set(topic.questions.map((q) => q.id)).size).toBe(topic.questions.length);
    expect(topic.questions.length).toBeGreaterThan(40);
  });

  it('ids stay the same when the words around a term change', () => {
    const original = readFileSync(BUNDLED_PITCH_PATH, 'utf8');
    const edited = original
      .replace(
        'Bonjour, je m’appelle **Ibrahim**.',
        'Bonjour à toutes et à tous, moi c’est **Ibrahim**, ravi d’être ici.',
      )
      .replace('Ma mission actuelle est chez', 'Depuis deux ans, ma mission est chez');
    const after = pitchTopic(parsePitch(edited, 'edited.md'), labels);
    const ibrahim = after.questions.find((q) => q.id === 'pitch-1-pitch-court-ibrahim');
    expect(ibrahim!.prompt).toBe('Bonjour à toutes et à tous, moi c’est ___, ravi d’être ici.');
    expect(after.questions.find((q) => q.id === 'pitch-1-pitch-court-credit-agricole-cib')!.prompt).toMatch(
      /^Depuis deux ans, ma mission est chez ___/,
    );
    expect(after.questions.map((q) => q.id).sort()).toEqual(topic.questions.map((q) => q.id).sort());
  });
});

describe('blankTerm', () => {
  it('blanks whole words only, every time they appear', () => {
    expect(blankTerm('Spark lit la SparkSession puis Spark écrit.', 'Spark')).toBe(
      '___ lit la SparkSession puis ___ écrit.',
    );
    expect(blankTerm('Rien ici à voir.', 'Spark')).toBeNull();
    expect(blankTerm('Spark.', 'Spark')).toBeNull(); // nothing left to recall it from
  });
});
