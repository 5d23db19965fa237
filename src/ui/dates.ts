import type { Lang, Translate } from '../i18n/index.js';

/**
 * A moment as people say it, in local time, relative to now: "il y a 5 min", "aujourd’hui 14:05",
 * "demain 18:12", "dans 3 j", then a date ("4 déc. 18:12", with the year when it is not this one).
 * Intl does the wording in both languages; the calendar days are the user's (the process's time zone).
 */
export function formatWhen(when: string | Date, now: Date, lang: Lang, t: Translate): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return String(when);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  const diffMs = date.getTime() - now.getTime();
  const minutes = Math.round(diffMs / 60_000);
  if (minutes === 0) return t('date.now');
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const days = calendarDay(date) - calendarDay(now);
  if (Math.abs(days) <= 1) return `${relative.format(days, 'day')} ${time}`;
  if (Math.abs(days) < 7) return relative.format(days, 'day');
  const sameYear = date.getFullYear() === now.getFullYear();
  const day = new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return `${day} ${time}`;
}

/** Local calendar day number (days since the epoch in the local zone). */
function calendarDay(d: Date): number {
  return Math.round(new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 86_400_000);
}
