/** Which language the interface speaks. Kept apart from the messages so the entry point can decide it cheaply. */
export type Lang = 'fr' | 'en';
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
