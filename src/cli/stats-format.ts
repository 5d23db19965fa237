import type { Store } from '../store/store.js';
import type { Lang } from '../i18n/index.js';
import { icuCacheKey } from './cache.js';
import {
  intlStatsFormat,
  isStatsPieces,
  piecesStatsFormat,
  readStatsPieces,
  type StatsFormat,
} from '../ui/stats-format.js';

/**
 * How `pitch stats` (and `pitch analyze`'s text report, ui/numbers.ts) writes numbers and dates in `lang`: from the language's pieces kept in $PITCH_HOME/cache
 * while what ICU reads them from is the same, so the text view makes no Intl.NumberFormat or DateTimeFormat
 * (~15 ms of the command, docs/performance.md). The key holds the program's build, Node's, ICU's, CLDR's and
 * Unicode's versions, the ICU data options, the locale variables ICU may fall back to, and the language: any
 * of them changed, the pieces are read from Intl again (and checked against it: ui/stats-format.ts). When
 * they cannot be trusted, Intl writes everything.
 */
export function statsFormat(store: Store, lang: Lang, env: NodeJS.ProcessEnv = process.env): StatsFormat {
  const key = icuCacheKey(env, [env.LC_ALL ?? '', env.LC_MESSAGES ?? '', env.LANG ?? '', env.LANGUAGE ?? '', lang]);
  const name = `stats-format-${lang}`;
  const known = store.readCache<unknown>(name, key);
  if (isStatsPieces(known)) return piecesStatsFormat(lang, known);
  const pieces = readStatsPieces(lang);
  if (!pieces) return intlStatsFormat(lang);
  store.writeCache(name, key, pieces);
  return piecesStatsFormat(lang, pieces);
}
