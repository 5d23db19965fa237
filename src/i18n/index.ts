import { common } from './messages/common.js';
import { rehearse } from './messages/rehearse.js';
import { quiz } from './messages/quiz.js';
import { audio } from './messages/audio.js';
import { stats } from './messages/stats.js';
import { interview } from './messages/interview.js';

/**
 * Every user-facing sentence lives under src/i18n/messages, one file per domain, each message
 * with its French and English text side by side so neither can be forgotten.
 */
const messages = { ...common, ...rehearse, ...quiz, ...audio, ...stats, ...interview };

export type Lang = 'fr' | 'en';
export type MessageKey = keyof typeof messages;
export type Params = Record<string, string | number>;
export const LANGS: readonly Lang[] = ['fr', 'en'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Language choice: --lang > PITCH_LANG > the locale (LC_ALL, LC_MESSAGES, LANG starting with "en") > French. */
export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (explicit && isLang(explicit)) return explicit;
  const fromEnv = env.PITCH_LANG?.toLowerCase();
  if (fromEnv && isLang(fromEnv)) return fromEnv;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  return (key, params = {}) =>
    messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every key, for tests that check placeholders match across languages. */
export function allMessages(): Record<string, { fr: string; en: string }> {
  return messages;
}
