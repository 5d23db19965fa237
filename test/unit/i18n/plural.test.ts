import { describe, expect, it } from 'vitest';
import { common } from '../../../src/i18n/messages/common.js';
import { interview } from '../../../src/i18n/messages/interview.js';
import { quiz } from '../../../src/i18n/messages/quiz.js';
import { rehearse } from '../../../src/i18n/messages/rehearse.js';
import { stats } from '../../../src/i18n/messages/stats.js';
import { audio } from '../../../src/i18n/messages/audio.js';
import { init } from '../../../src/i18n/messages/init.js';
import { report } from '../../../src/i18n/messages/report.js';
import { translator } from '../../../src/i18n/index.js';

const all = { ...common, ...rehearse, ...quiz, ...audio, ...stats, ...interview, ...init, ...report };

describe('plurals', () => {
  it('commander’s default note is translated', async () => {
    const { createProgram } = await import('../../../src/cli/program.js');
    const { createContext } = await import('../../../src/cli/context.js');
    const help = (lang: 'fr' | 'en') => {
      const rehearse = createProgram(createContext(lang, {})).commands.find((c) => c.name() === 'rehearse')!;
      return rehearse.helpInformation();
    };
    expect(help('fr').replace(/\s+/g, ' ')).toContain('(par défaut : « auto »)');
    expect(help('fr')).not.toContain('default:');
    expect(help('en').replace(/\s+/g, ' ')).toContain('(default: "auto")');
  });

  it('follow French rules: 0 and 1 are singular', () => {
    const t = translator('fr');
    expect(t('quiz.summary.scoreNoGraded', { count: 0, time: '1 min' })).toBe('0 carte en 1 min');
    expect(t('quiz.summary.scoreNoGraded', { count: 1, time: '1 min' })).toBe('1 carte en 1 min');
    expect(t('quiz.summary.scoreNoGraded', { count: 9, time: '1 min' })).toBe('9 cartes en 1 min');
    expect(t('quiz.summary.next', { when: 'demain', day: 9, week: 12 })).toContain('9 cartes dues d’ici 24 h');
    expect(t('quiz.summary.next', { when: 'demain', day: 1, week: 1 })).toContain('1 carte due d’ici 24 h');
  });

  it('follow English rules: only 1 is singular', () => {
    const t = translator('en');
    expect(t('quiz.summary.scoreNoGraded', { count: 0, time: '1 min' })).toBe('0 cards in 1 min');
    expect(t('quiz.summary.scoreNoGraded', { count: 1, time: '1 min' })).toBe('1 card in 1 min');
    expect(t('summary.newBests', { count: 2 })).toBe('2 new best segments');
  });

  it('no message writes a plural the « carte(s) » way', () => {
    for (const [key, { fr, en }] of Object.entries(all)) {
      expect(fr.replaceAll('http(s)', 'http'), key).not.toMatch(/\p{L}\((?:s|x|e|es)\)/u);
      expect(en.replaceAll('http(s)', 'http'), key).not.toMatch(/\p{L}\((?:s|es)\)/u);
    }
  });

  it('English messages quote the English way', () => {
    for (const [key, { en }] of Object.entries(all)) expect(en, key).not.toMatch(/[«»]/u);
  });
});
