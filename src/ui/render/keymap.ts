import type { ChalkInstance } from 'chalk';
import type { KeyMap } from '../../core/keymap.js';
import type { Translate } from '../../i18n/index.js';

/** A screen's footer, read from its key table: each key's part, joined, in the screen's lead if any. */
export function renderKeyFooter(map: KeyMap<string>, t: Translate): string {
  const keys = map.bindings.flatMap((b) => (b.footer ? [t(b.footer)] : [])).join(' · ');
  return map.lead ? t(map.lead, { keys }) : keys;
}

/** A screen's `?` help, read from its key table: a title, one line per key, how to close it. */
export function renderKeyHelp(map: KeyMap<string>, t: Translate, chalk: ChalkInstance): string[] {
  return [
    chalk.bold(t('live.help.title')),
    ...map.bindings.flatMap((b) => (b.help ? [`  ${t(b.help)}`] : [])),
    `  ${t('live.help.close')}`,
  ];
}
