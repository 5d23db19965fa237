import { common } from './messages/common.js';
import { rehearse } from './messages/rehearse.js';
import { quiz } from './messages/quiz.js';
import { audio } from './messages/audio.js';
import { stats } from './messages/stats.js';
import { interview } from './messages/interview.js';
import { report } from './messages/report.js';
import { store } from './messages/store.js';
import { grade } from './messages/grade.js';

/**
 * Every user-facing sentence lives under src/i18n/messages, one file per domain, each message
 * with its French and English text side by side so neither can be forgotten.
 */
const messages = { ...common, ...rehearse, ...quiz, ...audio, ...stats, ...interview, ...report, ...store, ...grade };

export type { Lang } from './lang.js';
import type { Lang } from './lang.js';
export type MessageKey = keyof typeof messages;
export type Params = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  return (key, params = {}) =>
    messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
