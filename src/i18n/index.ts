import { common } from './messages/common.js';
import { rehearse } from './messages/rehearse.js';
import { quiz } from './messages/quiz.js';
import { audio } from './messages/audio.js';
import { stats } from './messages/stats.js';
import { interview } from './messages/interview.js';
import { init } from './messages/init.js';
import { report } from './messages/report.js';
import { store } from './messages/store.js';
import { grade } from './messages/grade.js';

/**
 * Every user-facing sentence lives under src/i18n/messages, one file per domain, each message
 * with its French and English text side by side so neither can be forgotten. No key is in two
 * domains (a unit test checks), so a message is looked up in each domain in turn: merging the
 * ~800 messages into one object cost every command ~2–3 ms at start (docs/performance.md).
 */
const DOMAINS = [common, rehearse, quiz, audio, stats, interview, report, store, grade, init] as const;

type Messages = typeof common &
  typeof rehearse &
  typeof quiz &
  typeof audio &
  typeof stats &
  typeof interview &
  typeof report &
  typeof store &
  typeof grade &
  typeof init;

type Message = { fr: string; en: string };

function messageOf(key: MessageKey): Message {
  for (const domain of DOMAINS) {
    const found = (domain as Record<string, Message | undefined>)[key];
    if (found) return found;
  }
  return undefined as unknown as Message;
}

export type { Lang } from './lang.js';
import type { Lang } from './lang.js';
export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A translator for one language; `{name}` placeholders are filled from params. Plurals follow the
 * language's rules (Intl.PluralRules: French says « 0 carte », « 1 carte », « 2 cartes »; English
 * « 0 cards », « 1 card »): `{count, plural, one {# carte} other {# cartes}}`, `#` being the number.
 */
export function translator(lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang);
  return (key, params = {}) =>
    messageOf(key)
      [lang].replace(PLURAL, (whole, name: string, forms: string) => {
        if (!(name in params)) return whole;
        const n = Number(params[name]);
        const options = new Map([...forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
        const form = options.get(rules.select(n)) ?? options.get('other') ?? '';
        return form.replace(/#/g, String(params[name]));
      })
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
