import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import { sanitize } from '../sanitize.js';

/** "Erreur : <sentence>" then "Astuce : <hint>", both sanitized (they may quote file names and user text). */
export function formatError(t: Translate, chalk: ChalkInstance, message: string, hint?: string): string {
  const sep = t('punct.colon');
  const lines = [`${chalk.red.bold(t('error.prefix'))}${sep}${sanitize(message)}`];
  if (hint) lines.push(`${chalk.dim(t('error.hint'))}${sep}${sanitize(hint)}`);
  return lines.join('\n') + '\n';
}
