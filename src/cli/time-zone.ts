import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import { localTimeZone } from '../stats/days.js';
import { icuCacheKey } from './cache.js';

/**
 * The name of the process's time zone (TZ, else the system's) as Intl gives it, kept in $PITCH_HOME/cache
 * while everything ICU reads to find it is the same. The first Intl object of a process costs ~12 ms (ICU
 * loading its locale data), and `pitch stats --json` made one only for this name (docs/performance.md).
 *
 * On Linux, ICU takes the zone from TZ when it names one, else from where /etc/localtime links to, else by
 * finding a file of /usr/share/zoneinfo with the same bytes, else from the C library's names and offset for
 * TZ and /etc/localtime. The key holds TZ, /etc/localtime's link, its target and that file's identity
 * (inode, size, times), the zoneinfo folder's, Node's and ICU's versions and tz data, the ICU data options
 * and the program's build: any of them changed, Intl is asked again. An /etc/localtime that is a copy rather than
 * a link (ICU would then compare it with every zone file), and other systems (macOS, Windows: the zone
 * comes from places this does not watch), always ask Intl.
 */
export function timeZoneName(store: Store, env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform !== 'linux' || isCopy('/etc/localtime')) return localTimeZone();
  const tz = env.TZ;
  const key = icuCacheKey(env, [
    env.ICU_TIMEZONE_FILES_DIR ?? '',
    tz === undefined ? '\0unset' : tz,
    link('/etc/localtime'),
    fileIdentity('/etc/localtime'),
    fileIdentity('/usr/share/zoneinfo'),
  ]);
  // One file per TZ, so runs that alternate zones do not evict each other.
  const name = `time-zone-${createHash('sha1')
    .update(tz === undefined ? '\0unset' : tz)
    .digest('hex')
    .slice(0, 12)}`;
  const known = store.readCache<string>(name, key);
  if (typeof known === 'string' && known !== '') return known;
  const zone = localTimeZone();
  if (typeof zone === 'string' && zone !== '') store.writeCache(name, key, zone);
  return zone;
}

/** Where a path leads (links followed) and that file's identity; "missing" when it cannot be read. */
function fileIdentity(path: string): string {
  try {
    const target = realpathSync(path);
    const s = statSync(target, { bigint: true });
    return `${target}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return 'missing';
  }
}

/** Whether a path is there and is not a symbolic link. */
function isCopy(path: string): boolean {
  try {
    return !lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a symbolic link holds; "" when the path is not one. */
function link(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
