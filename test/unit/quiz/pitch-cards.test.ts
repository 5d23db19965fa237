import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
    // A term bold in several sections is one card (Crédit Agricole CIB is bold in § 1 and § 2.1).
    expect(topic.questions.filter((q) => q.answers?.[0] === 'Crédit Agricole CIB')).toHaveLength(1);
    for (const q of topic.questions.filter((x) => x.kind === 'cloze')) {
      expect(q.prompt).toContain('___');
      // The blanked sentence never gives the answer away.
      expect(q.prompt.toLowerCase()).not.toContain(` ${q.answers![0]!.toLowerCase()} `);
      // And typing the term is graded right.
      expect(gradeCloze(q, q.answers![0]!, 30).correct).toBe(true);
    }
  });

  it('a term too short to stand alone borrows the sentence before it, other cards’ answers masked in it', () => {
    expect(byId.get('pitch-1-pitch-court-calcul')!.prompt).toBe(
      'Dans …, il y a trois sous‑projets : Acquisition, ___ et Distribution.',
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

describe('cloze cards from any pitch (property)', () => {
  // Pitches made of sentences with a few bold terms each, some terms bold in several places; each
  // sentence carries its own number so two sentences never read the same once answers are masked.
  const term = fc.constantFrom(
    'Spark',
    'Kubernetes',
    'Argo Workflows',
    'ArgoCD',
    'GitLab',
    'Grafana',
    'Trino',
    'Oracle',
  );
  const sentenceTerms = fc.uniqueArray(term, { minLength: 1, maxLength: 3 });
  const pitchText = fc
    .array(fc.array(sentenceTerms, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
    .map((sections) => {
      let n = 0;
      return sections
        .map(
          (body, i) =>
            `## Partie ${i + 1}\n\n` +
            body
              .map((terms) => `Le point ${++n} utilise ${terms.map((t) => `**${t}**`).join(' avec ')} en production.`)
              .join(' ') +
            '\n',
        )
        .join('\n');
    });
  const maskedSentence = (q: { explanation?: string; answers?: string[] }) =>
    q.explanation!.replace(q.answers![0]!, '…');

  it('one card per key term, never two from the same sentence in a row when the pitch allows it, no explanation holding another card’s answer', () => {
    fc.assert(
      fc.property(pitchText, (text) => {
        const cards = pitchTopic(parsePitch(text, 'p.md'), labels).questions.filter((q) => q.kind === 'cloze');
        const answers = cards.map((q) => q.answers![0]!);
        const bold = new Set([...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.toLowerCase()));
        expect(answers.map((a) => a.toLowerCase()).sort()).toEqual([...bold].sort());
        const counts = new Map<string, number>();
        for (const q of cards) counts.set(maskedSentence(q), (counts.get(maskedSentence(q)) ?? 0) + 1);
        if (Math.max(...counts.values()) <= Math.ceil(cards.length / 2))
          for (let i = 1; i < cards.length; i++)
            expect(maskedSentence(cards[i - 1]!), `cards ${i} and ${i + 1}`).not.toBe(maskedSentence(cards[i]!));
        for (const q of cards) {
          expect(containsWord(q.explanation!, q.answers![0]!)).toBe(true);
          for (const other of answers)
            if (!q.answers![0]!.toLowerCase().includes(other.toLowerCase()))
              expect(containsWord(q.explanation!, other), `« ${other} » in « ${q.explanation} »`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function containsWord(text: string, word: string): boolean {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + word.length])) return true;
  return false;
}
