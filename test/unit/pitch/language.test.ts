import { describe, expect, it } from 'vitest';
import { detectTextLang, readPitchLang, splitFrontMatter } from '../../../src/pitch/language.js';
import { parsePitch } from '../../../src/pitch/parse.js';
import { bundledPitch } from '../../helpers/pitch.js';

describe('the language of a pitch', () => {
  it('is French for the bundled pitch', () => expect(bundledPitch().lang).toBe('fr'));

  it('is read from the words when nothing says it', () => {
    expect(detectTextLang('Hello, I am a data engineer and I have worked on the risk platform of a bank.')).toBe('en');
    expect(detectTextLang('Bonjour, je suis ingénieur data et j’ai travaillé sur la plateforme de risques.')).toBe(
      'fr',
    );
    expect(detectTextLang('Spark, Kubernetes, Argo CD.')).toBe('fr'); // unsure: French
  });

  it('is set by front matter `lang:`, which is not a section', () => {
    const pitch = parsePitch('---\nlang: en\ntitle: x\n---\n# Pitch (1 min)\n\nBonjour à tous.\n', 'p.md');
    expect(pitch.lang).toBe('en');
    expect(pitch.sections.map((s) => s.title)).toEqual(['Pitch (1 min)']);
  });

  it('reads the usual ways of naming a language', () => {
    expect(['fr', 'fr-FR', 'Français', 'french'].map(readPitchLang)).toEqual(['fr', 'fr', 'fr', 'fr']);
    expect(['en', 'en_GB', 'English', 'anglais'].map(readPitchLang)).toEqual(['en', 'en', 'en', 'en']);
    expect(readPitchLang('de')).toBeNull();
  });

  it('leaves a file without front matter untouched', () => {
    const md = '# A\n\n---\n\ntext\n';
    expect(splitFrontMatter(md)).toEqual({ fields: {}, body: md });
  });
});
